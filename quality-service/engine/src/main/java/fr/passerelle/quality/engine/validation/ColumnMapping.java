package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each schema field sits in the file: columns are matched by name, so a file may order its
 * columns freely.
 */
public final class ColumnMapping {

    static final int ABSENT = -1;

    private final List<String> labels;
    private final int[] columnOfField;

    ColumnMapping(List<String> labels, int[] columnOfField) {
        this.labels = List.copyOf(labels);
        this.columnOfField = columnOfField.clone();
    }

    /** Cells expected on each row: the header's length. */
    public int width() {
        return labels.size();
    }

    public String labelAt(int column) {
        return labels.get(column);
    }

    /** The file column holding the field at {@code fieldIndex} in the schema, or {@link #ABSENT}. */
    public int columnOf(int fieldIndex) {
        return columnOfField[fieldIndex];
    }

    /**
     * The row's cells in schema order: a missing column or a missing cell gives an empty cell,
     * columns unknown to the schema are dropped.
     */
    public List<String> toSchemaOrder(TableRow row) {
        List<String> cells = new ArrayList<>(columnOfField.length);
        for (int column : columnOfField) {
            cells.add(column != ABSENT && column < row.size() ? row.cell(column) : "");
        }
        return cells;
    }
}
