package fr.passerelle.quality.engine.read;

/**
 * The file cannot be read as a table at all, or stops being readable: a protected workbook, a zip
 * bomb, broken JSON. Carries the French sentence for the clerk.
 */
public class UnreadableSourceException extends UnreadableRowException {

    private static final long serialVersionUID = 1L;

    private final String frenchMessage;

    /** @param rowNumber the row reading stopped at, or 0 when nothing could be read */
    public UnreadableSourceException(long rowNumber, String frenchMessage, Throwable cause) {
        super(rowNumber, cause == null ? new IllegalStateException(frenchMessage) : cause);
        this.frenchMessage = frenchMessage;
    }

    public UnreadableSourceException(String frenchMessage, Throwable cause) {
        this(0, frenchMessage, cause);
    }

    public String frenchMessage() {
        return frenchMessage;
    }
}
