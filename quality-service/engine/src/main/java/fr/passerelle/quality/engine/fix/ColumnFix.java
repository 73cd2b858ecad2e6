package fr.passerelle.quality.engine.fix;

import java.util.Optional;

/**
 * A fix of the cells of one schema field, decided for the whole column: it sees every cell on a
 * first pass ({@link #observe}), then decides whether its reading is unambiguous
 * ({@link #decide}), then corrects cells on the second pass ({@link #fix}). What it keeps between
 * passes must be counters, never the values: files have any size.
 */
interface ColumnFix {

    FixCode code();

    /**
     * First pass: one cell of the column, spaces already collapsed.
     *
     * @param row      the row's number in the raw file, for the samples of a suggestion
     * @param accepted whether the field's type and constraints accept the text as it is
     */
    void observe(long row, String text, boolean accepted);

    /**
     * Between the passes: whether to apply the fix. An ambiguous reading is not applied: it is told to
     * {@code log} as a suggestion.
     */
    boolean decide(FixLog log);

    /**
     * Second pass, only after {@link #decide} said yes: the corrected text, or empty when the fix has
     * nothing to do on this cell. The caller keeps the correction only if the field accepts it.
     */
    Optional<String> fix(String text, boolean accepted);

    /** French sentence for the report, e.g. "Dates écrites JJ/MM/AAAA converties au format AAAA-MM-JJ." */
    String description();
}
