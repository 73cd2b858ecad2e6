package fr.passerelle.quality.engine.report;

/** Whether the file can be published as it is. */
public enum Verdict {
    /** Zero errors. */
    VALID,
    /** At least one error. */
    INVALID,
    /**
     * Personal data found that no decision covers: not to be published until a person chooses, per
     * column, to drop, mask or hash it, or confirms it is public. Wins over {@link #INVALID} (the
     * errors are still reported), except when the file could not be read at all.
     */
    BLOCKED
}
