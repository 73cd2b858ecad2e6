package fr.passerelle.quality.engine.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A spreadsheet file read sheet after sheet: XLSX ({@link XlsxWorkbook}) or XLS ({@link XlsWorkbook}). */
interface Workbook extends Closeable {

    /** The sheets' names, in the workbook's order. */
    List<String> sheetNames();

    /**
     * The rows of one sheet, numbered as the spreadsheet shows them; cells already as text
     * ({@link SpreadsheetCells}). Sheets are opened in order, each once.
     */
    SheetSource openSheet(int index) throws IOException, UnreadableRowException;

    /** "XLSX" or "XLS", for the notes. */
    String formatName();
}
