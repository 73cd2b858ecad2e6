package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.corpus.Corpus;
import fr.passerelle.quality.engine.corpus.CorpusFile;
import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PersonalDataKind;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cells checked on several threads ({@link Parallelism}), and the file read ahead on a thread of its own, give the
 * same reports, full error lists, annotated files and clean files, byte for byte, as on one thread: on the corpus, on
 * every national example, and on a large generated file with every kind of finding, personal data appearing only
 * after row 100 000.
 */
class ParallelIdentityTest {

    /** Small batches, so that even a 20-row file crosses batch boundaries and keeps several batches in flight. */
    private static final Parallelism SMALL_BATCHES = new Parallelism(3, 0, 7);
    /** The read-ahead alone, on every file: what two cores get. */
    private static final Parallelism READ_AHEAD_ONLY = new Parallelism(1, 0, Parallelism.DEFAULT_BATCH_ROWS, true);

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> theCorpusGivesTheSameOutputsOnSeveralThreads() {
        return Corpus.full().stream().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            Path raw = work.resolve(file.name().replace('/', '-'));
            Files.write(raw, file.content());
            TableSchema schema = ShippedSchemas.schema(file.schema());
            assertSameOutputs(schema, raw, SMALL_BATCHES);
            assertSameOutputs(schema, raw, READ_AHEAD_ONLY);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNationalExampleGivesTheSameOutputsOnSeveralThreads() throws IOException {
        List<Path> examples = ShippedSchemas.nationalExamples();
        assertTrue(examples.size() >= 4, () -> "examples found: " + examples);
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                ShippedSchemas.schemasDir().relativize(example).toString(), () -> {
                    String schemaName = example.getParent().getParent().getFileName().toString();
                    assertSameOutputs(ShippedSchemas.schema(schemaName), example, SMALL_BATCHES);
                    assertSameOutputs(ShippedSchemas.schema(schemaName), example, READ_AHEAD_ONLY);
                }));
    }

    @Test
    void aLargeFileWithEveryKindOfFindingGivesTheSameOutputsOnSeveralThreads() throws IOException {
        Path raw = work.resolve("grand.csv");
        writeLargeFile(raw, 120_000);
        TableSchema schema = TestSchemas.parse(LARGE_SCHEMA);

        // The default batches, and the file over the default threshold: the path a real large file takes.
        assertTrue(Files.size(raw) >= Parallelism.DEFAULT_MIN_BYTES, () -> "size " + raw.toFile().length());
        QualityReport report = assertSameOutputs(schema, raw, new Parallelism(4, Parallelism.DEFAULT_MIN_BYTES));
        assertSameOutputs(schema, raw, new Parallelism(1, Parallelism.DEFAULT_MIN_BYTES, Parallelism.DEFAULT_BATCH_ROWS,
                true));

        // Not vacuous: each kind of finding the ordered part handles is there.
        assertEquals(Verdict.BLOCKED, report.verdict());
        for (ErrorCode code : List.of(ErrorCode.TYPE_ERROR, ErrorCode.CONSTRAINT_ERROR, ErrorCode.UNIQUE_ERROR,
                ErrorCode.DUPLICATE_ROW, ErrorCode.BLANK_ROW, ErrorCode.MISSING_CELL, ErrorCode.EXTRA_CELL)) {
            assertTrue(report.errorsByCode().getOrDefault(code.code(), 0L) > 0, () -> code + " in " + report.errorsByCode());
        }
        List<PersonalDataKind> kinds = report.personalData().stream().map(PersonalDataFinding::kind).toList();
        assertTrue(kinds.contains(PersonalDataKind.PHONE) && kinds.contains(PersonalDataKind.EMAIL), kinds::toString);
    }

    @Test
    void smallFilesStayOnOneThread() {
        Parallelism four = new Parallelism(4, 1_000);
        assertEquals(1, four.threadsFor(999));
        assertEquals(4, four.threadsFor(1_000));
        assertEquals(1, Parallelism.single().threadsFor(Long.MAX_VALUE));
        assertEquals(Parallelism.DEFAULT_MIN_BYTES, Parallelism.of(2).minBytes());
        assertTrue(four.readsAheadFor(1_000));
        assertFalse(four.readsAheadFor(999));
        assertFalse(Parallelism.single().readsAheadFor(Long.MAX_VALUE));
        assertFalse(Parallelism.of(1).readsAheadFor(Long.MAX_VALUE), "one thread: all on the calling thread");
        assertTrue(Parallelism.of(2).readsAheadFor(Parallelism.DEFAULT_MIN_BYTES));
        assertThrows(IllegalArgumentException.class, () -> new Parallelism(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Parallelism(2, 0, 0));
    }

    /** Runs validating and fixing, on one thread and on {@code parallel}; asserts every output identical. */
    private static QualityReport assertSameOutputs(TableSchema schema, Path raw, Parallelism parallel)
            throws IOException {
        QualityReport validated = null;
        for (boolean fixing : new boolean[] {false, true}) {
            QualityCheck check = fixing ? QualityCheck.of(schema).withFixes() : QualityCheck.of(schema);
            CheckOutputs single = CheckOutputs.of(check.withParallelism(Parallelism.single()), raw);
            CheckOutputs.of(check.withParallelism(parallel), raw).assertSameAs(single,
                    raw.getFileName() + (fixing ? ", fixed" : ", validated"));
            if (!fixing) {
                validated = single.parsed();
            }
        }
        return validated;
    }

    private static final String LARGE_SCHEMA = """
            {
              "name": "grand",
              "title": "Grand fichier",
              "fields": [
                {"name": "code", "type": "string", "constraints": {"required": true, "unique": true,
                  "pattern": "^[A-Z]{3}[0-9]{6}$"}},
                {"name": "nom", "type": "string"},
                {"name": "mise_en_service", "type": "date"},
                {"name": "puissance", "type": "number", "constraints": {"minimum": 0}},
                {"name": "points", "type": "integer", "constraints": {"required": true}},
                {"name": "acces", "type": "string", "constraints": {"enum": ["Public", "Privé"]}},
                {"name": "gratuit", "type": "boolean"},
                {"name": "contact", "type": "string"},
                {"name": "observations", "type": "string"}
              ]
            }
            """;

    /**
     * {@code rows} data rows with, at fixed intervals, a wrong date, a negative power, a value off the list, a
     * repeated code, a repeated row, blank rows, short and long rows, and from row 100 000 on, mobile numbers and
     * personal e-mail addresses in the contact column.
     */
    private static void writeLargeFile(Path file, int rows) throws IOException {
        List<String> written = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,nom,mise_en_service,puissance,points,acces,gratuit,contact,observations\n");
            for (int i = 1; i <= rows; i++) {
                String line;
                if (i % 1009 == 0) {
                    line = written.get((i * 7) % written.size());
                } else {
                    String code = String.format(Locale.ROOT, "ABC%06d", i % 997 == 0 ? i - 5 : i);
                    String date = i % 37 == 0 ? "31/02/2021" : String.format(Locale.ROOT, "20%02d-%02d-%02d",
                            10 + i % 14, 1 + i % 12, 1 + i % 28);
                    String power = i % 53 == 0 ? "-3" : (i % 3) + "2." + (i % 10);
                    String access = i % 101 == 0 ? "public " : i % 2 == 0 ? "Public" : "Privé";
                    String contact = i > 100_000 && i % 211 == 0 ? "06 " + String.format(Locale.ROOT, "%02d 45 67 89", i % 100)
                            : i > 100_000 && i % 223 == 0 ? "jean.dupont" + i + "@gmail.com"
                            : "accueil@mairie-" + (i % 50) + ".fr";
                    String remark = i % 19 == 0 ? "\"Borne, côté \"\"gare\"\"\"" : "";
                    line = String.join(",", code, "Station n°" + i, date, power, Integer.toString(1 + i % 6),
                            access, i % 2 == 0 ? "true" : "false", contact, remark);
                    if (i % 7919 == 0) {
                        line = line.substring(0, line.lastIndexOf(','));
                    } else if (i % 7907 == 0) {
                        line = line + ",en trop";
                    }
                }
                written.add(line);
                out.write(line);
                out.write('\n');
                if (i % 5003 == 0) {
                    out.write(i % 2 == 0 ? "\n" : ",,,,,,,,\n");
                }
            }
            // Blank rows ending the table are not reported: they must stay unreported across threads too.
            out.write("\n,,,,,,,,\n");
        }
    }
}
