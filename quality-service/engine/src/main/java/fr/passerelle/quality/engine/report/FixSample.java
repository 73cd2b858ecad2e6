package fr.passerelle.quality.engine.report;

/**
 * One cell or row an automatic fix touched, to show the clerk what changed.
 *
 * @param row    the row of the raw file (the header being 1)
 * @param before the text as read
 * @param after  the text written to the clean file (empty when a row or column was dropped)
 */
public record FixSample(long row, String before, String after) {
}
