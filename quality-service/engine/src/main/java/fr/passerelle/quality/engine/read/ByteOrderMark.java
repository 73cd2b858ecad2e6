package fr.passerelle.quality.engine.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The byte-order marks a CSV may start with, and the charset each one declares. */
enum ByteOrderMark {
    NONE(0, null),
    UTF_8(3, StandardCharsets.UTF_8),
    // Excel's "Texte Unicode" export: UTF-16 with a mark, full of NUL bytes, still a text file.
    UTF_16LE(2, StandardCharsets.UTF_16LE),
    UTF_16BE(2, StandardCharsets.UTF_16BE);

    private final int length;
    private final Charset charset;

    ByteOrderMark(int length, Charset charset) {
        this.length = length;
        this.charset = charset;
    }

    static ByteOrderMark of(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return UTF_16BE;
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    int length() {
        return length;
    }

    Charset charset() {
        return charset;
    }
}
