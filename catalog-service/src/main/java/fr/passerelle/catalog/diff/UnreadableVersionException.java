package fr.passerelle.catalog.diff;

/** A version's clean file could not be read or parsed as CSV. */
public class UnreadableVersionException extends RuntimeException {

    private final int version;

    public UnreadableVersionException(int version, Throwable cause) {
        super("Cannot read the clean file of version " + version, cause);
        this.version = version;
    }

    public int version() {
        return version;
    }
}
