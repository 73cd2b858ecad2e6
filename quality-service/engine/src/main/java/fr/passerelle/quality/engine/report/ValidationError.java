package fr.passerelle.quality.engine.report;

/**
 * One finding.
 *
 * @param code      what kind of problem
 * @param rowNumber 1-based row of the file, the header being row 1; 0 for the file as a whole
 * @param field     the column concerned, or {@code null}
 * @param value     the offending cell or label as read (trimmed), or {@code null}
 * @param message   what is wrong, one French sentence
 * @param hint      what to do about it, one French sentence
 */
public record ValidationError(ErrorCode code, long rowNumber, String field, String value, String message,
                              String hint) {

    /** Row number of findings about the file as a whole. */
    public static final long WHOLE_FILE = 0;
}
