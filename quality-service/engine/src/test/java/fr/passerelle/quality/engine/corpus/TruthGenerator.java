package fr.passerelle.quality.engine.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a truth for one national schema: N valid rows, the same for the same seed. */
abstract class TruthGenerator {

    abstract String schema();

    /** The field telling rows apart. */
    abstract String key();

    /** The values of row {@code index}, by field name; fields left out are empty. */
    abstract Map<String, String> row(int index, Fake fake, List<Commune> communes);

    /**
     * The truth's communes: with {@code leadingZeros}, only communes whose codes start with 0 (to lose in a
     * spreadsheet).
     */
    final Truth generate(List<String> fields, int rowCount, long seed, boolean ambiguousDates, boolean leadingZeros) {
        Fake fake = new Fake(seed, ambiguousDates);
        List<Commune> communes = leadingZeros ? Commune.LEADING_ZERO : Commune.ALL;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            Map<String, String> values = row(i, fake, communes);
            for (String name : values.keySet()) {
                if (!fields.contains(name)) {
                    throw new IllegalStateException(schema() + " has no field " + name);
                }
            }
            rows.add(fields.stream().map(field -> values.getOrDefault(field, "")).toList());
        }
        return new Truth(schema(), List.copyOf(fields), rows, key());
    }

    static Map<String, String> values(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return map;
    }

    static List<TruthGenerator> all() {
        return List.of(new IrveTruth(), new BikeParkingTruth(), new CarpoolTruth(), new DigitalInclusionTruth(),
                new DefibrillatorTruth(), new ParkingTruth());
    }
}
