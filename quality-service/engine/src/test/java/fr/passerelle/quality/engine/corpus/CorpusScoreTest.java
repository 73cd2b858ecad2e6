package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus run through the engine as the pipeline runs it (automatic fixes on, French locale), each clean file
 * compared with its truth cell by cell; the targets asserted on the whole corpus.
 */
class CorpusScoreTest {

    @Test
    void everyTruthIsValidAsItIs(@TempDir Path dir) throws IOException {
        SchemaCatalog catalog = SchemaCatalog.shipped();
        for (TruthGenerator generator : TruthGenerator.all()) {
            TableSchema schema = catalog.find(generator.schema()).orElseThrow();
            Truth truth = generator.generate(schema.fieldNames(), 40, 7, false, false);
            MessyTable table = new MessyTable(truth, java.util.Set.of(), java.util.Set.of());
            Path file = dir.resolve(schema.name() + ".csv");
            Files.write(file, table.write());
            QualityReport report = QualityCheck.of(schema).run(file, new ByteArrayOutputStream());
            assertEquals("VALID", report.verdict().name(), schema.name() + ": " + report.summary() + " " + report.samples());
        }
    }

    @Test
    void theCorpusIsLargeEnoughAndCoversSixSchemas() {
        List<CorpusFile> files = Corpus.full();
        assertTrue(files.size() >= 40, "files: " + files.size());
        assertEquals(6, files.stream().map(CorpusFile::schema).distinct().count());
        assertTrue(files.stream().anyMatch(CorpusFile::expectBlocked));
        assertEquals(files.stream().map(CorpusFile::name).distinct().count(), files.size(), "names are unique");
    }

    @Test
    void theFilesCarryTheirMesses() {
        java.util.Map<String, CorpusFile> files = new java.util.HashMap<>();
        Corpus.full().forEach(file -> files.put(file.name(), file));
        java.nio.charset.Charset windows = java.nio.charset.Charset.forName("windows-1252");

        String everything = new String(files.get("irve-statique/everything.csv").content(), windows);
        assertTrue(everything.startsWith("Export "), "a title row above the header");
        assertTrue(everything.contains("Adresse de la station;") && everything.contains("Nombre de points de charge;"));
        assertTrue(everything.contains("\r\nTotal;") && everything.contains("Source : service mobilité"));
        assertTrue(everything.contains("Notes internes") && everything.contains(";Oui;"));
        assertTrue(everything.matches("(?s).*;\\d{2}/\\d{2}/20\\d{2};.*"), "dates written dd/mm/yyyy");
        assertTrue(everything.matches("(?s).*;\\d{4};.*"), "INSEE codes without their leading zero");
        assertTrue(everything.matches("(?s).*;\\d{3} \\d{3} \\d{3};.*"), "SIREN written with spaces");
        assertTrue(new String(files.get("irve-statique/gis.csv").content(), windows).contains(";COORD_X;COORD_Y;"));
        assertTrue(new String(files.get("dae/emails.csv").content(), windows).contains("@ville-exemple.fr"));
        byte[] workbook = files.get("dae/workbook.xlsx").content();
        assertEquals('P', workbook[0]);
        assertEquals('K', workbook[1]);
        assertTrue(files.get("dae/everything.csv").expectBlocked() == false && files.get("dae/mobiles.xlsx").expectBlocked());
        // The same seed gives the same bytes: the corpus is a fixture, not a lottery.
        assertTrue(java.util.Arrays.equals(everything.getBytes(windows), Corpus.full().stream()
                .filter(file -> file.name().equals("irve-statique/everything.csv")).findFirst().orElseThrow().content()));
    }

    @Test
    void theEngineFitsTheCorpusToItsTruths(@TempDir Path dir) throws IOException {
        ScoreBoard board = score(Corpus.full(), dir);
        board.print(System.out);

        assertEquals(board.scores().size(), board.readFiles(), "every file read");
        assertEquals(board.personalDataFiles(), board.blockedAsExpected(), "personal data always BLOCKED");
        assertEquals(0, board.brokenCells(), "no cell that was right in the file was changed");
        assertTrue(board.rightPercent() >= 98.0, "cells right: " + board.rightPercent() + " %");
    }

    static ScoreBoard score(List<CorpusFile> files, Path dir) throws IOException {
        SchemaCatalog catalog = SchemaCatalog.shipped();
        ScoreBoard board = new ScoreBoard("Corpus, moteur seul (QualityCheck.withFixes)");
        for (CorpusFile file : files) {
            TableSchema schema = catalog.find(file.schema()).orElseThrow();
            Path raw = dir.resolve(file.name().replace('/', '-'));
            Files.write(raw, file.content());
            ByteArrayOutputStream clean = new ByteArrayOutputStream();
            QualityReport report = QualityCheck.of(schema).withFixes().run(raw, clean);
            String verdict = report.verdict().name();
            boolean read = report.rowCount() > 0 && !report.errorsByCode().containsKey("format-error")
                    && !report.errorsByCode().containsKey("source-error");
            CellScorer scorer = new CellScorer(schema);
            // Blocked for the agents' column, not for something else the truth would hold.
            boolean agentsFound = report.personalData().stream().anyMatch(finding -> AgentContacts.COLUMNS.contains(finding.column()));
            String blockedVerdict = agentsFound ? verdict : verdict + " (sans la colonne des agents)";
            FileScore score = file.expectBlocked()
                    ? scorer.unpublished(file, blockedVerdict, read, "BLOCKED".equals(blockedVerdict) ? "" : "données personnelles non bloquées")
                    : scorer.published(file, verdict, read, clean.toString(StandardCharsets.UTF_8));
            if (!"VALID".equals(verdict) && !file.expectBlocked()) {
                score = new FileScore(score.file(), score.verdict(), score.read(), score.cells(), score.right(),
                        score.broken(), score.wrong(), "verdict " + verdict + " : " + report.errorsByCode() + " " + report.samples().stream().limit(3).map(e -> e.field() + "=" + e.value() + " " + e.message()).toList());
            }
            board.add(score);
        }
        return board;
    }
}
