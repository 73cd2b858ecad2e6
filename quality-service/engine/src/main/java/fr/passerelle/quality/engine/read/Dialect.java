package fr.passerelle.quality.engine.read;

import java.nio.charset.Charset;

/**
 * How to read a raw file: frictionless calls this the dialect (plus the encoding).
 *
 * @param charset   decoding of the bytes
 * @param bomLength bytes of byte-order mark to skip
 * @param delimiter field separator
 */
public record Dialect(Charset charset, int bomLength, char delimiter) {

    /** The delimiter as text for reports: {@code ","}, {@code ";"} or a tab. */
    public String delimiterText() {
        return String.valueOf(delimiter);
    }
}
