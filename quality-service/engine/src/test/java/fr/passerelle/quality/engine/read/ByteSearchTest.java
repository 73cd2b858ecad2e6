package fr.passerelle.quality.engine.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteSearchTest {

    private static final byte[] NEEDLE = "mergeCell".getBytes(StandardCharsets.US_ASCII);

    @Test
    void findsTheSequenceWhereverItFallsAgainstTheBuffersEdge() throws IOException {
        for (int offset = 64 * 1024 - 12; offset <= 64 * 1024 + 2; offset++) {
            byte[] bytes = new byte[200_000];
            java.util.Arrays.fill(bytes, (byte) 'm');
            System.arraycopy(NEEDLE, 0, bytes, offset, NEEDLE.length);
            assertTrue(ByteSearch.contains(new ByteArrayInputStream(bytes), NEEDLE), "at " + offset);
        }
    }

    @Test
    void findsItInAStreamThatGivesOneByteAtATime() throws IOException {
        byte[] bytes = "<x><mergeCells count=\"1\"/></x>".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
        assertTrue(ByteSearch.contains(trickle, NEEDLE));
    }

    @Test
    void aNearMissIsNoMatch() throws IOException {
        assertFalse(ByteSearch.contains(new ByteArrayInputStream("mergeCel mergecell ergeCell".getBytes(
                StandardCharsets.US_ASCII)), NEEDLE));
        assertFalse(ByteSearch.contains(InputStream.nullInputStream(), NEEDLE));
    }
}
