package fr.passerelle.quality.engine.validation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Turns a list of texts into a {@link Fingerprint}: the first 128 bits of their SHA-256.
 *
 * <p>Why not keep the texts: a million rows with a 40-character id would keep some 100 MB of
 * strings; their fingerprints take 16 bytes each. Why 128 bits: two different keys get the same
 * fingerprint with probability 2^-128, so a file of n rows shows a false duplicate with
 * probability below n²/2^129, about 10^-25 for ten million rows. SHA-256 rather than a faster
 * non-cryptographic hash: it ships with every JVM, and nobody can craft two ids that collide.
 *
 * <p>Each text is fed with its length first, so that ("ab", "c") and ("a", "bc") differ. Not
 * thread-safe: one per run.
 */
final class Fingerprinter {

    private final MessageDigest sha256;
    /**
     * The bytes to digest, gathered so that each row is one call to the digest: the same bytes as fed one text at a
     * time (each text's length on four bytes, then its UTF-8), hence the same fingerprint, for a fraction of the
     * calls. ASCII texts, most of them, are copied char by char, with no array made per cell.
     */
    private byte[] buffer = new byte[1024];
    private int size;

    Fingerprinter() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }

    Fingerprint of(List<String> texts) {
        for (String text : texts) {
            add(text);
        }
        return finish();
    }

    Fingerprint of(String text) {
        add(text);
        return finish();
    }

    /**
     * UTF-8 because the JDK encodes it fastest; it is one-to-one on the text read from files, whose
     * decoder never leaves the lone surrogates UTF-8 cannot spell.
     */
    private void add(String text) {
        int n = text.length();
        reserve(Integer.BYTES + n);
        int start = size + Integer.BYTES;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            buffer[start + i] = (byte) c;
            i++;
        }
        int length = n;
        if (i < n) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            length = utf8.length;
            reserve(Integer.BYTES + length);
            System.arraycopy(utf8, 0, buffer, start, length);
        }
        buffer[size] = (byte) (length >>> 24);
        buffer[size + 1] = (byte) (length >>> 16);
        buffer[size + 2] = (byte) (length >>> 8);
        buffer[size + 3] = (byte) length;
        size = start + length;
    }

    private void reserve(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + bytes));
        }
    }

    private Fingerprint finish() {
        sha256.update(buffer, 0, size);
        size = 0;
        if (buffer.length > 1 << 20) {
            // One huge row must not keep its megabytes for the rest of the file.
            buffer = new byte[1024];
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new Fingerprint(digest.getLong(), digest.getLong());
    }
}
