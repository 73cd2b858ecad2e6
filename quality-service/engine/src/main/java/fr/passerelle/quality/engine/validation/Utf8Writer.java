package fr.passerelle.quality.engine.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * Text written as UTF-8 bytes exactly as an {@link OutputStreamWriter} writes it (a lone surrogate as {@code ?}, a
 * pair split between two writes joined), faster on French text, in blocks of {@value #BUFFER_BYTES} bytes.
 *
 * <p>Why: JDK 17's encoder copies ASCII a block at a time only until the first other character of each buffer, then
 * goes character by character with every branch to the buffer's end, so one accent per line puts nearly all of a
 * clean file on the slow path: a third of writing it. Here ASCII and the two-byte characters (é, è, à, ç, ô…) take a
 * short branch each. The blocks are eight times those of {@link OutputStreamWriter}: fewer system calls on a file.
 * {@code Utf8WriterTest} compares both writers on random and hostile text, cut anywhere.
 *
 * <p>Not thread-safe, as any writer. Flushing writes what was given, but for a high surrogate ending the last write,
 * kept until the next character says whether it starts a pair (as {@link OutputStreamWriter} does).
 */
final class Utf8Writer extends Writer {

    static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private final byte[] bytes;
    private int size;
    /** A high surrogate that ended the last write, waiting for its pair; -1 for none. */
    private int pendingHigh = -1;
    private boolean closed;

    Utf8Writer(OutputStream out) {
        this(out, BUFFER_BYTES);
    }

    /** With another buffer size: the tests make it tiny, so that characters straddle blocks. */
    Utf8Writer(OutputStream out, int bufferBytes) {
        this.out = Objects.requireNonNull(out, "out");
        this.bytes = new byte[Math.max(4, bufferBytes)];
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chars.length);
        ensureOpen();
        int i = offset;
        int end = offset + length;
        if (pendingHigh >= 0 && i < end) {
            char next = chars[i];
            if (Character.isLowSurrogate(next)) {
                putPair((char) pendingHigh, next);
                i++;
            } else {
                putByte('?');
            }
            pendingHigh = -1;
        }
        while (i < end) {
            // A run of ASCII: as much as the buffer holds, in a loop the JIT unrolls.
            int room = bytes.length - size;
            if (room < 4) {
                drain();
                room = bytes.length;
            }
            int n = Math.min(end - i, room);
            int copied = 0;
            while (copied < n && chars[i + copied] < 0x80) {
                bytes[size + copied] = (byte) chars[i + copied];
                copied++;
            }
            size += copied;
            i += copied;
            if (copied == n) {
                continue;
            }
            if (bytes.length - size < 4) {
                drain();
            }
            char c = chars[i++];
            if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                if (i == end) {
                    pendingHigh = c;
                } else if (Character.isLowSurrogate(chars[i])) {
                    putPair(c, chars[i++]);
                } else {
                    bytes[size++] = '?';
                }
            } else if (Character.isLowSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, text.length());
        char[] chars = new char[Math.min(length, 8 * 1024)];
        for (int done = 0; done < length; done += chars.length) {
            int n = Math.min(chars.length, length - done);
            text.getChars(offset + done, offset + done + n, chars, 0);
            write(chars, 0, n);
        }
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    private void putPair(char high, char low) throws IOException {
        if (bytes.length - size < 4) {
            drain();
        }
        int code = Character.toCodePoint(high, low);
        bytes[size++] = (byte) (0xF0 | code >> 18);
        bytes[size++] = (byte) (0x80 | code >> 12 & 0x3F);
        bytes[size++] = (byte) (0x80 | code >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | code & 0x3F);
    }

    private void putByte(char c) throws IOException {
        if (size == bytes.length) {
            drain();
        }
        bytes[size++] = (byte) c;
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(bytes, 0, size);
            size = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
        out.flush();
    }

    /** A high surrogate left at the very end is written as {@code ?}, as {@link OutputStreamWriter} does on close. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (pendingHigh >= 0) {
                putByte('?');
                pendingHigh = -1;
            }
            drain();
        } finally {
            closed = true;
            out.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }
}
