package fr.passerelle.quality.engine.validation;

import java.util.List;

/**
 * Remembers lists of texts (rows, keys) by their 128-bit fingerprint, each with the row it was
 * first met on: 16 bytes and a row number per entry instead of the texts (see {@link Fingerprinter}
 * and {@link SeenFingerprints}). For the automatic fixes, which drop repeated rows before validation.
 * Not thread-safe: one per run.
 */
public final class RowFingerprints {

    /** Returned by {@link #firstRowOf} for texts not met before. */
    public static final long NEW = SeenFingerprints.NEW;

    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final SeenFingerprints seen = new SeenFingerprints();

    /**
     * @param rowNumber the row the texts are met on, at least 1
     * @return the row they were first met on, or {@link #NEW} (and then they are recorded with {@code rowNumber})
     */
    public long firstRowOf(List<String> texts, long rowNumber) {
        return seen.putIfAbsent(fingerprinter.of(texts), rowNumber);
    }

    /** Whether these texts were met before, without recording them. */
    public boolean contains(List<String> texts) {
        return seen.contains(fingerprinter.of(texts));
    }
}
