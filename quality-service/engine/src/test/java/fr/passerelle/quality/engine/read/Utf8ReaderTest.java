package fr.passerelle.quality.engine.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Utf8Reader} reads every byte sequence as the JDK's {@link InputStreamReader} does, undecodable ones included,
 * and tells its {@link Utf8Witness} what the encoding check would say of the whole: well-formed and without NUL.
 */
class Utf8ReaderTest {

    @Test
    void readsFrenchTextAndEveryKindOfCharacterAsTheJdkDoes() throws IOException {
        String text = "id;nom;adresse\n1;Hôpital Saint-Éloi;12 rue de l’Église, Besançon\n2;Œuvre « caritative » – 5 €;"
                + "Mairie de Saint-Étienne 😀 𝄞\n3;ÿ;\u0080\u07ff\u0800\uffff\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int buffer : new int[] {4, 5, 7, 64, 1 << 16}) {
            Utf8Witness witness = new Utf8Witness();
            assertEquals(text, read(new Utf8Reader(new ByteArrayInputStream(bytes), buffer, witness), new Random(buffer),
                    64));
            assertTrue(witness.confirmed(), "well-formed, read to the end");
        }
    }

    @Test
    void confirmsNothingBeforeTheEndNorWithANulByte() throws IOException {
        byte[] bytes = "id;nom\n1;Hôpital\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Utf8Witness stopped = new Utf8Witness();
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), 64, stopped)) {
            assertEquals(10, reader.read(new char[10], 0, 10));
        }
        assertFalse(stopped.confirmed(), "closed before the end");
        for (String text : new String[] {"\0", "abcdefgh\0", "0123456789abcdef;\0;é", "é\0", "\u00e9\u20ac\0x"}) {
            Utf8Witness witness = new Utf8Witness();
            read(new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 5, witness),
                    new Random(1), 4);
            assertFalse(witness.confirmed(), () -> "NUL in " + describe(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void readsUndecodableBytesAsTheJdkDoes() throws IOException {
        // Truncated, overlong and stray sequences, surrogates, bytes UTF-8 never uses; followed by ASCII or not.
        byte[][] hostile = {
                {(byte) 0xC3}, {(byte) 0xC3, 'a'}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF, 'x'},
                {(byte) 0xE2, (byte) 0x80}, {(byte) 0xE2, (byte) 0x80, 'a'}, {(byte) 0xE0, (byte) 0x80, 'a'},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
                {(byte) 0xF0, (byte) 0x9F, 'a', 'b'}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xBF, 'z'},
                {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC3, (byte) 0xC3, (byte) 0xA9}, {(byte) 0xE2, (byte) 0x82},
        };
        for (byte[] bytes : hostile) {
            for (int buffer : new int[] {4, 5, 64}) {
                Utf8Witness witness = new Utf8Witness();
                assertEquals(jdk(bytes), read(new Utf8Reader(new ByteArrayInputStream(bytes), buffer, witness),
                        new Random(buffer), 3), () -> describe(bytes));
                assertFalse(witness.confirmed(), () -> "ill-formed: " + describe(bytes));
            }
        }
    }

    @Test
    void readsRandomBytesAsTheJdkDoesWhereverTheBuffersAndReadsEnd() throws IOException {
        Random random = new Random(20261207);
        for (int round = 0; round < 3_000; round++) {
            // A third well-formed (whole words only): the witness must confirm those, and only those without NUL.
            byte[] bytes = randomText(random, random.nextInt(600), round % 3 == 0);
            String expected = jdk(bytes);
            int buffer = 4 + random.nextInt(40);
            long seed = random.nextLong();
            Utf8Witness witness = new Utf8Witness();
            assertEquals(expected, read(new Utf8Reader(new Slices(bytes, random, random.nextInt(8) + 1), buffer,
                    witness), new Random(seed), 1 + random.nextInt(9)), () -> describe(bytes));
            assertEquals(wellFormedWithoutNul(bytes), witness.confirmed(), () -> describe(bytes));
        }
    }

    /** What the encoding check says of the whole file: strictly decodable as UTF-8, and no NUL byte. */
    private static boolean wellFormedWithoutNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Mostly text, some of it French and some emoji, with a share of random and cut sequences unless {@code whole}. */
    private static byte[] randomText(Random random, int pieces, boolean whole) {
        String[] words = {"a", "rue ", ";", "\n", "é", "è", "Œ", "’", "€", "😀", "\"", "ÿ", "ß", "\u0800", "\uffff",
                "abcdefghijkl", "\0"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            int kind = whole ? 0 : random.nextInt(10);
            if (kind < 6) {
                out.writeBytes(words[random.nextInt(words.length)].getBytes(StandardCharsets.UTF_8));
            } else if (kind < 8) {
                out.write(random.nextInt(256));
            } else {
                byte[] word = words[random.nextInt(words.length)].getBytes(StandardCharsets.UTF_8);
                out.write(word, 0, random.nextInt(word.length + 1));
            }
        }
        return out.toByteArray();
    }

    private static String jdk(byte[] bytes) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            reader.transferTo(new java.io.Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    text.append(chars, offset, length);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            return text.toString();
        }
    }

    /** Reads in calls of 1 to {@code maxRead} chars, as a parser asking for what its buffer has room for. */
    private static String read(Reader reader, Random random, int maxRead) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chars = new char[maxRead + 2];
        try (reader) {
            while (true) {
                int wanted = 1 + random.nextInt(maxRead);
                int read = reader.read(chars, 1, wanted);
                if (read < 0) {
                    return text.toString();
                }
                text.append(chars, 1, read);
            }
        }
    }

    private static String describe(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString();
    }
}
