package fr.passerelle.quality.engine.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodingDetectorTest {

    /** "é" is two bytes in UTF-8: put its first byte at the last position of a chunk. */
    @ParameterizedTest
    @ValueSource(ints = {EncodingDetector.BINARY_PROBE_BYTES, EncodingDetector.BINARY_PROBE_BYTES + 64 * 1024})
    void readsACharacterSplitAcrossTwoChunksAsUtf8(int boundary) throws IOException {
        String text = "a".repeat(boundary - 1) + "é" + "z".repeat(100);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xC3, bytes[boundary - 1]);

        DetectedEncoding detected = EncodingDetector.detect(new ByteArrayInputStream(bytes));

        assertEquals(DetectedEncoding.Kind.TEXT, detected.kind());
        assertEquals(StandardCharsets.UTF_8, detected.charset());
        assertFalse(detected.invalidBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, EncodingDetector.BINARY_PROBE_BYTES + 64 * 1024 - 1})
    void aTruncatedCharacterAtTheEndMeansWindows1252(int length) throws IOException {
        byte[] bytes = ("a".repeat(length - 1) + "é").getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);

        assertEquals(EncodingDetector.WINDOWS_1252, EncodingDetector.detect(new ByteArrayInputStream(truncated)).charset());
    }

    /**
     * The hand-written UTF-8 check must say what the JDK's strict decoder says, on any bytes and however the stream
     * cuts them: valid or not, and when not, whether the malformed sequences are outnumbered by decoded accents
     * (damaged UTF-8) or not (Windows-1252). Random texts mixing ASCII, every length of character, overlong forms,
     * surrogates, code points past U+10FFFF, stray continuation bytes and truncated characters, read in random slices.
     */
    @Test
    void theHandWrittenUtf8CheckAgreesWithTheJdkDecoder() throws IOException {
        Random random = new Random(16);
        byte[][] pieces = {
                bytes("a"), bytes("é"), bytes("€"), bytes("𝄞"), bytes("ő"), bytes("\n"), bytes(";"),
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5}, {(byte) 0x80}, {(byte) 0xBF},
                {(byte) 0xE9}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9D, (byte) 0x84},
                {(byte) 0xFF}, {(byte) 0x9D}, {(byte) 0xA4}};
        for (int round = 0; round < 3000; round++) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            // Enough ASCII first that the binary probe and the first chunk end anywhere in the mixed part.
            text.writeBytes(bytes("x".repeat(random.nextInt(EncodingDetector.BINARY_PROBE_BYTES + 200))));
            int count = 1 + random.nextInt(60);
            // Mostly valid text: accents usually outnumber damage, and sometimes do not.
            int badShare = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                int index = random.nextInt(4) < badShare ? random.nextInt(pieces.length) : random.nextInt(7);
                text.writeBytes(pieces[index]);
            }
            byte[] bytes = text.toByteArray();
            DetectedEncoding expected = reference(bytes);
            // Slices of a few bytes cut characters everywhere; large ones go through the eight-bytes-at-once path.
            int largestSlice = round % 2 == 0 ? 7 : 1 + random.nextInt(100_000);
            DetectedEncoding detected = EncodingDetector.detect(new Slices(bytes, random, largestSlice));
            assertEquals(expected, detected, "round " + round);
        }
    }

    /** A NUL byte past the binary probe, at any place of an eight-byte word, among ASCII and accents. */
    @Test
    void findsANulByteAnywhere() throws IOException {
        Random random = new Random(0);
        for (int round = 0; round < 2000; round++) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            text.writeBytes(bytes("x".repeat(EncodingDetector.BINARY_PROBE_BYTES + random.nextInt(200_000))));
            for (int i = random.nextInt(40); i > 0; i--) {
                text.writeBytes(bytes(random.nextBoolean() ? "a" : "é"));
            }
            boolean nul = round % 2 == 0;
            if (nul) {
                text.write(0);
            }
            text.writeBytes(bytes("z".repeat(random.nextInt(20))));
            byte[] bytes = text.toByteArray();

            DetectedEncoding detected = EncodingDetector.detect(new Slices(bytes, random, 100_000));

            assertEquals(nul, detected.nulBytes(), "round " + round);
            assertEquals(StandardCharsets.UTF_8, detected.charset(), "round " + round);
        }
    }

    /**
     * A large file's second half checked on another thread gives the answer of one thread reading it all: a file
     * of valid text with, or without, something planted in either half or across the middle (an accent, a
     * Windows-1252 byte, a NUL, a truncated or overlong character, stray continuation bytes), at every offset, or a
     * character cut by the end of the file.
     */
    @Test
    void checkingTheSecondHalfAsideGivesTheSameAnswer(@TempDir Path directory) throws IOException {
        Random random = new Random(1207);
        byte[][] plants = {bytes("é"), bytes("€"), bytes("𝄞"), {(byte) 0xE9}, {0}, {(byte) 0xC3}, {(byte) 0x80},
                {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                        (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF0, (byte) 0x9D, (byte) 0x84}, {(byte) 0xA4},
                {(byte) 0x9D}, bytes("\uFEFF")};
        Path file = directory.resolve("grand.csv");
        int parallel = 0;
        for (int round = 0; round < 600; round++) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            if (round % 50 == 0) {
                text.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            int size = 20_000 + random.nextInt(150_000);
            while (text.size() < size) {
                text.writeBytes(bytes(random.nextInt(5) == 0 ? "é" : "rue de la Gare;"));
            }
            if (round % 7 == 0) {
                // A character cut by the end of the file.
                text.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x82});
            }
            int middle = text.size() / 2;
            byte[] bytes = text.toByteArray();
            // Something planted near the middle (most rounds), anywhere else, or nothing.
            int kind = round % 3;
            if (kind < 2) {
                byte[] plant = plants[random.nextInt(plants.length)];
                int at = kind == 0 ? middle - 6 + random.nextInt(12) : EncodingDetector.BINARY_PROBE_BYTES
                        + random.nextInt(bytes.length - EncodingDetector.BINARY_PROBE_BYTES - plant.length);
                System.arraycopy(plant, 0, bytes, at, plant.length);
            }
            Files.write(file, bytes);
            DetectedEncoding alone = EncodingDetector.detect(file, Long.MAX_VALUE);
            DetectedEncoding aside = EncodingDetector.detect(file, 1);
            assertEquals(alone, aside, "round " + round);
            parallel += alone.charset().equals(StandardCharsets.UTF_8) && !alone.invalidBytes() ? 1 : 0;
        }
        assertTrue(parallel > 100, "too few files were UTF-8 throughout: " + parallel);
    }

    @Test
    void guessesUtf8OnlyFromAWellFormedStartWithoutMarkNorNul(@TempDir Path directory) throws IOException {
        int start = EncodingDetector.START_BYTES;
        // The first megabyte ends inside an « é »: its first half is left out of the guess, not read as ill-formed.
        byte[] cut = new byte[start + 1000];
        Arrays.fill(cut, (byte) 'a');
        cut[start - 1] = (byte) 0xC3;
        cut[start] = (byte) 0xA9;
        cut[start + 500] = (byte) 0xE9;
        assertGuess(directory, cut, true);
        assertEquals(EncodingDetector.WINDOWS_1252, EncodingDetector.detect(write(directory, cut)).charset(),
                "the whole-file check sees the lone é the guess did not read");

        byte[] windows1252 = Arrays.copyOf(cut, cut.length);
        windows1252[start / 2] = (byte) 0xE9;
        assertGuess(directory, windows1252, false);
        byte[] nul = Arrays.copyOf(cut, cut.length);
        nul[start / 2] = 0;
        assertGuess(directory, nul, false);
        byte[] marked = Arrays.copyOf(cut, cut.length);
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        assertGuess(directory, marked, false);
        assertGuess(directory, new byte[0], false);
        assertGuess(directory, bytes("id;nom\n1;Hôpital\n"), true);
    }

    private static void assertGuess(Path directory, byte[] bytes, boolean guessed) throws IOException {
        Path file = write(directory, bytes);
        assertEquals(guessed, EncodingDetector.utf8AtStart(file).isPresent());
        if (guessed) {
            assertEquals(StandardCharsets.UTF_8, EncodingDetector.utf8AtStart(file).get().charset());
        }
    }

    private static Path write(Path directory, byte[] bytes) throws IOException {
        return Files.write(directory.resolve("fichier.csv"), bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What the detector said before it checked UTF-8 by hand: the JDK decoder over the whole file, in one go. */
    private static DetectedEncoding reference(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        long malformed = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                malformed++;
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        long nonAscii = out.chars().filter(c -> c > 0x7F).count();
        boolean c1 = false;
        boolean signs = false;
        boolean undefined = false;
        for (byte b : bytes) {
            int v = b & 0xFF;
            c1 |= v >= 0x80 && v <= 0x9F;
            signs |= v == 0xA4 || v == 0xBC || v == 0xBD;
            undefined |= v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D;
        }
        if (malformed == 0) {
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, StandardCharsets.UTF_8, 0, false, false);
        }
        if (nonAscii > malformed) {
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, StandardCharsets.UTF_8, 0, true, false);
        }
        if (!c1 && signs) {
            return new DetectedEncoding(DetectedEncoding.Kind.TEXT, EncodingDetector.ISO_8859_15, 0, false, false);
        }
        return new DetectedEncoding(DetectedEncoding.Kind.TEXT, EncodingDetector.WINDOWS_1252, 0, undefined, false);
    }
}
