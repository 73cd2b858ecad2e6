package fr.passerelle.quality.engine.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed table of what clerks write for the columns of the national schemas, read from
 * {@code column-synonyms.txt} next to this class (its header says how to extend it). Each concept
 * names its fields by a pattern on their loose key, so one line serves every schema.
 */
public final class ColumnSynonyms {

    private static final String RESOURCE = "column-synonyms.txt";
    private static final ColumnSynonyms BUILT_IN = load();

    private final List<Concept> concepts;

    private ColumnSynonyms(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
    }

    /** The table shipped with the engine. */
    public static ColumnSynonyms builtIn() {
        return BUILT_IN;
    }

    /**
     * One concept: the schema fields holding it and what clerks write for it.
     *
     * @param name   a name for people reading the table, e.g. {@code latitude}
     * @param fields matched (found anywhere) against a field name's loose key
     * @param labels loose keys of the labels clerks write
     */
    record Concept(String name, Pattern fields, Set<String> labels) {
    }

    /** Whether {@code fieldKey} (a field name's loose key) holds a concept that {@code labelKey} names. */
    boolean names(String labelKey, String fieldKey) {
        for (Concept concept : concepts) {
            if (concept.labels().contains(labelKey) && concept.fields().matcher(fieldKey).find()) {
                return true;
            }
        }
        return false;
    }

    List<Concept> concepts() {
        return concepts;
    }

    private static ColumnSynonyms load() {
        try (InputStream in = ColumnSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table's format: {@code concept ; fields pattern ; label | label…}, {@code #} comments. */
    static ColumnSynonyms parse(BufferedReader lines) throws IOException {
        List<Concept> concepts = new ArrayList<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split(" ; ", -1);
            if (parts.length != 3) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 'concept ; fields ; labels'");
            }
            Set<String> labels = new HashSet<>();
            for (String label : parts[2].split("\\|")) {
                String key = LooseKey.of(label);
                if (!key.isEmpty()) {
                    labels.add(key);
                }
            }
            concepts.add(new Concept(parts[0].strip(), Pattern.compile(parts[1].strip()), Set.copyOf(labels)));
        }
        return new ColumnSynonyms(concepts);
    }
}
