package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.HeaderMatch;
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
    private final HeaderMatch matched;
    /** Field i in column i, for every field: a full row is already in schema order. */
    private final boolean inSchemaOrder;

    ColumnMapping(List<String> labels, int[] columnOfField, HeaderMatch matched) {
        this.labels = List.copyOf(labels);
        this.columnOfField = columnOfField.clone();
        this.matched = matched;
        boolean inOrder = true;
        for (int i = 0; i < columnOfField.length; i++) {
            inOrder &= columnOfField[i] == i;
        }
        this.inSchemaOrder = inOrder;
    }

    /** How each file column was matched with a field, in file order. */
    public List<ColumnMatch> matches() {
        return matched.columns();
    }

    /** Labels of the caller's mapping that no file column carries. */
    public List<String> unusedOverrides() {
        return matched.unusedOverrides();
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
        if (inSchemaOrder && row.size() == columnOfField.length) {
            // The same cells in the same order (the file's columns are the schema's): no list made per row.
            return row.cells();
        }
        List<String> cells = new ArrayList<>(columnOfField.length);
        for (int column : columnOfField) {
            cells.add(column != ABSENT && column < row.size() ? row.cell(column) : "");
        }
        return cells;
    }
}
