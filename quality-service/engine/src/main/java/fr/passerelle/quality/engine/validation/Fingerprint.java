package fr.passerelle.quality.engine.validation;

/**
 * 128 bits standing for a value, a key or a row, so that uniqueness checks keep 16 bytes per row
 * instead of the row's text. See {@link Fingerprinter} for why 128 bits are enough.
 */
record Fingerprint(long high, long low) {
}
