package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of the annotated table: the schema's fields in schema order (empty when the file lacks one), then the
 * file's other columns in file order, so that nothing the clerk sent is hidden; cells beyond the header's width
 * follow, without a label. Also says which cells a finding marks.
 */
final class AnnotatedLayout {

    /** Findings about the row as a whole: the row gets a marker, whatever cell they also mark. */
    private static final Set<ErrorCode> ROW_LEVEL = EnumSet.of(ErrorCode.DUPLICATE_ROW, ErrorCode.EXTRA_CELL,
            ErrorCode.MISSING_CELL, ErrorCode.PRIMARY_KEY_ERROR, ErrorCode.SOURCE_ERROR);

    private final List<String> labels = new ArrayList<>();
    /** Per annotated column, the file column it copies, or -1 for a schema field absent from the file. */
    private final List<Integer> sourceColumns = new ArrayList<>();
    private final int headerWidth;
    /** Field names first, then the file's labels: where a finding's field or label shows. */
    private final Map<String, Integer> columnByName = new HashMap<>();
    /** The annotated columns copying a file label, in order: to find the second "nom" or the third blank label. */
    private final Map<String, List<Integer>> columnsByFileLabel = new HashMap<>();

    private AnnotatedLayout(int headerWidth) {
        this.headerWidth = headerWidth;
    }

    static AnnotatedLayout of(TableSchema schema, TableRow header, ColumnMapping columns) {
        AnnotatedLayout layout = new AnnotatedLayout(header.size());
        List<String> fields = schema.fieldNames();
        boolean[] shown = new boolean[header.size()];
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            boolean present = column >= 0 && column < header.size();
            layout.add(fields.get(i), present ? column : -1, present ? header.cell(column) : null);
            if (present) {
                shown[column] = true;
            }
        }
        for (int column = 0; column < header.size(); column++) {
            if (!shown[column]) {
                layout.add(header.cell(column), column, header.cell(column));
            }
        }
        return layout;
    }

    private void add(String label, int sourceColumn, String fileLabel) {
        int index = labels.size();
        labels.add(label);
        sourceColumns.add(sourceColumn);
        columnByName.putIfAbsent(label, index);
        if (fileLabel != null) {
            columnByName.putIfAbsent(fileLabel, index);
            columnsByFileLabel.computeIfAbsent(fileLabel, key -> new ArrayList<>()).add(index);
        }
    }

    /** The header's labels, in annotated order. */
    List<String> labels() {
        return labels;
    }

    /** Labelled columns; a row may have more cells, beyond the header. */
    int width() {
        return labels.size();
    }

    /** The row's cells in annotated order: a missing cell is empty, cells beyond the header's width come last. */
    List<String> cells(TableRow row) {
        List<String> cells = new ArrayList<>(Math.max(width(), width() + row.size() - headerWidth));
        for (int source : sourceColumns) {
            cells.add(source >= 0 && source < row.size() ? row.cell(source) : "");
        }
        for (int column = headerWidth; column < row.size(); column++) {
            cells.add(row.cell(column));
        }
        return cells;
    }

    /** Places the header's findings on its labels: unknown, duplicate and blank labels, absent fields. */
    List<PlacedFinding> placeHeader(List<ValidationError> findings) {
        List<PlacedFinding> placed = new ArrayList<>(findings.size());
        Map<String, Integer> duplicatesSeen = new HashMap<>();
        int blanksSeen = 0;
        for (ValidationError finding : findings) {
            List<Integer> columns = switch (finding.code()) {
                case DUPLICATE_LABEL -> nth(columnsByFileLabel.get(finding.field()),
                        duplicatesSeen.merge(String.valueOf(finding.field()), 1, Integer::sum));
                case BLANK_LABEL -> nth(columnsByFileLabel.get(""), blanksSeen++);
                default -> columnsOf(finding.field());
            };
            placed.add(new PlacedFinding(finding, columns, columns.isEmpty()));
        }
        return placed;
    }

    /** Places a data row's findings on its cells; the n-th extra-cell finding marks the n-th cell beyond the header. */
    List<PlacedFinding> placeRow(List<ValidationError> findings, int rowSize) {
        List<PlacedFinding> placed = new ArrayList<>(findings.size());
        int extraCells = 0;
        for (ValidationError finding : findings) {
            List<Integer> columns;
            if (finding.code() == ErrorCode.EXTRA_CELL) {
                int extra = headerWidth + extraCells++;
                columns = extra < rowSize ? List.of(width() + extra - headerWidth) : List.of();
            } else {
                columns = columnsOf(finding.field());
            }
            placed.add(new PlacedFinding(finding, columns, columns.isEmpty() || ROW_LEVEL.contains(finding.code())));
        }
        return placed;
    }

    /** A field or label's column; key findings name several fields joined by ", ". */
    private List<Integer> columnsOf(String field) {
        if (field == null) {
            return List.of();
        }
        Integer column = columnByName.get(field);
        if (column != null) {
            return List.of(column);
        }
        List<Integer> columns = new ArrayList<>();
        for (String part : field.split(", ")) {
            Integer partColumn = columnByName.get(part);
            if (partColumn != null) {
                columns.add(partColumn);
            }
        }
        return columns;
    }

    private static List<Integer> nth(List<Integer> columns, int n) {
        return columns != null && n < columns.size() ? List.of(columns.get(n)) : List.of();
    }
}
