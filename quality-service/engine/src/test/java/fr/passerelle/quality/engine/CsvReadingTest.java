package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading CSV as staff send it: any of the usual encodings, delimiters, line endings, a title above the header. */
class CsvReadingTest {

    @ParameterizedTest
    @CsvSource({
            "UTF-8, false, UTF-8",
            "UTF-8, true, UTF-8",
            "windows-1252, false, windows-1252",
            "ISO-8859-15, false, ISO-8859-15",
            "UTF-16LE, true, UTF-16LE",
            "UTF-16BE, true, UTF-16BE",
    })
    void readsEachEncodingAndWritesUtf8(String charsetName, boolean bom, String detected) {
        Charset charset = Charset.forName(charsetName);
        String comment = charsetName.equals("ISO-8859-15") ? "Près de l'église, côté cœur : tarif 0 €" : Bicycles.COMMENT;
        Map<String, String> rack = Bicycles.rack("STSI01", 8);
        rack.put("commentaires", comment);
        rack.put("gestionnaire", "Mairie d'Éçà");
        String text = (bom ? "\uFEFF" : "") + Bicycles.csv(';', "\r\n", rack);

        Checked checked = Bicycles.run(text.getBytes(charset));

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(detected, checked.report().encoding());
        assertTrue(checked.clean().contains(comment), checked::clean);
        assertTrue(checked.clean().contains("Mairie d'Éçà"), checked::clean);
        assertTrue(checked.clean().startsWith("id_local,"), "no byte-order mark in the clean output");
    }

    @Test
    void readsLatin1AsWindows1252WithTheSameAccents() {
        Map<String, String> rack = Bicycles.rack("STSI01", 8);
        rack.put("commentaires", "À côté de la mairie, près de l'église");
        byte[] latin1 = Bicycles.csv(',', "\n", rack).getBytes(StandardCharsets.ISO_8859_1);

        Checked checked = Bicycles.run(latin1);

        assertEquals("windows-1252", checked.report().encoding());
        assertTrue(checked.clean().contains("À côté de la mairie, près de l'église"), checked::clean);
    }

    @Test
    void tellsTheEuroSignOfIso885915FromWindows1252() {
        Map<String, String> rack = Bicycles.rack("STSI01", 8);
        rack.put("commentaires", "tarif 2 €");
        String csv = Bicycles.csv(',', "\n", rack);
        byte[] iso = csv.getBytes(Charset.forName("ISO-8859-15"));
        byte[] windows = csv.getBytes(Charset.forName("windows-1252"));
        assertTrue(indexOf(iso, (byte) 0xA4) >= 0 && indexOf(windows, (byte) 0x80) >= 0, "the two euro bytes");

        Checked fromIso = Bicycles.run(iso);
        Checked fromWindows = Bicycles.run(windows);

        assertEquals("ISO-8859-15", fromIso.report().encoding());
        assertEquals("windows-1252", fromWindows.report().encoding());
        assertTrue(fromIso.clean().contains("tarif 2 €"), fromIso::clean);
        assertTrue(fromWindows.clean().contains("tarif 2 €"), fromWindows::clean);
    }

    @Test
    void aWindows1252FileWithCurlyQuotesStaysWindows1252EvenWithAnIsoLookalikeByte() {
        // 0x92 (’) only exists in windows-1252: the ½ (0xBD) beside it is then read as ½, not œ.
        Map<String, String> rack = Bicycles.rack("STSI01", 8);
        rack.put("commentaires", "l’arceau fait 1½ m");
        byte[] windows = Bicycles.csv(',', "\n", rack).getBytes(Charset.forName("windows-1252"));

        Checked checked = Bicycles.run(windows);

        assertEquals("windows-1252", checked.report().encoding());
        assertTrue(checked.clean().contains("l’arceau fait 1½ m"), checked::clean);
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void readsEachDelimiter(char delimiter) {
        String csv = Bicycles.csv(delimiter, "\n", Bicycles.rack("STSI01", 8), Bicycles.rack("STSI02", 4));

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(String.valueOf(delimiter), checked.report().delimiter());
        assertEquals(2, checked.report().rowCount());
        assertTrue(checked.cleanLines().get(2).startsWith("STSI02,,,\"[5.7145295,45.191463]\",4,"), checked::clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void readsEachLineEnding(String lineEnd) {
        String csv = Bicycles.csv(';', lineEnd, Bicycles.rack("STSI01", 8), Bicycles.rack("STSI02", 4));

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(2, checked.report().rowCount());
        assertEquals(3, checked.cleanLines().size());
    }

    @Test
    void findsTheHeaderUnderATitleAndAnEmptyLine() {
        Map<String, String> wrong = Bicycles.rack("STSI02", 4);
        wrong.put("capacite", "quatre");
        String csv = "Liste des arceaux vélo — mise à jour 2024;;;\n;;;\n"
                + Bicycles.csv(';', "\n", Bicycles.rack("STSI01", 8), wrong);

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(";", checked.report().delimiter());
        assertEquals(Map.of("type-error", 1L), checked.report().errorsByCode(), checked.report()::toString);
        ValidationError error = checked.onlyError();
        assertEquals(5, error.rowNumber(), "rows keep their number in the file: title 1, empty 2, header 3");
        assertEquals("capacite", error.field());
        assertTrue(checked.report().summary().contains("Les noms de colonnes ont été lus à la ligne 3"),
                checked.report()::summary);
        assertEquals(2, checked.report().rowCount());
    }

    @Test
    void aTitleWithCommasDoesNotFoolTheDelimiter() {
        String csv = "Arceaux, racks et consignes, commune de Grenoble, 2024\n\n"
                + Bicycles.csv(';', "\n", Bicycles.rack("STSI01", 8));

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(";", checked.report().delimiter());
        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
    }

    @Test
    void findsAHeaderNamingNoSchemaFieldUnderATitle() {
        String csv = "Inventaire 2024\n\nnum,lieu,nombre\n1,Gare,8\n2,Mairie,4\n";

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("num", "lieu", "nombre"),
                checked.warnings(ErrorCode.EXTRA_LABEL).stream().map(ValidationError::field).toList());
        assertEquals(3, checked.warnings(ErrorCode.EXTRA_LABEL).get(0).rowNumber());
        assertEquals(2, checked.report().rowCount());
    }

    @Test
    void aValueEqualToAFieldNameDoesNotMakeAHeader() {
        String csv = "num,lieu\n1,source\n";

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("num", "lieu"),
                checked.warnings(ErrorCode.EXTRA_LABEL).stream().map(ValidationError::field).toList());
        assertEquals(1, checked.report().rowCount());
    }

    @Test
    void aHeaderWithBlankLabelsStaysTheHeader() {
        String csv = "num,,nombre\n1,Gare,8\n";

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(1, checked.errors(ErrorCode.BLANK_LABEL).get(0).rowNumber());
        assertEquals(1, checked.report().rowCount());
    }

    @Test
    void ignoresTrailingEmptyColumnsAndRows() {
        StringBuilder csv = new StringBuilder();
        for (String line : Bicycles.csv(';', "\n", Bicycles.rack("STSI01", 8), Bicycles.rack("STSI02", 4)).split("\n")) {
            csv.append(line).append(";;;\n");
        }
        csv.append(";;;;;;;;;;;;;;;;;;;;;;;;\n\n;;\n");

        Checked checked = Bicycles.run(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(2, checked.report().rowCount());
    }

    @Test
    void stillReportsABlankRowInsideTheTable() {
        String csv = Bicycles.csv(',', "\n", Bicycles.rack("STSI01", 8)) + "\n"
                + Bicycles.csvLine(List.copyOf(Bicycles.rack("STSI02", 4).values()), ',') + "\n";

        Checked checked = Bicycles.run(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(3L), checked.errors(ErrorCode.BLANK_ROW).stream().map(ValidationError::rowNumber).toList());
    }

    @Test
    void aHeaderInTheFirstRowIsStillTheHeader() {
        byte[] csv = Bicycles.csv(',', "\n", Bicycles.rack("STSI01", 8)).getBytes(StandardCharsets.UTF_8);

        Checked checked = Bicycles.run(csv);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertTrue(!checked.report().summary().contains("noms de colonnes ont été lus"), checked.report()::summary);
        assertEquals(String.join(",", Bicycles.header()), checked.cleanLines().get(0));
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
