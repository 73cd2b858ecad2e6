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
    private final byte[] length = new byte[Integer.BYTES];

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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        length[0] = (byte) (bytes.length >>> 24);
        length[1] = (byte) (bytes.length >>> 16);
        length[2] = (byte) (bytes.length >>> 8);
        length[3] = (byte) bytes.length;
        sha256.update(length);
        sha256.update(bytes);
    }

    private Fingerprint finish() {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new Fingerprint(digest.getLong(), digest.getLong());
    }
}
