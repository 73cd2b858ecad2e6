package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 text exactly as an {@link InputStreamReader} decodes it (each undecodable sequence read as one U+FFFD, as
 * JDK 17's decoder delimits it), faster on French text.
 *
 * <p>Why: JDK 17's decoder copies ASCII a block at a time only until the first other byte of each buffer, then goes
 * byte by byte with every branch to the buffer's end, so one accent per line puts nearly all of a file on the slow
 * path: a fifth of the thread parsing a CSV file. Here ASCII and the two-byte sequences (é, è, à, ç, ô…: nearly all
 * accented French letters) are decoded by hand, which is exact: such a sequence has a single reading. Any other
 * byte, up to and including the next ASCII byte, goes to the JDK's own decoder: after an ASCII byte it holds nothing
 * back, so it delimits a bad sequence exactly as it would have in the whole stream. {@code Utf8ReaderTest} compares
 * both readers on random and hostile bytes, cut at random places.
 *
 * <p>Not thread-safe, as any reader.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    /** Reports an ill-formed sequence, which {@link #decodeReplacing} then reads as U+FFFD, as REPLACE would. */
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Told whether the whole file was read without an ill-formed byte nor a NUL; {@code null}: nobody asks. */
    private final Utf8Witness witness;
    /** An ill-formed sequence or a NUL byte was met: the witness was told. */
    private boolean flawed;
    private final byte[] bytes;
    private int position;
    private int limit;
    /** The stream has no more bytes: what is left in the buffer is its last. */
    private boolean streamEnded;
    /** The decoder was told the input ended and was flushed: nothing more to read. */
    private boolean finished;
    /** The second half of a surrogate pair for which the caller had no room; -1 for none. */
    private int pending = -1;

    Utf8Reader(InputStream in) {
        this(in, BUFFER_BYTES, null);
    }

    /** @param witness told whether the whole stream was well-formed UTF-8 without NUL; {@code null} for nobody */
    Utf8Reader(InputStream in, Utf8Witness witness) {
        this(in, BUFFER_BYTES, witness);
    }

    /** With another buffer size: the tests make it tiny, so that sequences straddle buffers. */
    Utf8Reader(InputStream in, int bufferBytes, Utf8Witness witness) {
        this.in = Objects.requireNonNull(in, "in");
        this.bytes = new byte[Math.max(4, bufferBytes)];
        this.witness = witness;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chars.length);
        if (length == 0) {
            return 0;
        }
        int out = offset;
        int end = offset + length;
        if (pending >= 0) {
            chars[out++] = (char) pending;
            pending = -1;
        }
        while (out < end) {
            if (position == limit && !streamEnded) {
                fill();
                continue;
            }
            if (streamEnded) {
                out = finish(chars, out, end);
                break;
            }
            out = decodeByHand(chars, out, end);
            if (out == end || position == limit) {
                continue;
            }
            int before = out;
            out = decodeByJdk(chars, out, end);
            if (out == before) {
                // An incomplete sequence ends the buffer (nothing else leaves the decoder without a char): it goes on in
                // the next bytes.
                if (limit - position >= 4) {
                    throw new IllegalStateException("UTF-8 decoding stalled on " + (limit - position) + " bytes");
                }
                fill();
            }
        }
        return out == offset ? -1 : out - offset;
    }

    /** ASCII and well-formed two-byte sequences, until another byte, the buffer's end or the caller's room. */
    private int decodeByHand(char[] chars, int out, int end) {
        byte[] b = bytes;
        int p = position;
        int last = limit;
        while (out < end && p < last) {
            // A run of ASCII: found eight bytes at a time, copied in a loop the JIT unrolls.
            int run = p;
            boolean nul = false;
            while (run + Long.BYTES <= last) {
                long word = ByteWords.at(b, run);
                if ((word & ByteWords.HIGH_BITS) != 0) {
                    break;
                }
                nul |= ByteWords.hasZeroByte(word);
                run += Long.BYTES;
            }
            while (run < last && b[run] >= 0) {
                nul |= b[run] == 0;
                run++;
            }
            if (nul) {
                flaw();
            }
            int n = Math.min(run - p, end - out);
            for (int i = 0; i < n; i++) {
                chars[out + i] = (char) b[p + i];
            }
            out += n;
            p += n;
            if (out == end || p == last) {
                break;
            }
            int b1 = b[p];
            if ((b1 >> 5) == -2 && (b1 & 0x1e) != 0 && p + 1 < last && (b[p + 1] & 0xc0) == 0x80) {
                // 110xxxxx 10yyyyyy, lead byte 0xC2 to 0xDF (0xC0 and 0xC1 would be overlong): U+0080 to U+07FF.
                chars[out++] = (char) (((b1 & 0x1f) << 6) | (b[p + 1] & 0x3f));
                p += 2;
            } else {
                break;
            }
        }
        position = p;
        return out;
    }

    /**
     * The bytes from here up to and including the next ASCII byte, through the JDK's decoder; or up to the buffer's
     * end, where it keeps back an incomplete last sequence.
     */
    private int decodeByJdk(char[] chars, int out, int end) {
        int stop = position + 1;
        while (stop < limit && bytes[stop] < 0) {
            stop++;
        }
        if (stop < limit) {
            stop++;
        }
        if (bytes[stop - 1] == 0) {
            flaw();
        }
        ByteBuffer source = ByteBuffer.wrap(bytes, position, stop - position);
        CharBuffer target = CharBuffer.wrap(chars, out, end - out);
        CoderResult result = decodeReplacing(source, target, false);
        if (result.isOverflow() && target.position() == out) {
            // Room for one char, and a surrogate pair next: the second half waits for the next read.
            CharBuffer pair = CharBuffer.allocate(2);
            // Or, the JDK's decoder having asked for room before reading all four bytes, a U+FFFD.
            decodeReplacing(source, pair, false);
            pair.flip();
            target.put(pair.get());
            if (pair.hasRemaining()) {
                pending = pair.get();
            }
        }
        position = source.position();
        return target.position();
    }

    /** The last bytes, an incomplete sequence among them read as U+FFFD, then the decoder's flush. */
    private int finish(char[] chars, int out, int end) {
        if (finished) {
            return out;
        }
        ByteBuffer source = ByteBuffer.wrap(bytes, position, limit - position);
        CharBuffer target = CharBuffer.wrap(chars, out, end - out);
        CoderResult result = decodeReplacing(source, target, true);
        position = source.position();
        if (!result.isOverflow() && !decoder.flush(target).isOverflow()) {
            finished = true;
            if (witness != null && !flawed) {
                witness.readToTheEnd();
            }
        }
        return target.position();
    }

    /**
     * The decoder's {@code decode}, each ill-formed sequence read as one U+FFFD exactly as {@link
     * CodingErrorAction#REPLACE} does it (the same loop as {@code CharsetDecoder.decode}), and reported.
     */
    private CoderResult decodeReplacing(ByteBuffer source, CharBuffer target, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(source, target, endOfInput);
            if (!result.isError()) {
                return result;
            }
            flaw();
            if (!target.hasRemaining()) {
                return CoderResult.OVERFLOW;
            }
            target.put('\uFFFD');
            source.position(source.position() + result.length());
        }
    }

    private void flaw() {
        if (!flawed) {
            flawed = true;
            if (witness != null) {
                witness.sawIllFormedOrNul();
            }
        }
    }

    /** Moves the bytes not decoded yet to the buffer's start and reads more after them. */
    private void fill() throws IOException {
        int kept = limit - position;
        System.arraycopy(bytes, position, bytes, 0, kept);
        position = 0;
        limit = kept;
        int read = in.read(bytes, limit, bytes.length - limit);
        if (read < 0) {
            streamEnded = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
