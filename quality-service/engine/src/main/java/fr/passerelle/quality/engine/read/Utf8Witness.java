package fr.passerelle.quality.engine.read;

/**
 * What the UTF-8 decoding of a file saw, for a file whose encoding was told from its first megabyte only
 * ({@link EncodingDetector#utf8AtStart}): whether a reading went through the whole file and met no ill-formed byte
 * and no NUL, which confirms that the whole-file check would have said the same (well-formed UTF-8, no NUL). Several
 * readings of the same file may report here, each on its own thread; one that stops early confirms nothing, and an
 * ill-formed byte seen by any of them is enough to contradict.
 */
public final class Utf8Witness {

    private volatile boolean wholeFileRead;
    private volatile boolean contradicted;

    /** Whether a reading went to the file's end and every reading saw only well-formed UTF-8 without NUL. */
    public boolean confirmed() {
        return wholeFileRead && !contradicted;
    }

    void readToTheEnd() {
        wholeFileRead = true;
    }

    void sawIllFormedOrNul() {
        contradicted = true;
    }
}
