package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.io.InputStream;

/** Whether a stream holds a byte sequence, read through once with a fixed buffer. */
final class ByteSearch {

    private static final int BUFFER = 64 * 1024;

    private ByteSearch() {
    }

    /** Reads {@code in} up to the first occurrence of {@code needle} (non-empty, shorter than 64 KB), or its end. */
    static boolean contains(InputStream in, byte[] needle) throws IOException {
        byte[] buffer = new byte[BUFFER];
        // The last needle.length - 1 bytes of a read are kept at the start of the next, for a needle across reads.
        int kept = 0;
        int read;
        while ((read = in.read(buffer, kept, buffer.length - kept)) != -1) {
            int end = kept + read;
            if (indexOf(buffer, end, needle) >= 0) {
                return true;
            }
            kept = Math.min(needle.length - 1, end);
            System.arraycopy(buffer, end - kept, buffer, 0, kept);
        }
        return false;
    }

    private static int indexOf(byte[] buffer, int end, byte[] needle) {
        byte first = needle[0];
        for (int i = 0; i <= end - needle.length; i++) {
            if (buffer[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && buffer[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
