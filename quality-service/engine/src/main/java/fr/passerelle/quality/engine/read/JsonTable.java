package fr.passerelle.quality.engine.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON array of objects (keys are columns) or a GeoJSON FeatureCollection (properties are
 * columns, a Point geometry fills the schema's geopoint field, or its longitude and latitude
 * fields). Streamed with Jackson's {@link JsonParser}: one object in memory at a time. Two passes:
 * the first gathers the columns (every key of every object, in order of appearance), the second
 * yields the rows; row 1 is the header, so the n-th object is row n + 1.
 */
public final class JsonTable implements TableSource {

    /** Deepest nesting a table's cell may need (GeoJSON polygons nest four levels); hostile files nest thousands. */
    static final int MAX_NESTING = 64;
    /** The parser's own bounds, checked as it reads: no text, number or key can outgrow a CSV cell. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(TableReader.MAX_CELL_CHARS)
                    .maxNameLength(TableReader.MAX_CELL_CHARS)
                    .maxNumberLength(1_000)
                    .build())
            .build());
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final boolean geo;
    private final JsonParser parser;
    private final List<String> columns;
    private final GeometryColumns geometry;
    private final List<String> notes = new ArrayList<>();
    private long rowNumber;
    private boolean done;

    private JsonTable(boolean geo, JsonParser parser, List<String> columns, GeometryColumns geometry) {
        this.geo = geo;
        this.parser = parser;
        this.columns = columns;
        this.geometry = geometry;
    }

    /** @param geo true for a GeoJSON FeatureCollection, false for an array of objects */
    public static JsonTable open(Path file, boolean geo, TableSchema schema) throws IOException, UnreadableSourceException {
        Set<String> keys = new LinkedHashSet<>();
        boolean anyPoint = false;
        try (JsonParser first = FACTORY.createParser(file.toFile())) {
            if (!toRows(first, geo)) {
                throw new UnreadableSourceException(SourceFormat.JSON_NOT_TABLE.refusal(), null);
            }
            try {
                JsonItemScan scan = new JsonItemScan(geo, keys);
                while (scan.next(first)) {
                    if (keys.size() > TableReader.MAX_CELLS) {
                        throw new UnreadableSourceException("Le fichier JSON a plus de " + TableReader.MAX_CELLS
                                + " clés différentes : ce n'est pas un tableau que Passerelle peut contrôler.", null);
                    }
                }
                anyPoint = scan.anyPoint();
            } catch (StreamConstraintsException e) {
                // Over a limit: the file as a whole is no table, whatever rows came before.
                throw malformed(0, e);
            } catch (JsonProcessingException e) {
                if (keys.isEmpty()) {
                    throw malformed(0, e);
                }
                // The second pass stops at the same place and reports it, with the rows before.
            }
        } catch (JsonProcessingException e) {
            throw malformed(0, e);
        }
        GeometryColumns geometry = geo ? GeometryColumns.of(schema, keys) : GeometryColumns.NONE;
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(geometry.names());
        JsonParser parser = FACTORY.createParser(file.toFile());
        try {
            toRows(parser, geo);
        } catch (JsonProcessingException | RuntimeException e) {
            parser.close();
            throw malformed(0, e instanceof JsonProcessingException j ? j : null);
        }
        JsonTable table = new JsonTable(geo, parser, columns, geometry);
        table.notes.add(geo
                ? "Fichier GeoJSON lu : chaque objet (Feature) est une ligne, la ligne 1 étant celle des noms de colonnes."
                : "Fichier JSON lu : chaque objet de la liste est une ligne, la ligne 1 étant celle des noms de colonnes.");
        if (geo && anyPoint && geometry.names().isEmpty()) {
            table.notes.add("La géométrie des objets n'a pas été reprise : le schéma n'a pas de colonne de type geopoint "
                    + "ni de colonnes longitude et latitude.");
        }
        return table;
    }

    /** Moves the parser into the array of rows: the top-level array, or a FeatureCollection's "features". */
    private static boolean toRows(JsonParser parser, boolean geo) throws IOException {
        JsonToken token = parser.nextToken();
        if (!geo) {
            return token == JsonToken.START_ARRAY;
        }
        if (token != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("features") && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** The next object of the array, or null at its end. */
    private static JsonNode nextItem(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) {
            return null;
        }
        return parser.readValueAsTree();
    }

    private static UnreadableSourceException malformed(long rowNumber, JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new UnreadableSourceException(rowNumber, String.format(java.util.Locale.FRANCE,
                    "Le fichier JSON dépasse les limites de lecture de Passerelle%s : plus de %d niveaux d'imbrication, "
                            + "un texte ou un nom de clé de plus de %,d caractères, ou un nombre de plus de 1 000 chiffres. "
                            + "Ce n'est pas un tableau que Passerelle peut contrôler%s.",
                    e.getLocation() == null ? "" : " (ligne " + e.getLocation().getLineNr() + " du fichier)",
                    MAX_NESTING, TableReader.MAX_CELL_CHARS,
                    rowNumber == 0 ? "" : " : les objets suivants n'ont pas été contrôlés"), e);
        }
        String where = e == null || e.getLocation() == null ? ""
                : " (ligne " + e.getLocation().getLineNr() + " du fichier, caractère " + e.getLocation().getColumnNr() + ")";
        return new UnreadableSourceException(rowNumber, rowNumber == 0
                ? "Le fichier JSON est mal formé" + where + " : Passerelle ne peut pas le lire. Vérifiez-le avec un "
                        + "validateur JSON, ou envoyez un fichier CSV."
                : "Le fichier JSON est mal formé à l'objet n°" + (rowNumber - 1) + where + " : les objets suivants "
                        + "n'ont pas été contrôlés.", e);
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        if (done) {
            return null;
        }
        if (rowNumber == 0) {
            if (columns.isEmpty()) {
                // "[]", or objects without a key: no header, so no table.
                done = true;
                return null;
            }
            rowNumber = 1;
            return new TableRow(1, columns);
        }
        JsonNode item;
        try {
            item = nextItem(parser);
        } catch (JsonProcessingException e) {
            done = true;
            throw malformed(rowNumber + 1, e);
        }
        if (item == null) {
            done = true;
            return null;
        }
        rowNumber++;
        if (!geo && !item.isObject()) {
            done = true;
            throw new UnreadableSourceException(rowNumber, "L'élément n°" + (rowNumber - 1) + " de la liste JSON n'est pas "
                    + "un objet {\"colonne\": valeur} : Passerelle s'arrête là.", null);
        }
        JsonNode values = geo ? item.path("properties") : item;
        List<String> cells = new ArrayList<>(columns.size());
        int keyCount = columns.size() - geometry.names().size();
        for (int i = 0; i < keyCount; i++) {
            cells.add(text(values.get(columns.get(i))));
        }
        cells.addAll(geometry.cells(item.path("geometry")));
        return new TableRow(rowNumber, cells);
    }

    /** A value as a CSV cell: text as is, numbers without a spurious ".0", objects and arrays as JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return CellText.trim(value.textValue());
        }
        if (value.isFloatingPointNumber()) {
            return SpreadsheetCells.plain(value.decimalValue());
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    @Override
    public List<String> readingNotes() {
        return notes;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Where a Point geometry goes: the schema's geopoint field, or its longitude and latitude fields. */
    private record GeometryColumns(List<String> names, String geopointFormat) {

        static final GeometryColumns NONE = new GeometryColumns(List.of(), null);

        private static final List<Map.Entry<String, String>> LON_LAT_NAMES = List.of(
                Map.entry("longitude", "latitude"), Map.entry("lon", "lat"), Map.entry("long", "lat"),
                Map.entry("x", "y"));

        static GeometryColumns of(TableSchema schema, Set<String> properties) {
            for (Field field : schema.fields()) {
                if (field.type().name().equals("geopoint") && !properties.contains(field.name())) {
                    return new GeometryColumns(List.of(field.name()), field.format() == null ? "default" : field.format());
                }
            }
            List<String> names = schema.fieldNames();
            for (Map.Entry<String, String> pair : LON_LAT_NAMES) {
                if (names.contains(pair.getKey()) && names.contains(pair.getValue())
                        && !properties.contains(pair.getKey()) && !properties.contains(pair.getValue())) {
                    return new GeometryColumns(List.of(pair.getKey(), pair.getValue()), null);
                }
            }
            return NONE;
        }

        List<String> cells(JsonNode geometry) {
            if (names.isEmpty()) {
                return List.of();
            }
            JsonNode coordinates = geometry.path("coordinates");
            boolean point = geometry.path("type").asText().equals("Point") && coordinates.isArray()
                    && coordinates.size() >= 2 && coordinates.get(0).isNumber() && coordinates.get(1).isNumber();
            if (!point) {
                return names.stream().map(name -> "").toList();
            }
            String lon = SpreadsheetCells.plain(coordinates.get(0).decimalValue());
            String lat = SpreadsheetCells.plain(coordinates.get(1).decimalValue());
            if (names.size() == 2) {
                return List.of(lon, lat);
            }
            return List.of(switch (geopointFormat) {
                case "array" -> "[" + lon + "," + lat + "]";
                case "object" -> "{\"lon\":" + lon + ",\"lat\":" + lat + "}";
                default -> lon + "," + lat;
            });
        }
    }
}
