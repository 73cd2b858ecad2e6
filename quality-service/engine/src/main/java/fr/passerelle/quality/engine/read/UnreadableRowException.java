package fr.passerelle.quality.engine.read;

/**
 * The parser gave up on a record: a cell or a record over the size limits, or a quote never
 * closed. The reader cannot resume after it, so reading stops there.
 */
public class UnreadableRowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long rowNumber;

    public UnreadableRowException(long rowNumber, Throwable cause) {
        super("Cannot read row " + rowNumber + ": " + cause.getMessage(), cause);
        this.rowNumber = rowNumber;
    }

    public long rowNumber() {
        return rowNumber;
    }
}
