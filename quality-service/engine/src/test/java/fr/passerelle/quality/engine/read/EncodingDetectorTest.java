package fr.passerelle.quality.engine.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
