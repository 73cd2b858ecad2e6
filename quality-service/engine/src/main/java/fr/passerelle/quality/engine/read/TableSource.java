package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Rows of a table, whatever the file they come from (CSV, XLSX, XLS, JSON, GeoJSON): the header
 * first, then the data rows, pulled one at a time.
 */
public interface TableSource extends Closeable {

    /**
     * The label of the column a compiled workbook adds to say which sheet each row came from. The
     * validator knows it: never reported as an unknown column, never written to the clean CSV.
     */
    String SHEET_COLUMN = "_feuille";

    /**
     * The next row, or {@code null} at the end of the table.
     *
     * @throws UnreadableRowException when the row cannot be read; do not call again after it
     */
    TableRow next() throws IOException, UnreadableRowException;

    /**
     * Whether no two data rows are equal cell for cell, the source having dropped repeated rows itself (the
     * automatic fixes do): the validator then spares the duplicate-row check and its memory.
     */
    default boolean distinctRows() {
        return false;
    }

    /**
     * What reading changed in the cells, to show as fixes: the merged cells of a sheet filled down into each row
     * they cover. Known once read; empty for most sources.
     */
    default List<AppliedFix> readingFixes() {
        return List.of();
    }

    /** French sentences on how the file was read (header row found further down, sheets ignored…), once read. */
    default List<String> readingNotes() {
        return List.of();
    }
}
