package fr.passerelle.quality.engine.read;

import java.util.BitSet;

/** One sheet of a workbook: its rows, and what the spreadsheet hides or merges. */
interface SheetSource extends TableSource {

    /**
     * The 0-based indexes of the columns the sheet hides. Complete once the first row has been read:
     * an XLSX sheet declares its columns before its rows.
     */
    BitSet hiddenColumns();

    /**
     * The ranges the sheet merges over several rows, known before its first row is read (an XLSX sheet declares
     * them after its rows: its reader looks them up first).
     */
    MergedRanges mergedRanges();
}
