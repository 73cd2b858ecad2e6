package fr.passerelle.quality.engine.validation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Utf8Writer} writes every text as the JDK's {@link OutputStreamWriter} does, lone surrogates included, however
 * the text is cut into writes and whenever it is flushed.
 */
class Utf8WriterTest {

    @Test
    void writesFrenchTextAndEveryKindOfCharacterAsTheJdkDoes() throws IOException {
        String text = "id,nom,adresse\n1,Hôpital Saint-Éloi,\"12 rue de l’Église, Besançon\"\n2,Œuvre « caritative » – 5 €,"
                + "Mairie de Saint-Étienne 😀 𝄞\n3,ÿ,\u0080\u07ff\u0800\uffff\n";
        for (int buffer : new int[] {4, 5, 7, 64, 1 << 16}) {
            assertArrayEquals(jdk(text, new Random(buffer), 64, false), ours(text, new Random(buffer), 64, buffer, false));
        }
    }

    @Test
    void writesLoneAndSplitSurrogatesAsTheJdkDoes() throws IOException {
        String[] hostile = {"\ud83d", "a\ud83d", "\ud83db", "\ude00", "a\ude00b", "\ud83d\ud83d\ude00", "\ude00\ud83d",
                "\ud83d\ud83d", "é\ud83d", "\ud83dé", "\ud83d\n", "😀\ud83d😀"};
        for (String text : hostile) {
            for (int maxWrite : new int[] {1, 2, 3}) {
                for (boolean flushes : new boolean[] {false, true}) {
                    for (int buffer : new int[] {4, 5, 64}) {
                        assertArrayEquals(jdk(text, new Random(buffer), maxWrite, flushes),
                                ours(text, new Random(buffer), maxWrite, buffer, flushes), () -> describe(text));
                    }
                }
            }
        }
    }

    @Test
    void writesRandomTextAsTheJdkDoesWhereverTheWritesEnd() throws IOException {
        Random random = new Random(20261207);
        String[] words = {"a", "rue ", ",", "\n", "é", "è", "Œ", "’", "€", "😀", "\"", "ÿ", "ß", "\u0800", "\uffff",
                "\u07ff", "\u0080", "abcdefghijkl", "\ud83d", "\ude00", "\u0000"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                text.append(words[random.nextInt(words.length)]);
            }
            String written = text.toString();
            int maxWrite = 1 + random.nextInt(40);
            int buffer = 4 + random.nextInt(40);
            boolean flushes = random.nextBoolean();
            long seed = random.nextLong();
            assertArrayEquals(jdk(written, new Random(seed), maxWrite, flushes),
                    ours(written, new Random(seed), maxWrite, buffer, flushes), () -> describe(written));
        }
    }

    @Test
    void refusesToWriteOnceClosed() throws IOException {
        Writer writer = new Utf8Writer(new ByteArrayOutputStream());
        writer.close();
        assertThrows(IOException.class, () -> writer.write("a"));
        assertThrows(IOException.class, writer::flush);
    }

    /** The bytes written, each flush's bytes so far after them: what a reader of the stream saw at each flush. */
    private static byte[] jdk(String text, Random cuts, int maxWrite, boolean flushes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return write(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), bytes, text, cuts, maxWrite, flushes);
    }

    private static byte[] ours(String text, Random cuts, int maxWrite, int buffer, boolean flushes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return write(new Utf8Writer(bytes, buffer), bytes, text, cuts, maxWrite, flushes);
    }

    /**
     * Writes in pieces of 0 to {@code maxWrite} chars, as char arrays, strings or single chars, flushing now and then
     * when {@code flushes}, then closes.
     *
     * @return the bytes written, then those of {@code bytes} at each flush
     */
    private static byte[] write(Writer writer, ByteArrayOutputStream bytes, String text, Random cuts, int maxWrite,
                                boolean flushes) throws IOException {
        ByteArrayOutputStream flushed = new ByteArrayOutputStream();
        try (writer) {
            int at = 0;
            while (at < text.length()) {
                int n = Math.min(text.length() - at, cuts.nextInt(maxWrite + 1));
                switch (cuts.nextInt(3)) {
                    case 0 -> {
                        char[] chars = new char[n + 2];
                        text.getChars(at, at + n, chars, 1);
                        writer.write(chars, 1, n);
                    }
                    case 1 -> writer.write(text, at, n);
                    default -> {
                        for (int i = 0; i < n; i++) {
                            writer.write(text.charAt(at + i));
                        }
                    }
                }
                at += n;
                if (flushes && cuts.nextInt(4) == 0) {
                    writer.flush();
                    flushed.writeBytes(bytes.toByteArray());
                    flushed.write('|');
                }
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(bytes.toByteArray());
        all.write('|');
        all.writeBytes(flushed.toByteArray());
        return all.toByteArray();
    }

    private static String describe(String text) {
        StringBuilder hex = new StringBuilder();
        text.chars().forEach(c -> hex.append(String.format("%04X ", c)));
        return hex.toString();
    }
}
