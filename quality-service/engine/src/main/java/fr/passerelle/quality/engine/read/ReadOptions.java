package fr.passerelle.quality.engine.read;

import java.util.Locale;
import java.util.Objects;

/**
 * How to read a file, beyond what is detected.
 *
 * @param sheet            the workbook sheet to read; {@code null} compiles every sheet sharing the first
 *                         sheet's header into one table, with a {@value TableSource#SHEET_COLUMN} column
 * @param keepSheetColumn  write that {@value TableSource#SHEET_COLUMN} column to the clean CSV too, after the
 *                         schema's columns (only for a compiled workbook; by default it is left out)
 * @param locale           the conventions the file was written under (French by default): what the values
 *                         cannot settle themselves, such as the order of 05/04/2024, is read the locale's way
 */
public record ReadOptions(String sheet, boolean keepSheetColumn, Locale locale) {

    private static final ReadOptions DEFAULTS = new ReadOptions(null, false, Locale.FRANCE);

    public ReadOptions {
        locale = Objects.requireNonNullElse(locale, Locale.FRANCE);
    }

    public ReadOptions(String sheet, boolean keepSheetColumn) {
        this(sheet, keepSheetColumn, Locale.FRANCE);
    }

    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Reads only the sheet named {@code name} (case and surrounding spaces ignored). */
    public static ReadOptions sheet(String name) {
        return new ReadOptions(name, false);
    }

    /** The same options, the sheet column written to the clean CSV. */
    public ReadOptions withSheetColumn() {
        return new ReadOptions(sheet, true, locale);
    }

    /** The same options, the file read under {@code locale}'s conventions (e.g. {@code Locale.US}: month first). */
    public ReadOptions withLocale(Locale locale) {
        return new ReadOptions(sheet, keepSheetColumn, locale);
    }
}
