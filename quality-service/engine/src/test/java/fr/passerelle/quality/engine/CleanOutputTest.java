package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.QualityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CleanOutputTest {

    @Test
    void writesUtf8CommaLfInSchemaOrderTrimmedWithoutBlankRowsOrUnknownColumns() {
        String raw = "nom ; id;capacite;remarque;ouverture;gratuit;tarif;contact\r\n"
                + "  Salle \"Jean Moulin\" ;E-1; 80 ;à voir;2024-03-31;true;3.5;salle@ville.fr\r\n"
                + "\r\n"
                + "\"Stade; tribune nord\";E-2;abc;;;;;\r\n"
                + "\"Gymnase\r\nannexe\";E-3;12;;;;;\r\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals("id,nom,capacite,ouverture,gratuit,tarif,contact\n"
                + "E-1,\"Salle \"\"Jean Moulin\"\"\",80,2024-03-31,true,3.5,salle@ville.fr\n"
                + "E-2,Stade; tribune nord,abc,,,,\n"
                + "E-3,\"Gymnase\r\nannexe\",12,,,,\n", checked.clean());
    }

    @Test
    void flushesButDoesNotCloseTheCallersStream(@TempDir Path dir) throws IOException {
        Path raw = Files.writeString(dir.resolve("raw.csv"), TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Piscine,80,,,,\n");
        class TrackingStream extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        TrackingStream out = new TrackingStream();

        QualityReport report = QualityCheck.of(TestSchemas.equipements()).run(raw, out);

        assertFalse(out.closed);
        assertEquals(1, report.rowCount());
        assertEquals(TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Piscine,80,,,,\n", out.toString(StandardCharsets.UTF_8));
    }
}
