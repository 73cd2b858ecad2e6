package fr.passerelle.quality.engine.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The first pass over a JSON table, token by token: gathers the column names without building any
 * object, and bounds each object before the second pass builds it as a tree. Without this bound, one
 * object of ten million keys (a 200 MB line) would be built whole in memory.
 */
final class JsonItemScan {

    /** Tokens in one object: 10 000 cells are 20 000 tokens; a detailed polygon a few hundred thousand. */
    static final long MAX_TOKENS_PER_OBJECT = 1_000_000;
    /** Characters of text and keys in one object: the same bound as a CSV record. */
    static final long MAX_CHARS_PER_OBJECT = TableReader.MAX_ROW_CHARS;

    private final boolean geo;
    private final Set<String> keys;
    private boolean anyPoint;
    private long objects;

    /** @param keys receives the column names, in order of appearance */
    JsonItemScan(boolean geo, Set<String> keys) {
        this.geo = geo;
        this.keys = keys;
    }

    /**
     * Reads the next element of the rows' array.
     *
     * @return false at the end of the array
     * @throws UnreadableSourceException when the element outgrows the bounds
     */
    boolean next(JsonParser parser) throws IOException, UnreadableSourceException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) {
            return false;
        }
        objects++;
        if (token != JsonToken.START_OBJECT) {
            // Not an object: the second pass says so at its row.
            parser.skipChildren();
            return true;
        }
        int depth = 1;
        long tokens = 1;
        long chars = 0;
        String top = null;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null) {
                return false;
            }
            tokens++;
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    String name = parser.currentName();
                    chars += name.length();
                    if (depth == 1) {
                        top = name;
                        if (!geo) {
                            keys.add(name);
                        }
                    } else if (geo && depth == 2 && "properties".equals(top)) {
                        keys.add(name);
                    }
                }
                case VALUE_STRING -> {
                    chars += parser.getTextLength();
                    anyPoint |= geo && depth == 2 && "geometry".equals(top) && "type".equals(parser.currentName())
                            && "Point".equals(parser.getText());
                }
                default -> {
                    // Numbers, booleans and null: counted as tokens only.
                }
            }
            if (tokens > MAX_TOKENS_PER_OBJECT || chars > MAX_CHARS_PER_OBJECT) {
                throw new UnreadableSourceException(String.format(Locale.FRANCE, "L'objet n°%d du fichier JSON est "
                        + "démesuré (plus de %,d valeurs ou de %,d caractères) : ce n'est pas une ligne de tableau que "
                        + "Passerelle peut contrôler.", objects, MAX_TOKENS_PER_OBJECT, MAX_CHARS_PER_OBJECT), null);
            }
            if (depth == 1 && keys.size() > TableReader.MAX_CELLS) {
                return true;
            }
        }
        return true;
    }

    boolean anyPoint() {
        return anyPoint;
    }
}
