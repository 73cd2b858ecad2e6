package fr.passerelle.quality.engine.read;

import java.io.InputStream;
import java.util.Random;

/** A stream that hands its bytes over in random slices of 1 to {@code largestSlice} bytes, as a network or a pipe may. */
final class Slices extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private final int largestSlice;
    private int position;

    Slices(byte[] bytes, Random random, int largestSlice) {
        this.bytes = bytes;
        this.random = random;
        this.largestSlice = largestSlice;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, 1 + random.nextInt(largestSlice)), bytes.length - position);
        System.arraycopy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }
}
