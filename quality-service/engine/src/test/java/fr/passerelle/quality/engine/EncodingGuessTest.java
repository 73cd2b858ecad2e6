package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.corpus.Corpus;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large file's encoding guessed from its start, the decoding confirming it as the file is read, gives the same
 * reports, error lists, annotated and clean files, byte for byte, as the encoding told from the whole file first:
 * on the corpus (every file guessed, however small), and on files well-formed UTF-8 for their first megabytes and not
 * after (a Windows-1252 accent, a NUL byte, damaged UTF-8, a row too long to read), checked and fixed.
 */
class EncodingGuessTest {

    private static final TableSchema SCHEMA = TestSchemas.parse("""
            {
              "name": "stations",
              "fields": [
                {"name": "code", "type": "string", "constraints": {"required": true, "unique": true}},
                {"name": "nom", "type": "string"},
                {"name": "mise_en_service", "type": "date"},
                {"name": "puissance", "type": "number"},
                {"name": "observations", "type": "string"}
              ]
            }
            """);

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> theCorpusGivesTheSameOutputsWhenItsEncodingIsGuessed() {
        return Corpus.full().stream().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            Path raw = work.resolve(file.name().replace('/', '-'));
            Files.write(raw, file.content());
            assertSameOutputs(ShippedSchemas.schema(file.schema()), raw);
        }));
    }

    @Test
    void aWellFormedFileGivesTheSameOutputs() throws IOException {
        Path raw = write("bien-forme.csv", rows(1, 40_000, true).getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", assertSameOutputs(SCHEMA, raw).encoding());
    }

    @Test
    void windows1252AccentsAfterTheFirstMegabyteAreReadAsTheWholeFileCheckSays() throws IOException {
        // ASCII for the first 2 MB, then « côté gare » now and then, in Windows-1252: the accent on line 30 000.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(rows(1, 30_000, false).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(rows(30_001, 40_000, true).substring(HEADER.length()).getBytes("windows-1252"));
        Path raw = write("accents-tardifs.csv", bytes.toByteArray());
        assertEquals("windows-1252", assertSameOutputs(SCHEMA, raw).encoding());
    }

    @Test
    void aNulByteOrDamagedUtf8AfterTheFirstMegabyteGivesTheSameOutputs() throws IOException {
        byte[] wellFormed = rows(1, 40_000, true).getBytes(StandardCharsets.UTF_8);
        int at = indexOf(wellFormed, "S031040,".getBytes(StandardCharsets.UTF_8));
        assertTrue(at > 1024 * 1024, "after the first megabyte: " + at);
        QualityReport withNul = assertSameOutputs(SCHEMA, write("nul-tardif.csv", splice(wellFormed, at, 0,
                new byte[] {0})));
        assertEquals("UTF-8", withNul.encoding());
        assertTrue(withNul.errorCount() > 0, "the NUL is reported");

        // Row 31 040's « côté » (97 × 320) with its ô (C3 B4) cut after the first byte: one bad sequence among many
        // good ones, still UTF-8.
        int accent = indexOf(wellFormed, "S031040,".getBytes(StandardCharsets.UTF_8), "c\u00f4t\u00e9".getBytes(
                StandardCharsets.UTF_8)) + 1;
        QualityReport damaged = assertSameOutputs(SCHEMA, write("utf8-abime.csv", splice(wellFormed, accent + 1, 1,
                new byte[0])));
        assertEquals("UTF-8", damaged.encoding());
        assertTrue(damaged.errorCount() > 0, "the bad byte is reported");
    }

    @Test
    void aFileWhoseReadingStopsAfterTheFirstMegabyteGivesTheSameOutputs() throws IOException {
        // A quote never closed: the rest of the file is one cell, too long to read.
        String text = rows(1, 40_000, true) + "ZZZ,\"jamais fermé," + "x".repeat(200_000) + "\n";
        assertSameOutputs(SCHEMA, write("guillemet-ouvert.csv", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String HEADER = "code,nom,mise_en_service,puissance,observations\n";

    /** The header, then rows {@code from} to {@code to} of the schema, 63 bytes each, « côté gare » every 97th. */
    private static String rows(int from, int to, boolean accents) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = from; i <= to; i++) {
            text.append(String.format(Locale.ROOT, "S%06d,Station %d,20%02d-%02d-%02d,%d.%d,%s\n", i, i,
                    10 + i % 14, 1 + i % 12, 1 + i % 28, i % 50, i % 10, i % 97 == 0 && accents ? "côté gare" : ""));
        }
        return text.toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path raw = work.resolve(name);
        Files.write(raw, bytes);
        return raw;
    }

    /**
     * Checks and fixes {@code raw} with the encoding told from the whole file, then guessed from the start of any file;
     * asserts every output identical. A check alone is guessed only when it writes nothing as it goes: it runs both ways.
     *
     * @return the report of the check
     */
    private static QualityReport assertSameOutputs(TableSchema schema, Path raw) throws IOException {
        QualityCheck whole = QualityCheck.of(schema).withEncodingGuessFrom(Long.MAX_VALUE);
        QualityCheck guessed = QualityCheck.of(schema).withEncodingGuessFrom(0);
        String name = raw.getFileName().toString();
        QualityReport checked = whole.run(raw, OutputStream.nullOutputStream());
        assertEquals(CheckOutputs.json(checked), CheckOutputs.json(guessed.run(raw, OutputStream.nullOutputStream())),
                name + ": report");
        for (boolean fixing : new boolean[] {false, true}) {
            CheckOutputs.of(fixing ? guessed.withFixes() : guessed, raw).assertSameAs(
                    CheckOutputs.of(fixing ? whole.withFixes() : whole, raw),
                    name + (fixing ? ", fixed" : ", checked with its outputs"));
        }
        return checked;
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        return indexOf(bytes, new byte[0], wanted);
    }

    /** Where {@code wanted} is first found after {@code after}. */
    private static int indexOf(byte[] bytes, byte[] after, byte[] wanted) {
        int from = after.length == 0 ? 0 : indexOf(bytes, new byte[0], after) + after.length;
        outer:
        for (int i = from; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** {@code bytes} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }
}
