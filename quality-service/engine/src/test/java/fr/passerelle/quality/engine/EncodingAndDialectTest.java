package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodingAndDialectTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void readsAWindows1252SemicolonFileAndWritesUtf8() {
        String raw = """
                id;nom;capacite;ouverture;gratuit;tarif;contact\r
                H-1;Hôtel de Ville;120;2019-05-02;true;2.5;accueil@mairie.fr\r
                M-2;Médiathèque Pénélope;45;;false;10;\r
                S-3;Salle des fêtes (caution 150 €);300;;;;\r
                """;

        Checked checked = Checked.run(TestSchemas.equipements(), raw, WINDOWS_1252);

        QualityReport report = checked.report();
        assertEquals("windows-1252", report.encoding());
        assertEquals(";", report.delimiter());
        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        assertEquals(3, report.rowCount());
        assertEquals(List.of(
                TestSchemas.EQUIPEMENTS_HEADER,
                "H-1,Hôtel de Ville,120,2019-05-02,true,2.5,accueil@mairie.fr",
                "M-2,Médiathèque Pénélope,45,,false,10,",
                "S-3,Salle des fêtes (caution 150 €),300,,,,"), checked.cleanLines());
    }

    @Test
    void findsAWindows1252AccentFarDownAnOtherwiseAsciiFile() {
        StringBuilder raw = new StringBuilder(TestSchemas.EQUIPEMENTS_HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            raw.append("E-").append(i).append(",Equipement numero ").append(i).append(",10,,,,\n");
        }
        raw.append("E-last,Théâtre,10,,,,\n");
        assertTrue(raw.length() > 100_000, "the accent must sit beyond the first chunks read");

        Checked checked = Checked.run(TestSchemas.equipements(), raw.toString(), WINDOWS_1252);

        assertEquals("windows-1252", checked.report().encoding());
        assertEquals(5_001, checked.report().rowCount());
        assertTrue(checked.clean().endsWith("E-last,Théâtre,10,,,,\n"));
    }

    @Test
    void stripsTheUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Gymnase Émile Zola,200,,,,\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(bom);
        raw.writeBytes(text);

        Checked checked = Checked.run(TestSchemas.equipements(), raw.toByteArray());

        // With the mark left in, the first label would read "\uFEFFid" and be an unknown column.
        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals("UTF-8", checked.report().encoding());
        assertFalse(checked.clean().startsWith("\uFEFF"));
        assertEquals(List.of(TestSchemas.EQUIPEMENTS_HEADER, "E-1,Gymnase Émile Zola,200,,,,"), checked.cleanLines());
    }

    @Test
    void readsUtf8WithoutMark() {
        Checked checked = Checked.run(TestSchemas.equipements(),
                TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Crèche « Les Çà et là »,20,,,,\n");

        assertEquals("UTF-8", checked.report().encoding());
        assertEquals("E-1,Crèche « Les Çà et là »,20,,,,", checked.cleanLines().get(1));
    }

    @Test
    void readsUtf16WithMarkAsExcelUnicodeTextExportsIt() {
        String raw = "\uFEFF" + TestSchemas.EQUIPEMENTS_HEADER.replace(',', '\t') + "\r\nE-1\tPiscine\t80\t\t\t\t\r\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw, StandardCharsets.UTF_16LE);

        assertEquals("UTF-16LE", checked.report().encoding());
        assertEquals("\t", checked.report().delimiter());
        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1));
    }

    @Test
    void reportsBytesThatNoEncodingCanRead() {
        // Invalid UTF-8, and 0x81 is one of the five bytes Windows-1252 leaves undefined.
        byte[] raw = (TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle X,10,,,,\n").replace('X', '\u0081')
                .getBytes(StandardCharsets.ISO_8859_1);

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals("windows-1252", checked.report().encoding());
        assertEquals(Verdict.INVALID, checked.report().verdict());
        assertEquals(1, checked.errors(ErrorCode.ENCODING_ERROR).size());
        assertEquals(0, checked.errors(ErrorCode.ENCODING_ERROR).get(0).rowNumber());
        assertEquals(1, checked.report().validRowCount(), "the row itself is fine");
    }

    @Test
    void trustsAByteOrderMarkAndReportsTheBadBytesAfterIt() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        raw.writeBytes((TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle ").getBytes(StandardCharsets.UTF_8));
        raw.writeBytes("Théâtre".getBytes(WINDOWS_1252));
        raw.writeBytes(",10,,,,\n".getBytes(StandardCharsets.UTF_8));

        Checked checked = Checked.run(TestSchemas.equipements(), raw.toByteArray());

        assertEquals("UTF-8", checked.report().encoding());
        assertEquals(List.of(ErrorCode.ENCODING_ERROR),
                checked.report().samples().stream().map(error -> error.code()).toList());
        // é and â each become U+FFFD, the replacement character.
        assertEquals("E-1,Salle Th\uFFFD\uFFFDtre,10,,,,", checked.cleanLines().get(1));
    }

    @Test
    void readsTabSeparatedFiles() {
        Checked checked = Checked.run(TestSchemas.equipements(),
                TestSchemas.EQUIPEMENTS_HEADER.replace(',', '\t') + "\nE-1\tStade, tribune nord\t500\t\t\t\t\n");

        assertEquals("\t", checked.report().delimiter());
        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals("E-1,\"Stade, tribune nord\",500,,,,", checked.cleanLines().get(1));
    }

    @Test
    void sniffsTheDelimiterWithQuotesRespected() {
        // Four commas, all inside one quoted label: counted naively, the comma would win.
        String raw = "\"a,b,c,d,e\";id;nom\n1;2;3\n";

        Checked checked = Checked.run(TestSchemas.parse("{\"fields\": [{\"name\": \"a,b,c,d,e\"}, {\"name\": \"id\"},"
                + " {\"name\": \"nom\"}]}"), raw);

        assertEquals(";", checked.report().delimiter());
        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
    }

    @Test
    void fallsBackToCommaForASingleColumnFile() {
        Checked checked = Checked.run(TestSchemas.parse("{\"fields\": [{\"name\": \"nom\"}]}"), "nom\nAnnecy\nÉvian\n");

        assertEquals(",", checked.report().delimiter());
        assertEquals(2, checked.report().rowCount());
        assertEquals(Verdict.VALID, checked.report().verdict());
    }
}
