package fr.passerelle.catalog.diff;

import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a dataset: row counts and a few sample rows of each kind.
 *
 * @param version      the version looked at
 * @param comparedWith the earlier version it is compared with
 * @param comparison   how rows were matched
 * @param keyColumn    the column identifying rows when {@code comparison} is {@link Comparison#KEY}, else null
 * @param changed      rows whose key is in both versions but whose content differs; null when rows are
 *                     compared whole, since a changed row then shows as one removed and one added
 * @param notes        in French: why rows were compared whole, which columns changed
 */
public record VersionDiff(
        int version,
        int comparedWith,
        Comparison comparison,
        String keyColumn,
        long rowsBefore,
        long rowsAfter,
        long added,
        long removed,
        Long changed,
        long unchanged,
        Columns columns,
        Samples samples,
        List<String> notes) {

    /** How rows of the two versions are matched. */
    public enum Comparison {
        /** By the value of the first column, unique and filled in both versions. */
        KEY,
        /** By their whole content: a changed row is one removed plus one added. */
        WHOLE_ROW
    }

    /** The columns compared (present in both versions, in the newer version's order) and the others. */
    public record Columns(List<String> compared, List<String> added, List<String> removed) {
    }

    /**
     * A few rows of each kind, in file order; added and removed rows with all their version's columns.
     *
     * @param changed null when rows are compared whole
     */
    public record Samples(List<Map<String, String>> added, List<Map<String, String>> removed,
                          List<ChangedRow> changed) {
    }

    /** A row present in both versions with other values, named by its key. */
    public record ChangedRow(String key, List<CellChange> changes) {
    }

    /** One cell of a changed row: its value before and after. */
    public record CellChange(String column, String before, String after) {
    }
}
