package fr.passerelle.quality.engine.corpus;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a published CSV with its truth cell by cell: the truth's fields in schema order, rows matched by the
 * truth's key (so a dropped duplicate or a reordered sheet does not shift every row after it). Values are compared
 * in the field's type: numbers as numbers (coordinates within 2·10⁻⁶ degree, about 20 cm, since a reprojected
 * point is rounded), booleans by what they mean in the schema, geopoints by their two numbers; the rest as text.
 */
public final class CellScorer {

    /** About 20 cm: a Lambert-93 point rounded to the centimetre and projected back lands well within it. */
    private static final BigDecimal DEGREE_TOLERANCE = new BigDecimal("0.000002");
    private static final Set<String> COORDINATES = Set.of("Xlong", "Ylat", "latitude", "longitude", "lat_coor1", "long_coor1");

    private final TableSchema schema;

    public CellScorer(TableSchema schema) {
        this.schema = schema;
    }

    /** A file to publish that was published as {@code csv} (UTF-8, the clean file). */
    public FileScore published(CorpusFile file, String verdict, boolean read, String csv) {
        Truth truth = file.truth();
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        for (CsvRecord record : CsvReader.builder().ofCsvRecord(csv)) {
            records.add(record.getFields());
        }
        List<String> header = records.isEmpty() ? List.of() : records.get(0);
        int keyColumn = header.indexOf(truth.key());
        Map<String, List<String>> byKey = new HashMap<>();
        List<List<String>> extra = new ArrayList<>();
        for (List<String> record : records.subList(Math.min(1, records.size()), records.size())) {
            String key = keyColumn >= 0 && keyColumn < record.size() ? record.get(keyColumn) : "";
            if (byKey.putIfAbsent(key, record) != null) {
                extra.add(record);
            }
        }
        Set<String> truthKeys = new HashSet<>();
        List<FileScore.WrongCell> wrong = new ArrayList<>();
        long cells = 0;
        long right = 0;
        long broken = 0;
        for (int r = 0; r < truth.rows().size(); r++) {
            String key = truth.cell(r, truth.key());
            truthKeys.add(key);
            List<String> got = byKey.get(key);
            for (int f = 0; f < truth.fields().size(); f++) {
                String fieldName = truth.fields().get(f);
                String expected = truth.rows().get(r).get(f);
                int column = header.indexOf(fieldName);
                String value = got == null ? null : column < 0 || column >= got.size() ? "" : got.get(column);
                cells++;
                if (value != null && same(field(fieldName), expected, value)) {
                    right++;
                } else {
                    boolean wasRight = file.untouched()[r][f];
                    broken += wasRight ? 1 : 0;
                    wrong.add(new FileScore.WrongCell(file.name(), r + 2, fieldName, expected,
                            value == null ? "(ligne absente)" : value, wasRight));
                }
            }
        }
        byKey.keySet().stream().filter(key -> !truthKeys.contains(key)).map(byKey::get).forEach(extra::add);
        for (List<String> record : extra) {
            cells += truth.fields().size();
            wrong.add(new FileScore.WrongCell(file.name(), -1, "(ligne en trop)", "", String.join(",", record), false));
        }
        String reason = "VALID".equals(verdict) ? "" : "verdict " + verdict;
        if (!"VALID".equals(verdict)) {
            // Nothing is published: every cell is missing from the published data.
            right = 0;
        }
        return new FileScore(file, verdict, read, cells, right, broken, wrong, reason);
    }

    /** A file that was not published: nothing to compare (BLOCKED as expected, or rejected). */
    public FileScore unpublished(CorpusFile file, String verdict, boolean read, String reason) {
        long cells = file.expectBlocked() ? 0 : (long) file.truth().rows().size() * file.truth().fields().size();
        return new FileScore(file, verdict, read, cells, 0, 0, List.of(), reason);
    }

    private Field field(String name) {
        return schema.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static boolean same(Field field, String expected, String got) {
        if (expected.equals(got)) {
            return true;
        }
        if (expected.isEmpty() || got.isEmpty()) {
            return false;
        }
        switch (field.type().name()) {
            case "number", "integer" -> {
                Optional<BigDecimal> a = decimal(expected);
                Optional<BigDecimal> b = decimal(got);
                if (a.isEmpty() || b.isEmpty()) {
                    return false;
                }
                BigDecimal tolerance = COORDINATES.contains(field.name()) ? DEGREE_TOLERANCE : BigDecimal.ZERO;
                return a.get().subtract(b.get()).abs().compareTo(tolerance) <= 0;
            }
            case "boolean" -> {
                Optional<Object> a = field.type().cast(expected);
                return a.isPresent() && a.equals(field.type().cast(got));
            }
            case "geopoint" -> {
                try {
                    double[] a = PointColumns.lonLat(expected);
                    double[] b = PointColumns.lonLat(got);
                    double tolerance = DEGREE_TOLERANCE.doubleValue() + 1e-12;
                    return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
                } catch (RuntimeException e) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
