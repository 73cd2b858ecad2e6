package fr.passerelle.catalog.diff;

/** A version has more rows than the comparison may hold in memory. */
public class TooManyRowsException extends RuntimeException {

    private final int version;
    private final long rowCap;

    public TooManyRowsException(int version, long rowCap) {
        super("Version " + version + " has more than " + rowCap + " rows");
        this.version = version;
        this.rowCap = rowCap;
    }

    public int version() {
        return version;
    }

    public long rowCap() {
        return rowCap;
    }
}
