package fr.passerelle.quality.engine.report;

/** Whether the file can be published as it is. */
public enum Verdict {
    /** Zero errors. */
    VALID,
    /** At least one error. */
    INVALID
}
