package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
 */
public final class EncodingDetector {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");

    /** Binary files (xlsx, pdf, images) show a NUL byte early; CSV text never does. */
    static final int BINARY_PROBE_BYTES = 8 * 1024;

    private static final int CHUNK_BYTES = 64 * 1024;

    private EncodingDetector() {
    }

    public static DetectedEncoding detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        }
    }

    static DetectedEncoding detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(BINARY_PROBE_BYTES);
        ByteOrderMark bom = ByteOrderMark.of(head);
        if (head.length == bom.length()) {
            return new DetectedEncoding(DetectedEncoding.Kind.EMPTY, StandardCharsets.UTF_8, bom.length(), false);
        }
        if (bom == ByteOrderMark.NONE && containsNul(head)) {
            return new DetectedEncoding(DetectedEncoding.Kind.BINARY, StandardCharsets.UTF_8, 0, false);
        }
        Charset declared = bom == ByteOrderMark.NONE ? StandardCharsets.UTF_8 : bom.charset();
        StrictDecoding decoding = new StrictDecoding(declared);
        boolean undefinedInWindows1252 = false;
        boolean c1Bytes = false;
        boolean iso885915Signs = false;
        boolean nulBytes = false;

        byte[] chunk = Arrays.copyOfRange(head, bom.length(), head.length);
        int length = chunk.length;
        while (length >= 0) {
            decoding.feed(chunk, length);
            undefinedInWindows1252 |= hasByteUndefinedInWindows1252(chunk, length);
            c1Bytes |= hasByteIn(chunk, length, 0x80, 0x9F);
            iso885915Signs |= hasByteIn(chunk, length, 0xA4, 0xA4) || hasByteIn(chunk, length, 0xBC, 0xBD);
            nulBytes |= !declared.name().startsWith("UTF-16") && hasByteIn(chunk, length, 0x00, 0x00);
            if (chunk.length < CHUNK_BYTES) {
                chunk = new byte[CHUNK_BYTES];
            }
            length = in.read(chunk);
        }
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

    private static boolean hasByteIn(byte[] bytes, int length, int low, int high) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= low && b <= high) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The five byte values that Windows-1252 leaves unassigned. */
    private static boolean hasByteUndefinedInWindows1252(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                return true;
            }
        }
        return false;
    }

    /**
     * Feeds chunks to a decoder that reports, rather than replaces, malformed input; it skips each
     * malformed sequence and goes on, counting them and the non-ASCII characters it could decode.
     */
    private static final class StrictDecoding {

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
