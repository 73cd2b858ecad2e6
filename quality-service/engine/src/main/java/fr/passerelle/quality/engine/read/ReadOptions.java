package fr.passerelle.quality.engine.read;

/**
 * How to read a file, beyond what is detected.
 *
 * @param sheet            the workbook sheet to read; {@code null} compiles every sheet sharing the first
 *                         sheet's header into one table, with a {@value TableSource#SHEET_COLUMN} column
 * @param keepSheetColumn  write that {@value TableSource#SHEET_COLUMN} column to the clean CSV too, after the
 *                         schema's columns (only for a compiled workbook; by default it is left out)
 */
public record ReadOptions(String sheet, boolean keepSheetColumn) {

    private static final ReadOptions DEFAULTS = new ReadOptions(null, false);

    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Reads only the sheet named {@code name} (case and surrounding spaces ignored). */
    public static ReadOptions sheet(String name) {
        return new ReadOptions(name, false);
    }

    /** The same options, the sheet column written to the clean CSV. */
    public ReadOptions withSheetColumn() {
        return new ReadOptions(sheet, true);
    }
}
