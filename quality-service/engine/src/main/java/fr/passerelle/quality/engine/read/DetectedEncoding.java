package fr.passerelle.quality.engine.read;

import java.nio.charset.Charset;

/**
 * What the first pass over the raw bytes found out.
 *
 * @param kind         whether the file holds text at all
 * @param charset      the charset to decode the text with (meaningless unless {@code kind == TEXT})
 * @param bomLength    bytes of byte-order mark to skip before decoding
 * @param invalidBytes true when some bytes are not valid in {@code charset}; they are decoded
 *                     as U+FFFD and reported, not fatal
 * @param nulBytes     true when a text file holds NUL bytes past its first kilobytes (a damaged
 *                     export); the reader drops them, the report says so
 */
public record DetectedEncoding(Kind kind, Charset charset, int bomLength, boolean invalidBytes, boolean nulBytes) {

    public DetectedEncoding(Kind kind, Charset charset, int bomLength, boolean invalidBytes) {
        this(kind, charset, bomLength, invalidBytes, false);
    }

    public enum Kind { EMPTY, BINARY, TEXT }

    public boolean isText() {
        return kind == Kind.TEXT;
    }
}
