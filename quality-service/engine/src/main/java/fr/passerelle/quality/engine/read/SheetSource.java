package fr.passerelle.quality.engine.read;

import java.util.BitSet;

/** One sheet of a workbook: its rows, and what the spreadsheet hides. */
interface SheetSource extends TableSource {

    /**
     * The 0-based indexes of the columns the sheet hides. Complete once the first row has been read:
     * an XLSX sheet declares its columns before its rows.
     */
    BitSet hiddenColumns();
}
