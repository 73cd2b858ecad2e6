package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;

/**
 * Told of the header and of each data row once {@link TableValidator} has checked it. The findings of a row
 * reach the error consumer before the row reaches its listeners, so a listener may gather them by row.
 */
public interface RowListener {

    /** The header row, once matched with the schema (its findings already reported). */
    default void header(TableRow header, ColumnMapping columns) {
    }

    /** A data row, once checked (its findings already reported); blank rows are not data rows. */
    default void row(TableRow row) {
    }
}
