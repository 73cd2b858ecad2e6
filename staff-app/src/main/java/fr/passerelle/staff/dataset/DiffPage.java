package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A comparison of two versions as a page shows it: counts, then sample rows as tables (the columns of
 * the compared files, in their order) and changed cells as « avant → après ».
 */
public record DiffPage(int version, int comparedWith, boolean byKey, String keyColumn, long rowsBefore, long rowsAfter,
                       long added, long removed, Long changed, long unchanged, List<String> columns,
                       List<List<String>> addedRows, List<List<String>> removedRows, List<ChangedLine> changedRows,
                       List<String> addedColumns, List<String> removedColumns, List<String> notes) {

    public record ChangedLine(String key, List<Api.CellChange> changes) {
    }

    public static DiffPage of(Api.Diff diff) {
        List<String> columns = diff.columns() == null || diff.columns().compared() == null ? List.of()
                : diff.columns().compared();
        Api.DiffSamples samples = diff.samples();
        return new DiffPage(diff.version(), diff.comparedWith(), "KEY".equals(diff.comparison()), diff.keyColumn(),
                diff.rowsBefore(), diff.rowsAfter(), diff.added(), diff.removed(), diff.changed(), diff.unchanged(),
                columns,
                rows(columns, samples == null ? null : samples.added()),
                rows(columns, samples == null ? null : samples.removed()),
                samples == null || samples.changed() == null ? List.of()
                        : samples.changed().stream().map(c -> new ChangedLine(c.key(), c.changes())).toList(),
                diff.columns() == null || diff.columns().added() == null ? List.of() : diff.columns().added(),
                diff.columns() == null || diff.columns().removed() == null ? List.of() : diff.columns().removed(),
                diff.notes() == null ? List.of() : diff.notes());
    }

    /** Each sample row's cells in the order of {@code columns}; a cell the row lacks is empty. */
    static List<List<String>> rows(List<String> columns, List<Map<String, String>> samples) {
        List<List<String>> rows = new ArrayList<>();
        if (samples != null) {
            for (Map<String, String> sample : samples) {
                rows.add(columns.stream().map(column -> sample.getOrDefault(column, "")).toList());
            }
        }
        return rows;
    }
}
