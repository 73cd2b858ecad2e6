package fr.passerelle.quality.engine.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array read as one long and tested at once: nearly all of a French CSV file is ASCII, and a word
 * of ASCII bytes is passed over in one test (the encoding check, the UTF-8 decoding).
 */
final class ByteWords {

    /** The high bit of each of a word's bytes: set for a non-ASCII byte. */
    static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** The byte order does not matter to the tests made on the words. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteWords() {
    }

    /** The eight bytes from {@code bytes[index]}. */
    static long at(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** The low bit of each of a word's bytes. */
    private static final long LOW_BITS = 0x0101_0101_0101_0101L;

    /** Whether one of the word's bytes is 0 (the classic test: only a zero byte borrows and keeps its high bit clear). */
    static boolean hasZeroByte(long word) {
        return ((word - LOW_BITS) & ~word & HIGH_BITS) != 0;
    }

    /** Whether the eight bytes from {@code bytes[index]} are all ASCII. */
    static boolean ascii(byte[] bytes, int index) {
        return (at(bytes, index) & HIGH_BITS) == 0;
    }
}
