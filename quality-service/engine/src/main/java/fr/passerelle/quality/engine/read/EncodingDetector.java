package fr.passerelle.quality.engine.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells UTF-8 from Windows-1252, the two encodings French spreadsheets produce, by decoding the
 * whole file strictly as UTF-8: a Windows-1252 file with accents is almost never valid UTF-8,
 * while sniffing only the first kilobytes misses the accent on line 40 000.
 *
 * <p>ISO-8859-1 reads the same as Windows-1252 for every printable character, so it is reported as
 * Windows-1252. ISO-8859-15 differs from both on eight bytes, and no rule tells them apart in
 * general; ours: ISO-8859-15 when the file has no byte in 0x80–0x9F (where Windows-1252 puts
 * €, œ, ’, «…» quotes and dashes; control characters in the ISO charsets) but has 0xA4, 0xBC or 0xBD
 * (€, Œ, œ in ISO-8859-15; ¤, ¼, ½ in Windows-1252, signs French text hardly ever uses). Otherwise
 * Windows-1252.
 *
 * <p>A large file whose first megabyte is well-formed UTF-8 may instead be read as UTF-8 straight away ({@link
 * #utf8AtStart}), its decoding checking the rest as it goes: the same answer, the file read once.
 */
public final class EncodingDetector {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");

    /** Binary files (xlsx, pdf, images) show a NUL byte early; CSV text never does. */
    static final int BINARY_PROBE_BYTES = 8 * 1024;

    private static final int CHUNK_BYTES = 64 * 1024;

    private EncodingDetector() {
    }

    /** From this size up, the second half of a file is checked on a thread of its own (see {@link TailCheck}). */
    static final long PARALLEL_FROM_BYTES = 16L * 1024 * 1024;

    public static DetectedEncoding detect(Path file) throws IOException {
        return detect(file, PARALLEL_FROM_BYTES);
    }

    /**
     * From this size up, a file's encoding may be guessed from its start ({@link #utf8AtStart}): below it, reading the
     * whole file first costs a few milliseconds.
     */
    public static final long GUESS_FROM_BYTES = 16L * 1024 * 1024;

    /** The bytes {@link #utf8AtStart} reads. */
    static final int START_BYTES = 1024 * 1024;

    private static final DetectedEncoding WELL_FORMED_UTF8 =
            new DetectedEncoding(DetectedEncoding.Kind.TEXT, StandardCharsets.UTF_8, 0, false, false);

    /**
     * What {@link #detect(Path)} says of a file whose first {@value #START_BYTES} bytes are well-formed UTF-8 without a
     * byte-order mark nor NUL, if the rest is like them: well-formed UTF-8; empty when these bytes say anything else,
     * for {@link #detect(Path)} to answer. A guess, for a large file that is decoded whole before anything is
     * written: the decoding then confirms it ({@link Utf8Witness}), else the file is read again as {@link
     * #detect(Path)} says. Most files are well-formed UTF-8, and are then read once instead of twice.
     */
    public static Optional<DetectedEncoding> utf8AtStart(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(START_BYTES);
        }
        int end = start.length;
        if (end == START_BYTES) {
            // Cut after an ASCII byte: a character cut in two at the end would read as ill-formed.
            while (end > 0 && start[end - 1] < 0) {
                end--;
            }
        }
        DetectedEncoding found = detect(new ByteArrayInputStream(start, 0, end));
        return found.equals(WELL_FORMED_UTF8) ? Optional.of(found) : Optional.empty();
    }

    /** @param parallelFrom the size from which the second half is checked on another thread */
    static DetectedEncoding detect(Path file, long parallelFrom) throws IOException {
        long size = Files.size(file);
        TailCheck tail = size >= parallelFrom && Runtime.getRuntime().availableProcessors() > 1
                ? TailCheck.start(file, size / 2) : null;
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in, tail);
        } finally {
            if (tail != null) {
                tail.cancel();
            }
        }
    }

    static DetectedEncoding detect(InputStream in) throws IOException {
        return detect(in, null);
    }

    /**
     * @param tail the check of the file's second half on another thread, or {@code null}: when the first half is
     *             well-formed UTF-8 up to where the second begins, and the second is too, the answer is the same as
     *             after reading everything here; otherwise this thread reads on, as without it
     */
    private static DetectedEncoding detect(InputStream in, TailCheck tail) throws IOException {
        byte[] head = in.readNBytes(BINARY_PROBE_BYTES);
        ByteOrderMark bom = ByteOrderMark.of(head);
        if (head.length == bom.length()) {
            return new DetectedEncoding(DetectedEncoding.Kind.EMPTY, StandardCharsets.UTF_8, bom.length(), false);
        }
        if (bom == ByteOrderMark.NONE && containsNul(head)) {
            return new DetectedEncoding(DetectedEncoding.Kind.BINARY, StandardCharsets.UTF_8, 0, false);
        }
        Charset declared = bom == ByteOrderMark.NONE ? StandardCharsets.UTF_8 : bom.charset();
        boolean utf16 = declared.name().startsWith("UTF-16");
        StrictDecoding decoding = new StrictDecoding(declared);
        // UTF-8 is checked by hand (most files are ASCII or valid UTF-8, and a byte loop is many times faster than a
        // CharsetDecoder); at the first bad sequence the decoder takes over from there, to count as it always did.
        Utf8Scan scan = utf16 ? null : new Utf8Scan();
        int byteFlags = 0;

        byte[] chunk = Arrays.copyOfRange(head, bom.length(), head.length);
        int length = chunk.length;
        long offset = head.length;
        if (scan == null || tail != null && tail.from() <= offset) {
            tail = null;
        }
        while (length >= 0) {
            if (scan != null && scan.valid()) {
                scan.feed(chunk, length, decoding);
            } else {
                decoding.feed(chunk, length);
            }
            byteFlags |= byteFlags(chunk, length);
            if (chunk.length < CHUNK_BYTES) {
                chunk = new byte[CHUNK_BYTES];
            }
            if (tail != null && !scan.valid()) {
                // Not UTF-8 before the middle: this thread reads on alone, and the other has nothing left to tell.
                tail.cancel();
                tail = null;
            }
            if (tail != null && offset == tail.from()) {
                // Where the second half begins: a character boundary, and nothing pending or ill-formed before it.
                int tailFlags = scan.pendingLength == 0 ? tail.flags() : TailCheck.NOT_UTF8;
                tail.cancel();
                tail = null;
                if (tailFlags != TailCheck.NOT_UTF8) {
                    byteFlags |= tailFlags;
                    break;
                }
            }
            length = in.read(chunk, 0, tail == null ? chunk.length : (int) Math.min(chunk.length, tail.from() - offset));
            offset += Math.max(length, 0);
        }
        if (scan != null && scan.valid()) {
            scan.finish(decoding);
        }
        boolean undefinedInWindows1252 = (byteFlags & UNDEFINED_IN_WINDOWS_1252) != 0;
        boolean c1Bytes = (byteFlags & C1) != 0;
        boolean iso885915Signs = (byteFlags & ISO_8859_15_SIGN) != 0;
        boolean nulBytes = !utf16 && (byteFlags & NUL) != 0;
        boolean valid = decoding.finish();

        if (bom != ByteOrderMark.NONE) {
            // A byte-order mark is an explicit declaration: trust it and report the bad bytes.
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, declared, bom.length(), !valid);
        }
        if (valid) {
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, StandardCharsets.UTF_8, 0, false, nulBytes);
        }
        if (decoding.mostlyUtf8()) {
            // Accents read as UTF-8 far more often than bytes fail: a damaged UTF-8 file, not a Windows-1252 one.
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, StandardCharsets.UTF_8, 0, true, nulBytes);
        }
        if (!c1Bytes && iso885915Signs) {
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, ISO_8859_15, 0, false, nulBytes);
        }
        return new DetectedEncoding(DetectedEncoding.Kind.TEXT, WINDOWS_1252, 0, undefinedInWindows1252, nulBytes);
    }

    /**
     * The second half of a large file checked on a thread of its own, from its first byte that does not continue a
     * character (so both halves start on a character): whether it is well-formed UTF-8, and its bytes' flags. The
     * check of the first half then stops there when both are well-formed, the common case, and its answer is the one
     * reading everything would give (well-formed UTF-8 depends on nothing else; the flags of the whole are those of
     * the halves together). When either half is not, the caller reads on as without it: a Windows-1252 file costs no
     * more than before on this thread.
     */
    private static final class TailCheck {

        static final int NOT_UTF8 = -1;

        private final long from;
        private final Thread thread;
        private volatile boolean cancelled;
        /** The flags, or {@link #NOT_UTF8}; set before the thread ends. */
        private volatile int flags = NOT_UTF8;

        private TailCheck(long from, Path file) {
            this.from = from;
            this.thread = new Thread(() -> check(file), "passerelle-encoding-tail");
            thread.setDaemon(true);
        }

        /** @return the check started, or {@code null} when the file gives no place to cut (or no thread starts) */
        static TailCheck start(Path file, long middle) throws IOException {
            long from;
            try (FileChannel channel = FileChannel.open(file)) {
                ByteBuffer probe = ByteBuffer.allocate(8);
                channel.read(probe, middle);
                probe.flip();
                int skipped = 0;
                while (probe.hasRemaining() && (probe.get(probe.position()) & 0xC0) == 0x80) {
                    probe.get();
                    skipped++;
                }
                if (!probe.hasRemaining()) {
                    // Eight continuation bytes in a row: not UTF-8 there, the caller finds out by itself.
                    return null;
                }
                from = middle + skipped;
            }
            TailCheck tail = new TailCheck(from, file);
            try {
                tail.thread.start();
            } catch (RuntimeException | Error e) {
                return null;
            }
            return tail;
        }

        long from() {
            return from;
        }

        /** Waits for the check: the flags of the second half's bytes, or {@link #NOT_UTF8}. */
        int flags() {
            Threads.joinUninterruptibly(thread);
            return flags;
        }

        void cancel() {
            cancelled = true;
        }

        private void check(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(from);
                Utf8Scan scan = new Utf8Scan();
                StrictDecoding unused = new StrictDecoding(StandardCharsets.UTF_8);
                byte[] chunk = new byte[CHUNK_BYTES];
                int found = 0;
                for (int length = in.read(chunk); length >= 0 && !cancelled; length = in.read(chunk)) {
                    scan.feed(chunk, length, unused);
                    if (!scan.valid()) {
                        return;
                    }
                    found |= byteFlags(chunk, length);
                }
                if (!cancelled && scan.pendingLength == 0) {
                    flags = found;
                }
            } catch (IOException | RuntimeException e) {
                // The caller reads the second half itself.
            }
        }
    }

    /** What each byte value tells, as bits: one table look-up a byte instead of four scans of the chunk. */
    private static final int NUL = 1;
    /** 0x80–0x9F: where Windows-1252 puts €, œ, ’, «…» and dashes; control characters in the ISO charsets. */
    private static final int C1 = 2;
    /** 0xA4, 0xBC, 0xBD: €, Œ, œ in ISO-8859-15. */
    private static final int ISO_8859_15_SIGN = 4;
    /** The five byte values that Windows-1252 leaves unassigned. */
    private static final int UNDEFINED_IN_WINDOWS_1252 = 8;
    private static final byte[] FLAGS = new byte[256];

    static {
        FLAGS[0] = NUL;
        for (int b = 0x80; b <= 0x9F; b++) {
            FLAGS[b] = C1;
        }
        for (int b : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
            FLAGS[b] |= UNDEFINED_IN_WINDOWS_1252;
        }
        for (int b : new int[] {0xA4, 0xBC, 0xBD}) {
            FLAGS[b] = ISO_8859_15_SIGN;
        }
    }

    private static int byteFlags(byte[] bytes, int length) {
        int flags = 0;
        int i = 0;
        // Eight bytes at a time: a word of ASCII bytes none of them NUL (nearly all of a file) flags nothing.
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long word = ByteWords.at(bytes, i);
            if ((word & ByteWords.HIGH_BITS) != 0 || ByteWords.hasZeroByte(word)) {
                for (int k = i; k < i + Long.BYTES; k++) {
                    flags |= FLAGS[bytes[k] & 0xFF];
                }
            }
        }
        for (; i < length; i++) {
            flags |= FLAGS[bytes[i] & 0xFF];
        }
        return flags;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks UTF-8 by hand, as strictly as the JDK's decoder (Unicode's well-formed sequences: no overlong form, no
     * surrogate, nothing above U+10FFFF), counting the non-ASCII characters decoded as {@link StrictDecoding} does
     * (a 4-byte character decodes to two). At the first ill-formed sequence it hands the bytes from that sequence's
     * first byte on to the decoder, which counts the malformed input from there exactly as when it read everything:
     * a character boundary leaves the decoder with nothing pending.
     */
    static final class Utf8Scan {

        /** Bytes of a character begun at the end of the previous chunk. */
        private final byte[] pending = new byte[4];
        private int pendingLength;
        private long nonAscii;
        private boolean valid = true;

        boolean valid() {
            return valid;
        }

        void feed(byte[] chunk, int length, StrictDecoding decoding) {
            int i = 0;
            if (pendingLength > 0) {
                // Completes the character split across chunks, one byte at a time.
                while (pendingLength < 4 && i < length) {
                    pending[pendingLength++] = chunk[i++];
                    int status = check(pending, 0, pendingLength);
                    if (status > 0) {
                        nonAscii += status == 4 ? 2 : 1;
                        pendingLength = 0;
                        break;
                    }
                    if (status < 0) {
                        handOver(decoding, chunk, i, length);
                        return;
                    }
                }
                if (pendingLength > 0) {
                    return;
                }
            }
            while (i < length) {
                if (i + Long.BYTES <= length && ByteWords.ascii(chunk, i)) {
                    // Eight ASCII bytes at once.
                    i += Long.BYTES;
                    continue;
                }
                byte b = chunk[i];
                if (b >= 0) {
                    i++;
                    continue;
                }
                int status = check(chunk, i, length);
                if (status > 0) {
                    nonAscii += status == 4 ? 2 : 1;
                    i += status;
                } else if (status == 0) {
                    pendingLength = length - i;
                    System.arraycopy(chunk, i, pending, 0, pendingLength);
                    return;
                } else {
                    handOver(decoding, chunk, i, length);
                    return;
                }
            }
        }

        /** End of input: a character left incomplete is malformed, as the decoder says. */
        void finish(StrictDecoding decoding) {
            if (pendingLength > 0) {
                handOver(decoding, pending, pendingLength, pendingLength);
            } else {
                decoding.countAsDecoded(nonAscii);
            }
        }

        /** The decoder reads from the current character's first byte: the pending ones, then the chunk from {@code from}. */
        private void handOver(StrictDecoding decoding, byte[] chunk, int from, int length) {
            valid = false;
            decoding.countAsDecoded(nonAscii);
            if (pendingLength > 0) {
                int ownBytes = chunk == pending ? 0 : from;
                int pendingOnly = chunk == pending ? pendingLength : pendingLength - ownBytes;
                decoding.feed(pending, pendingOnly);
                pendingLength = 0;
                if (chunk != pending) {
                    decoding.feed(Arrays.copyOfRange(chunk, 0, length), length);
                }
                return;
            }
            decoding.feed(Arrays.copyOfRange(chunk, from, length), length - from);
        }

        /**
         * @return the length of the well-formed character starting at {@code bytes[start]} (2 to 4, its first byte
         *         being non-ASCII), 0 when the bytes before {@code end} are a well-formed beginning of one, -1 when
         *         they are ill-formed
         */
        static int check(byte[] bytes, int start, int end) {
            int b0 = bytes[start] & 0xFF;
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                length = 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                length = 3;
                if (b0 == 0xE0) {
                    low = 0xA0;
                } else if (b0 == 0xED) {
                    high = 0x9F;
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                length = 4;
                if (b0 == 0xF0) {
                    low = 0x90;
                } else if (b0 == 0xF4) {
                    high = 0x8F;
                }
            } else {
                return -1;
            }
            for (int k = 1; k < length; k++) {
                if (start + k >= end) {
                    return 0;
                }
                int b = bytes[start + k] & 0xFF;
                if (k == 1 ? b < low || b > high : b < 0x80 || b > 0xBF) {
                    return -1;
                }
            }
            return length;
        }
    }

    /**
     * Feeds chunks to a decoder that reports, rather than replaces, malformed input; it skips each
     * malformed sequence and goes on, counting them and the non-ASCII characters it could decode.
     */
    static final class StrictDecoding {

        private final CharsetDecoder decoder;
        private final ByteBuffer pending = ByteBuffer.allocate(CHUNK_BYTES + 16);
        private final CharBuffer decoded = CharBuffer.allocate(CHUNK_BYTES);
        private long malformed;
        private long nonAscii;

        StrictDecoding(Charset charset) {
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void feed(byte[] bytes, int length) {
            if (length <= 0) {
                return;
            }
            pending.put(bytes, 0, length);
            pending.flip();
            decode(false);
            // Keeps the few bytes of a character split across two chunks.
            pending.compact();
        }

        /** Non-ASCII characters already decoded before this decoder was handed the bytes. */
        void countAsDecoded(long characters) {
            nonAscii += characters;
        }

        /** @return true when every byte decoded */
        boolean finish() {
            pending.flip();
            decode(true);
            while (decoder.flush(decoded).isOverflow()) {
                decoded.clear();
            }
            return malformed == 0;
        }

        /**
         * Valid multi-byte characters outnumber the malformed sequences. A Windows-1252 file almost never
         * holds one (its accents are single bytes that UTF-8 rejects), so this is UTF-8 with damage.
         */
        boolean mostlyUtf8() {
            return nonAscii > malformed;
        }

        private void decode(boolean endOfInput) {
            while (true) {
                CoderResult result = decoder.decode(pending, decoded, endOfInput);
                countNonAscii();
                if (result.isError()) {
                    malformed++;
                    pending.position(pending.position() + result.length());
                } else if (!result.isOverflow()) {
                    return;
                }
            }
        }

        private void countNonAscii() {
            decoded.flip();
            while (decoded.hasRemaining()) {
                if (decoded.get() > 0x7F) {
                    nonAscii++;
                }
            }
            decoded.clear();
        }
    }
}
