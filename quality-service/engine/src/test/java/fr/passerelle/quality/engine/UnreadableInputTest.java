package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever arrives, the engine answers with a report, never an exception. */
class UnreadableInputTest {

    @Test
    void anEmptyFileIsInvalid() {
        Checked checked = Checked.run(TestSchemas.equipements(), new byte[0]);

        QualityReport report = checked.report();
        assertEquals(Verdict.INVALID, report.verdict());
        assertEquals(Map.of("empty-file", 1L), report.errorsByCode());
        assertEquals(0, report.rowCount());
        assertEquals(0.0, report.validityPercent());
        assertEquals("", report.encoding());
        assertEquals("", report.delimiter());
        ValidationError error = checked.onlyError();
        assertEquals(0, error.rowNumber());
        assertEquals("Le fichier est vide.", error.message());
        assertTrue(error.hint().startsWith("Envoyez un fichier CSV"), error.hint());
        assertEquals("Le fichier n'a pas pu être contrôlé avec le schéma « Équipements publics ». Le fichier est vide.",
                report.summary());
        assertEquals(TestSchemas.EQUIPEMENTS_HEADER + "\n", checked.clean(), "the clean file still has its header");
    }

    @Test
    void aFileWithOnlyAByteOrderMarkIsEmpty() {
        Checked checked = Checked.run(TestSchemas.equipements(), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        assertEquals(ErrorCode.EMPTY_FILE, checked.onlyError().code());
    }

    @Test
    void aFileWithOnlyAHeaderIsEmpty() {
        Checked checked = Checked.run(TestSchemas.equipements(), TestSchemas.EQUIPEMENTS_HEADER + "\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.EMPTY_FILE, error.code());
        assertEquals("Le fichier ne contient que la ligne des noms de colonnes, sans aucune ligne de données.",
                error.message());
        assertEquals("UTF-8", checked.report().encoding());
    }

    @Test
    void aFileOfBlankLinesIsEmpty() {
        Checked checked = Checked.run(TestSchemas.equipements(), "\n\n  \n");

        assertEquals(Map.of("empty-file", 1L, "blank-row", 3L), checked.report().errorsByCode());
        assertEquals("Le fichier ne contient que des lignes vides.", checked.errors(ErrorCode.EMPTY_FILE).get(0).message());
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() {
        Checked checked = Checked.run(TestSchemas.equipements(), "\n" + TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Piscine,80,,,,\n");

        assertEquals(Map.of("blank-row", 1L), checked.report().errorsByCode());
        assertEquals(1, checked.onlyError().rowNumber());
        assertEquals(1, checked.report().rowCount());
        assertEquals(1, checked.report().validRowCount());
    }

    @Test
    void aTruncatedZipIsUnreadable() {
        // The start of an .xlsx file: a ZIP local header, full of NUL bytes, cut short.
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, (byte) 0xEE};

        Checked checked = Checked.run(TestSchemas.equipements(), xlsx);

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.UNREADABLE_FILE, error.code());
        assertEquals(Map.of("format-error", 1L), checked.report().errorsByCode());
        assertEquals("Le fichier est une archive ZIP (peut-être un classeur XLSX) endommagée ou incomplète : "
                + "enregistrez-le de nouveau en XLSX ou CSV, puis envoyez-le de nouveau.", error.message());
        assertEquals("Envoyez un fichier CSV : dans votre tableur, choisissez « Enregistrer sous » puis le type « CSV UTF-8 ».",
                error.hint());
        assertEquals(Verdict.INVALID, checked.report().verdict());
    }

    @Test
    void anUnknownBinaryFileIsUnreadable() {
        byte[] binary = {0x13, 0x37, 0x00, 0x01, 0x02, 0x00, 0x00, 0x7F, (byte) 0xFE, 0x00};

        Checked checked = Checked.run(TestSchemas.equipements(), binary);

        assertEquals("Le fichier n'est pas un fichier texte CSV : c'est peut-être un classeur Excel, un PDF ou une image.",
                checked.onlyError().message());
        assertEquals(Verdict.INVALID, checked.report().verdict());
    }

    @Test
    void aCellOverOneMegabyteStopsReadingWithAnError() {
        String huge = "x".repeat(1024 * 1024 + 1);
        String raw = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Piscine,80,,,,\nE-2," + huge + ",80,,,,\nE-3,Stade,80,,,,\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.SOURCE_ERROR, error.code());
        assertEquals(3, error.rowNumber());
        assertTrue(error.message().startsWith("La lecture du fichier s'est arrêtée à la ligne 3 : une cellule y dépasse "),
                error.message());
        assertEquals(1, checked.report().rowCount(), "rows before the faulty one are counted");
        assertTrue(checked.report().summary().endsWith(
                "La lecture s'est arrêtée à la ligne 3 : les lignes suivantes n'ont pas été contrôlées."),
                checked.report().summary());
    }

    @Test
    void aRowOverTenThousandCellsStopsReadingWithAnError() {
        String raw = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Piscine,80" + ",".repeat(10_000) + "\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals(ErrorCode.SOURCE_ERROR, checked.onlyError().code());
        assertEquals(2, checked.onlyError().rowNumber());
    }

    @Test
    void aQuoteNeverClosedSwallowsTheRestOfTheFileIntoOneCell() {
        // As in Python's csv module: the open quote runs to the end of the file. Beyond 1 MB it
        // would be a source-error (see above); here the one long row lacks its other cells.
        String raw = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,\"Piscine,80,,,,\nE-2,Stade,80,,,,\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals(1, checked.report().rowCount());
        assertEquals(Map.of("missing-cell", 5L), checked.report().errorsByCode());
        assertEquals(Verdict.INVALID, checked.report().verdict());
    }

    @Test
    void randomBytesNeverThrow() {
        byte[] alphabet = ("aZ09 ,;\t\"\r\n.-é" + TestSchemas.EQUIPEMENTS_HEADER).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20_240_331);
        for (int i = 0; i < 300; i++) {
            byte[] raw = new byte[random.nextInt(400)];
            for (int j = 0; j < raw.length; j++) {
                int pick = random.nextInt(alphabet.length + 3);
                raw[j] = pick < alphabet.length ? alphabet[pick] : (byte) random.nextInt(256);
            }

            QualityReport report = Checked.run(TestSchemas.equipements(), raw).report();

            assertEquals(report.errorCount() == 0, report.verdict() == Verdict.VALID);
            assertEquals(report.errorCount(), report.errorsByCode().values().stream().mapToLong(Long::longValue).sum());
            assertTrue(report.rowCount() >= report.validRowCount());
        }
    }
}
