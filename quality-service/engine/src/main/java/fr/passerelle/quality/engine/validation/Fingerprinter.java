package fr.passerelle.quality.engine.validation;

import org.apache.commons.codec.digest.MurmurHash3;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a list of texts into a {@link Fingerprint}: the 128-bit MurmurHash3 (x64 variant, commons-codec) of their
 * characters.
 *
 * <p>Why not keep the texts: a million rows with a 40-character id would keep some 100 MB of strings; their
 * fingerprints take 16 bytes each. Why 128 bits: two different rows get the same fingerprint with probability about
 * 2^-128 (MurmurHash3 passes SMHasher's distribution and collision tests), so a file of n rows shows a false
 * duplicate with probability below n²/2^129, about 10^-25 for ten million rows: never, in practice.
 *
 * <p>Why not SHA-256 any more (until 2026-12): it was a tenth of a validation's CPU, mostly before the JIT
 * compiles its intrinsic, while MurmurHash3 costs a few times less. What is given up: a cryptographic hash also
 * resists crafted inputs. MurmurHash3 has known seed-independent collisions: someone who crafts a file can put in
 * it two different rows with the same fingerprint, and the later one is then reported (or, fixing, dropped) as a
 * repeat of the earlier. The known attacks make pairs of rows of a chosen shape, not a second row for a given
 * one: the author can spoil only rows they wrote themselves, which they could as well have left out.
 *
 * <p>The bytes hashed, each text after the other: a four-byte header, then the text. An ASCII text (most cells)
 * has its length as header and one byte per character; any other text has the complement of its length (a
 * negative number) and two bytes per UTF-16 character. So the encoding is one-to-one: ("ab", "c") and ("a", "bc")
 * differ, and no text is encoded to UTF-8 (no array made per cell). Not thread-safe: one per run.
 */
final class Fingerprinter {

    /** Any fixed seed: the fingerprints live only as long as the run. */
    private static final int SEED = 0x5061_7373; // "Pass"

    /** The bytes to hash, gathered so that each row is one call to the hash. */
    private byte[] buffer = new byte[1024];
    private int size;

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

    private void add(String text) {
        int n = text.length();
        reserve(Integer.BYTES + n);
        int start = size + Integer.BYTES;
        byte[] bytes = buffer;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[start + i] = (byte) c;
            i++;
        }
        int header = n;
        int length = n;
        if (i < n) {
            // Not ASCII: the whole text again, two bytes a character.
            header = ~n;
            length = 2 * n;
            reserve(Integer.BYTES + length);
            bytes = buffer;
            for (int j = 0; j < n; j++) {
                char c = text.charAt(j);
                bytes[start + 2 * j] = (byte) (c >>> 8);
                bytes[start + 2 * j + 1] = (byte) c;
            }
        }
        bytes[size] = (byte) (header >>> 24);
        bytes[size + 1] = (byte) (header >>> 16);
        bytes[size + 2] = (byte) (header >>> 8);
        bytes[size + 3] = (byte) header;
        size = start + length;
    }

    private void reserve(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + bytes));
        }
    }

    private Fingerprint finish() {
        long[] hash = MurmurHash3.hash128x64(buffer, 0, size, SEED);
        size = 0;
        if (buffer.length > 1 << 20) {
            // One huge row must not keep its megabytes for the rest of the file.
            buffer = new byte[1024];
        }
        return new Fingerprint(hash[0], hash[1]);
    }
}
