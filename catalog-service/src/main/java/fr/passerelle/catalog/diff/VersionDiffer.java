package fr.passerelle.catalog.diff;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.catalog.diff.VersionDiff.CellChange;
import fr.passerelle.catalog.diff.VersionDiff.ChangedRow;
import fr.passerelle.catalog.diff.VersionDiff.Comparison;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Compares two clean CSVs of a dataset, streamed, in bounded memory.
 *
 * <p>First pass: every row of each version is reduced to two 64-bit hashes (its first column, its
 * compared cells), kept in sorted primitive arrays, and the arrays are merged to count rows added,
 * removed, changed and unchanged. Second pass: the files are streamed again to pick the sample rows,
 * recognised by binary search in those arrays. Rows are matched by the first column when its values
 * are filled and unique in both versions (national schemas put their identifier first), otherwise by
 * their whole content.
 *
 * <p>Two different rows may share a 64-bit hash with a probability of about n²/2⁶⁵ (3·10⁻⁶ for two
 * versions of 5 million rows): a count could then be off by one, which a diff for people tolerates.
 */
public final class VersionDiffer {

    public static final long DEFAULT_ROW_CAP = 5_000_000L;
    public static final int DEFAULT_SAMPLES = 10;

    private final long rowCap;
    private final int sampleSize;

    /**
     * @param rowCap     most rows a version may have; above, {@link TooManyRowsException} (each row costs
     *                   16 bytes per version while comparing)
     * @param sampleSize most sample rows of each kind
     */
    public VersionDiffer(long rowCap, int sampleSize) {
        if (rowCap < 1 || sampleSize < 0) {
            throw new IllegalArgumentException("rowCap must be positive and sampleSize not negative");
        }
        this.rowCap = rowCap;
        this.sampleSize = sampleSize;
    }

    public VersionDiffer() {
        this(DEFAULT_ROW_CAP, DEFAULT_SAMPLES);
    }

    /**
     * One version to compare.
     *
     * @param expectedRows the row count recorded with the version (sizes the arrays; 0 when unknown)
     */
    public record Side(int version, long expectedRows, CsvSource source) {
    }

    /**
     * @throws TooManyRowsException       when a version has more rows than the cap
     * @throws UnreadableVersionException when a file cannot be read or is not CSV
     */
    public VersionDiff compare(Side older, Side newer) {
        if (older.expectedRows() > rowCap) {
            throw new TooManyRowsException(older.version(), rowCap);
        }
        if (newer.expectedRows() > rowCap) {
            throw new TooManyRowsException(newer.version(), rowCap);
        }
        Layout layout = Layout.of(header(older), header(newer));
        RowHashes before = scan(older, layout.olderColumns(), layout, 1);
        RowHashes after = scan(newer, layout.newerColumns(), layout, 2);

        List<String> notes = new ArrayList<>();
        Comparison comparison = comparison(layout, older, before, newer, after, notes);
        long added;
        long removed;
        Long changed;
        long unchanged = RowHashes.commonRows(before, after);
        if (comparison == Comparison.KEY) {
            long common = RowHashes.commonKeys(before, after);
            unchanged = Math.min(unchanged, common);
            changed = common - unchanged;
            added = after.size() - common;
            removed = before.size() - common;
        } else {
            changed = null;
            added = after.size() - unchanged;
            removed = before.size() - unchanged;
        }
        if (layout.changed()) {
            notes.add(columnsNote(layout, older.version(), newer.version()));
        }

        Sampler sampler = new Sampler(layout, comparison, before, after);
        if (added > 0 || (changed != null && changed > 0)) {
            sampler.pickFromNewer(newer, Math.min(sampleSize, added), changed == null ? 0 : Math.min(sampleSize, changed));
        }
        if (removed > 0 || !sampler.changed.isEmpty()) {
            sampler.pickFromOlder(older, Math.min(sampleSize, removed));
        }
        return new VersionDiff(newer.version(), older.version(), comparison,
                comparison == Comparison.KEY ? layout.keyColumn() : null, before.size(), after.size(),
                added, removed, changed, unchanged,
                new VersionDiff.Columns(layout.compared(), layout.addedColumns(), layout.removedColumns()),
                new VersionDiff.Samples(sampler.added, sampler.removed,
                        comparison == Comparison.KEY ? sampler.changedRows() : null),
                List.copyOf(notes));
    }

    private static Comparison comparison(Layout layout, Side older, RowHashes before, Side newer, RowHashes after,
                                         List<String> notes) {
        if (layout.compared().isEmpty()) {
            notes.add("Aucune colonne n'est commune aux deux versions : toutes les lignes de la version "
                    + older.version() + " comptent comme retirées, toutes celles de la version " + newer.version()
                    + " comme ajoutées.");
            return Comparison.WHOLE_ROW;
        }
        String wholeRows = " : les lignes sont comparées en entier, et une ligne modifiée compte comme une ligne"
                + " retirée plus une ligne ajoutée.";
        if (layout.keyColumn() == null) {
            notes.add("La première colonne n'est pas la même dans les deux versions (« "
                    + layout.olderFirst() + " » puis « " + layout.newerFirst() + " »)" + wholeRows);
            return Comparison.WHOLE_ROW;
        }
        List<String> problems = new ArrayList<>();
        keyProblems(older.version(), before, problems);
        keyProblems(newer.version(), after, problems);
        if (!problems.isEmpty()) {
            notes.add("La première colonne « " + layout.keyColumn() + " » n'identifie pas les lignes ("
                    + String.join(", ", problems) + ")" + wholeRows);
            return Comparison.WHOLE_ROW;
        }
        return Comparison.KEY;
    }

    private static void keyProblems(int version, RowHashes hashes, List<String> problems) {
        if (hashes.hasEmptyKey()) {
            problems.add("valeurs vides dans la version " + version);
        }
        if (hashes.hasDuplicateKey()) {
            problems.add("valeurs en double dans la version " + version);
        }
    }

    private static String columnsNote(Layout layout, int older, int newer) {
        List<String> parts = new ArrayList<>();
        if (!layout.addedColumns().isEmpty()) {
            parts.add("ajoutées : " + String.join(", ", layout.addedColumns()));
        }
        if (!layout.removedColumns().isEmpty()) {
            parts.add("retirées : " + String.join(", ", layout.removedColumns()));
        }
        return "Les colonnes ont changé entre la version " + older + " et la version " + newer + " ("
                + String.join(" ; ", parts) + ") : la comparaison porte sur les " + layout.compared().size()
                + " colonnes communes.";
    }

    /** Hashes every row of one version. {@code salt} keeps the versions apart when no column is shared. */
    private RowHashes scan(Side side, int[] columns, Layout layout, int salt) {
        RowHashes hashes = new RowHashes(side.version(), side.expectedRows(), rowCap);
        int seed = layout.compared().isEmpty() ? salt : 0;
        RowHasher hasher = new RowHasher();
        forEachRow(side, row -> {
            String key = layout.keyColumn() == null ? "" : cell(row, 0);
            hashes.add(hasher.hash(key), hasher.hash(row, columns, seed), key.isEmpty());
            return true;
        });
        hashes.seal();
        return hashes;
    }

    /** Picks the sample rows in a second pass, keeping only what it returns. */
    private final class Sampler {

        private final Layout layout;
        private final Comparison comparison;
        private final RowHashes before;
        private final RowHashes after;
        private final RowHasher hasher = new RowHasher();
        private final List<Map<String, String>> added = new ArrayList<>();
        private final List<Map<String, String>> removed = new ArrayList<>();
        /** At most {@code sampleSize} entries: key hash → the changed row's cells, after then before. */
        private final Map<Long, String[][]> changed = new LinkedHashMap<>();
        private final Map<Long, String> changedKeys = new LinkedHashMap<>();

        Sampler(Layout layout, Comparison comparison, RowHashes before, RowHashes after) {
            this.layout = layout;
            this.comparison = comparison;
            this.before = before;
            this.after = after;
        }

        void pickFromNewer(Side newer, long addedWanted, long changedWanted) {
            int seed = layout.compared().isEmpty() ? 2 : 0;
            forEachRow(newer, row -> {
                long rowHash = hasher.hash(row, layout.newerColumns(), seed);
                if (comparison == Comparison.KEY) {
                    String key = cell(row, 0);
                    long keyHash = hasher.hash(key);
                    if (!before.containsKey(keyHash)) {
                        if (added.size() < addedWanted) {
                            added.add(asMap(layout.newer(), row));
                        }
                    } else if (!before.containsRow(rowHash) && changed.size() < changedWanted) {
                        changed.put(keyHash, new String[][] {cells(row, layout.newerColumns()), null});
                        changedKeys.put(keyHash, key);
                    }
                } else if (!before.containsRow(rowHash) && added.size() < addedWanted) {
                    added.add(asMap(layout.newer(), row));
                }
                return added.size() < addedWanted || changed.size() < changedWanted;
            });
        }

        void pickFromOlder(Side older, long removedWanted) {
            int seed = layout.compared().isEmpty() ? 1 : 0;
            int[] beforeFound = {0};
            forEachRow(older, row -> {
                if (comparison == Comparison.KEY) {
                    long keyHash = hasher.hash(cell(row, 0));
                    if (!after.containsKey(keyHash)) {
                        if (removed.size() < removedWanted) {
                            removed.add(asMap(layout.older(), row));
                        }
                    } else {
                        String[][] pair = changed.get(keyHash);
                        if (pair != null && pair[1] == null) {
                            pair[1] = cells(row, layout.olderColumns());
                            beforeFound[0]++;
                        }
                    }
                } else if (!after.containsRow(hasher.hash(row, layout.olderColumns(), seed))
                        && removed.size() < removedWanted) {
                    removed.add(asMap(layout.older(), row));
                }
                return removed.size() < removedWanted || beforeFound[0] < changed.size();
            });
        }

        List<ChangedRow> changedRows() {
            List<ChangedRow> rows = new ArrayList<>();
            changed.forEach((keyHash, pair) -> {
                List<CellChange> changes = new ArrayList<>();
                for (int i = 0; i < layout.compared().size(); i++) {
                    String was = pair[1] == null ? null : pair[1][i];
                    if (!pair[0][i].equals(was)) {
                        changes.add(new CellChange(layout.compared().get(i), was, pair[0][i]));
                    }
                }
                rows.add(new ChangedRow(changedKeys.get(keyHash), changes));
            });
            return rows;
        }
    }

    @FunctionalInterface
    private interface RowVisitor {
        /** @return false to stop reading */
        boolean visit(CsvRecord row);
    }

    private static List<String> header(Side side) {
        List<List<String>> header = new ArrayList<>(1);
        read(side, false, row -> {
            header.add(row.getFields());
            return false;
        });
        return header.isEmpty() ? List.of() : header.get(0);
    }

    private static void forEachRow(Side side, RowVisitor visitor) {
        read(side, true, visitor);
    }

    private static void read(Side side, boolean skipHeader, RowVisitor visitor) {
        try (InputStream in = side.source().open();
             CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> rows = csv.iterator();
            if (skipHeader && rows.hasNext()) {
                rows.next();
            }
            while (rows.hasNext()) {
                if (!visitor.visit(rows.next())) {
                    return;
                }
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw new UnreadableVersionException(side.version(), e);
        }
    }

    private static String cell(CsvRecord row, int index) {
        return index < row.getFieldCount() ? row.getField(index) : "";
    }

    private static String[] cells(CsvRecord row, int[] columns) {
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = cell(row, columns[i]);
        }
        return cells;
    }

    private static Map<String, String> asMap(List<String> header, CsvRecord row) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.putIfAbsent(header.get(i), cell(row, i));
        }
        return map;
    }

    /** Murmur3 (128-bit, first half) over the cells, each prefixed with its length so that cells never run together. */
    private static final class RowHasher {

        private final StringBuilder buffer = new StringBuilder();

        long hash(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
        }

        long hash(CsvRecord row, int[] columns, int seed) {
            buffer.setLength(0);
            for (int column : columns) {
                String cell = cell(row, column);
                buffer.append(cell.length()).append(':').append(cell);
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            return MurmurHash3.hash128x64(bytes, 0, bytes.length, seed)[0];
        }
    }

    /**
     * How the two headers line up: the columns compared (in both, newer order) with their index in
     * each file, and the key column when both files start with the same one.
     */
    private record Layout(List<String> older, List<String> newer, List<String> compared, int[] olderColumns,
                          int[] newerColumns, List<String> addedColumns, List<String> removedColumns) {

        static Layout of(List<String> older, List<String> newer) {
            List<String> compared = new ArrayList<>();
            List<Integer> olderIndexes = new ArrayList<>();
            List<Integer> newerIndexes = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (int i = 0; i < newer.size(); i++) {
                String name = newer.get(i);
                if (compared.contains(name) || added.contains(name)) {
                    continue;
                }
                int inOlder = older.indexOf(name);
                if (inOlder < 0) {
                    added.add(name);
                } else {
                    compared.add(name);
                    olderIndexes.add(inOlder);
                    newerIndexes.add(i);
                }
            }
            List<String> removed = older.stream().distinct().filter(name -> !newer.contains(name)).toList();
            return new Layout(older, newer, List.copyOf(compared),
                    olderIndexes.stream().mapToInt(Integer::intValue).toArray(),
                    newerIndexes.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(added), removed);
        }

        /** The first column of both files, when they start with the same one and it is compared. */
        String keyColumn() {
            return !older.isEmpty() && !newer.isEmpty() && older.get(0).equals(newer.get(0)) ? newer.get(0) : null;
        }

        String olderFirst() {
            return older.isEmpty() ? "" : older.get(0);
        }

        String newerFirst() {
            return newer.isEmpty() ? "" : newer.get(0);
        }

        boolean changed() {
            return !addedColumns.isEmpty() || !removedColumns.isEmpty();
        }
    }
}
