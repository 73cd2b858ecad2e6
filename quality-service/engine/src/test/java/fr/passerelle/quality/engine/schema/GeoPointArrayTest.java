package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The array geopoint read by hand must say what the JSON parser says, on good and bad spellings alike. */
class GeoPointArrayTest {

    @Test
    void readsWhatTheJsonParserReads() {
        List<String> pieces = List.of("[", "]", ",", " ", "\t", "\u00A0", "-", "+", "0", "1", "7", "48", ".", "5",
                "e", "E", "3", "\"", "2.35", "48.85", "-0", "00", "1e400", "NaN", "]x", "/*c*/");
        Random random = new Random(16);
        GeoPointType type = new GeoPointType(GeoPointType.Format.ARRAY);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            // Half of them shaped like a point, so that the pair is read; the others anything.
            if (random.nextBoolean()) {
                text.append('[').append(number(random)).append(random.nextBoolean() ? ", " : ",")
                        .append(number(random)).append(']');
            } else {
                int count = random.nextInt(9);
                for (int i = 0; i < count; i++) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                }
            }
            String cell = text.toString();
            Optional<JsonNode> json = JsonText.parse(cell).filter(node -> node.isArray() && node.size() == 2
                    && node.get(0).isNumber() && node.get(1).isNumber());
            double[] pair = GeoPointType.plainPair(cell);
            if (pair != null) {
                assertArrayEquals(new double[] {json.orElseThrow().get(0).doubleValue(), json.get().get(1).doubleValue()},
                        pair, cell);
            } else {
                // Left to the parser: anything it does not read as two numbers, and integers too long for a long.
                assertTrue(json.isEmpty() || cell.matches(".*\\d{19}.*"), cell);
            }
            // And the type as a whole, whichever way it read the cell, as when the parser read them all.
            assertEquals(parserOnly(cell), type.cast(cell), cell);
        }
    }

    /** How the type read an array point before it read the plain ones by hand. */
    private static Optional<Object> parserOnly(String cell) {
        return JsonText.parse(cell).filter(node -> node.isArray() && node.size() == 2).flatMap(node -> {
            double lon = numberOf(node.get(0));
            double lat = numberOf(node.get(1));
            return GeoPoint.isLongitude(lon) && GeoPoint.isLatitude(lat)
                    ? Optional.of(new GeoPoint(lon, lat)) : Optional.empty();
        });
    }

    private static double numberOf(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual() && node.textValue().matches("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)")) {
            return Double.parseDouble(node.textValue());
        }
        return Double.NaN;
    }

    private static String number(Random random) {
        String[] forms = {"2.3522", "-1.5", "48.8566", "0", "-0", "0.5", "181", "-90.0", "45", "1e2", "1.5E-3", "01",
                "1.", ".5", "+2", "12345678901234567890", "3.141592653589793238462643", "-", "4e", "0.0000001"};
        return forms[random.nextInt(forms.length)];
    }
}
