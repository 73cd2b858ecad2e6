package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;

import java.util.List;

/**
 * Sees the table as {@link TableValidator} walks it, without a second pass over the file: the header
 * once matched, then each data row (blank rows excluded), and may rewrite the row's clean cells.
 */
public interface TableListener {

    /** The header row, and where each schema field sits in it. */
    void header(TableRow header, ColumnMapping columns);

    /**
     * A data row as read, all its columns, and its cells as they are about to be written to the clean
     * CSV, in schema order.
     *
     * @return the cells to write instead: {@code cleanCells} itself when nothing changes
     */
    List<String> row(TableRow row, List<String> cleanCells);

    /**
     * The same, also told which schema fields' cells broke no rule ({@code validByField}, by field index): a listener
     * may trust a valid cell's shape. By default, {@link #row(TableRow, List)}.
     */
    default List<String> row(TableRow row, List<String> cleanCells, boolean[] validByField) {
        return row(row, cleanCells);
    }

    /**
     * Work on a data row that reads nothing the other rows change, done beforehand, possibly on another thread and
     * out of order, and handed back to {@link #row(TableRow, List, boolean[], Object)} in file order. By default,
     * none ({@code null}).
     */
    default Object prepare(TableRow row, boolean[] validByField) {
        return null;
    }

    /**
     * The same as {@link #row(TableRow, List, boolean[])}, with what {@link #prepare} returned for this row, or
     * {@code null} when it was not called. By default, {@link #row(TableRow, List, boolean[])}.
     */
    default List<String> row(TableRow row, List<String> cleanCells, boolean[] validByField, Object prepared) {
        return row(row, cleanCells, validByField);
    }
}
