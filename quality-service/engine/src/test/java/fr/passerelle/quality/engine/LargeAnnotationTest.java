package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.cli.ValidateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large file full of errors, annotated in a separate JVM with a small heap: the error list, the workbook and the
 * validation must all stream.
 */
class LargeAnnotationTest {

    private static final int ROWS = 200_000;
    /** Far below what the rows, their findings or the workbook would take if they were kept. */
    private static final String HEAP = "-Xmx96m";

    @Test
    void annotatesTwoHundredThousandBadRowsWithinASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("equipements.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TestSchemas.EQUIPEMENTS_HEADER + "\n");
            for (int i = 0; i < ROWS; i++) {
                // One error per row: a capacity in words.
                out.write("E-" + i + ",Salle polyvalente " + i + ",beaucoup,2024-03-01,true,12.5,s" + i + "@ville.fr\n");
            }
        }
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"name": "equipements", "fields": [
                  {"name": "id"}, {"name": "nom"}, {"name": "capacite", "type": "integer"}, {"name": "ouverture", "type": "date"},
                  {"name": "gratuit", "type": "boolean"}, {"name": "tarif", "type": "number"}, {"name": "contact"}]}
                """);
        Path annotated = dir.resolve("annoté.xlsx");
        Path errors = dir.resolve("erreurs.csv");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), ValidateCommand.class.getName(), "validate", file.toString(),
                "--schema", schema.toString(), "--annote", annotated.toString(), "--erreurs", errors.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), "still running after 20 minutes");

        assertEquals(ValidateCommand.INVALID, process.exitValue(), () -> read(stderr));
        assertTrue(read(stdout).contains("200\u202f000 erreurs sur 200\u202f000 lignes"), () -> read(stdout));
        assertEquals(ROWS + 1, lineCount(errors), "the header and every finding");

        Map<String, Long> rowsBySheet = rowsBySheet(annotated);
        assertEquals(ROWS + 1, rowsBySheet.get("xl/worksheets/sheet1.xml"), "the header and every row");
        assertEquals(ROWS + 1, rowsBySheet.get("xl/worksheets/sheet2.xml"), "the header and every finding");
    }

    private static long lineCount(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.lines().count();
        }
    }

    /** Rows of each worksheet, counted by streaming through the zip: the sheets are too big to load in a test. */
    private static Map<String, Long> rowsBySheet(Path xlsx) throws IOException {
        Map<String, Long> rows = new HashMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    try (InputStream sheet = zip.getInputStream(entry)) {
                        rows.put(entry.getName(), count(sheet, "<row "));
                    }
                }
            }
        }
        return rows;
    }

    private static long count(InputStream in, String needle) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long count = 0;
        int matched = 0;
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            matched = c == needle.charAt(matched) ? matched + 1 : (c == needle.charAt(0) ? 1 : 0);
            if (matched == needle.length()) {
                count++;
                matched = 0;
            }
        }
        return count;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

}
