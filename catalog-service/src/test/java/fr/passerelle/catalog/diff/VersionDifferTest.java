package fr.passerelle.catalog.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.diff.VersionDiff.CellChange;
import fr.passerelle.catalog.diff.VersionDiff.Comparison;
import fr.passerelle.catalog.diff.VersionDiffer.Side;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionDifferTest {

    private final VersionDiffer differ = new VersionDiffer();

    private static Side side(int version, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return new Side(version, 0, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void countsAddedRemovedChangedAndUnchangedRowsByTheFirstColumn() {
        VersionDiff diff = differ.compare(
                side(1, "id_local,capacite,acces\nA1,8,LIBRE\nA2,4,LIBRE\nA3,6,PRIVE\nA4,2,LIBRE\n"),
                side(2, "id_local,capacite,acces\nA1,8,LIBRE\nA2,10,CLIENTELE\nA4,2,LIBRE\nA5,3,LIBRE\n"));

        assertEquals(Comparison.KEY, diff.comparison());
        assertEquals("id_local", diff.keyColumn());
        assertEquals(2, diff.version());
        assertEquals(1, diff.comparedWith());
        assertEquals(4, diff.rowsBefore());
        assertEquals(4, diff.rowsAfter());
        assertEquals(1, diff.added());
        assertEquals(1, diff.removed());
        assertEquals(1L, diff.changed());
        assertEquals(2, diff.unchanged());
        assertEquals(List.of(Map.of("id_local", "A5", "capacite", "3", "acces", "LIBRE")), diff.samples().added());
        assertEquals(List.of(Map.of("id_local", "A3", "capacite", "6", "acces", "PRIVE")), diff.samples().removed());
        assertEquals(1, diff.samples().changed().size());
        assertEquals("A2", diff.samples().changed().get(0).key());
        assertEquals(List.of(new CellChange("capacite", "4", "10"), new CellChange("acces", "LIBRE", "CLIENTELE")),
                diff.samples().changed().get(0).changes());
        assertTrue(diff.notes().isEmpty(), diff.notes().toString());
    }

    @Test
    void rowOrderDoesNotMatterAndIdenticalVersionsHaveNoSamples() {
        AtomicInteger opens = new AtomicInteger();
        byte[] newer = "id,v\nb,2\na,1\n".getBytes(StandardCharsets.UTF_8);
        VersionDiff diff = differ.compare(side(1, "id,v\na,1\nb,2\n"),
                new Side(2, 2, () -> {
                    opens.incrementAndGet();
                    return new ByteArrayInputStream(newer);
                }));
        assertEquals(0, diff.added());
        assertEquals(0, diff.removed());
        assertEquals(0L, diff.changed());
        assertEquals(2, diff.unchanged());
        assertTrue(diff.samples().added().isEmpty() && diff.samples().changed().isEmpty());
        assertEquals(2, opens.get(), "header and hashing only: no second pass when there is nothing to show");
    }

    @Test
    void duplicateKeysFallBackToWholeRowsWithAFrenchNote() {
        VersionDiff diff = differ.compare(
                side(3, "id,v\na,1\nb,2\nc,3\n"),
                side(4, "id,v\na,1\na,9\nc,4\n"));
        assertEquals(Comparison.WHOLE_ROW, diff.comparison());
        assertNull(diff.keyColumn());
        assertNull(diff.changed(), "rows compared whole cannot be 'changed'");
        assertNull(diff.samples().changed());
        assertEquals(1, diff.unchanged(), "a,1");
        assertEquals(2, diff.added(), "a,9 and c,4");
        assertEquals(2, diff.removed(), "b,2 and c,3");
        assertEquals(List.of(Map.of("id", "a", "v", "9"), Map.of("id", "c", "v", "4")), diff.samples().added());
        assertEquals(1, diff.notes().size());
        String note = diff.notes().get(0);
        assertTrue(note.contains("« id »") && note.contains("valeurs en double dans la version 4")
                && !note.contains("version 3"), note);
    }

    @Test
    void emptyKeysFallBackToWholeRows() {
        VersionDiff diff = differ.compare(side(1, "id,v\n,1\nb,2\n"), side(2, "id,v\n,1\nb,3\n"));
        assertEquals(Comparison.WHOLE_ROW, diff.comparison());
        assertTrue(diff.notes().get(0).contains("valeurs vides dans la version 1"), diff.notes().get(0));
        assertEquals(1, diff.added());
        assertEquals(1, diff.removed());
        assertEquals(1, diff.unchanged());
    }

    @Test
    void wholeRowsAreComparedAsMultisets() {
        VersionDiff diff = differ.compare(side(1, "id,v\n,1\n,1\n,2\n"), side(2, "id,v\n,1\n,2\n,2\n"));
        assertEquals(2, diff.unchanged());
        assertEquals(1, diff.added(), "the second ',2'");
        assertEquals(1, diff.removed(), "the second ',1'");
    }

    @Test
    void aChangedHeaderComparesTheCommonColumnsAndSaysSo() {
        VersionDiff diff = differ.compare(
                side(1, "id,nom,ancien\na,Alpha,x\nb,Beta,y\n"),
                side(2, "id,nouveau,nom\na,1,Alpha\nb,2,Bêta\nc,3,Gamma\n"));
        assertEquals(Comparison.KEY, diff.comparison());
        assertEquals(List.of("id", "nom"), diff.columns().compared());
        assertEquals(List.of("nouveau"), diff.columns().added());
        assertEquals(List.of("ancien"), diff.columns().removed());
        assertEquals(1, diff.unchanged(), "a differs only in columns that are not in both versions");
        assertEquals(1L, diff.changed());
        assertEquals(List.of(new CellChange("nom", "Beta", "Bêta")), diff.samples().changed().get(0).changes());
        assertEquals(List.of(Map.of("id", "c", "nouveau", "3", "nom", "Gamma")), diff.samples().added(),
                "an added row shows all of its version's columns");
        String note = diff.notes().get(0);
        assertTrue(note.contains("ajoutées : nouveau") && note.contains("retirées : ancien")
                && note.contains("2 colonnes communes"), note);
    }

    @Test
    void anotherFirstColumnMeansWholeRows() {
        VersionDiff diff = differ.compare(side(1, "id,v\na,1\n"), side(2, "v,id\n1,a\n2,b\n"));
        assertEquals(Comparison.WHOLE_ROW, diff.comparison());
        assertEquals(1, diff.unchanged(), "same cells, columns matched by name");
        assertEquals(1, diff.added());
        assertTrue(diff.notes().get(0).contains("« id » puis « v »"), diff.notes().get(0));
    }

    @Test
    void noCommonColumnMeansEverythingWasReplaced() {
        VersionDiff diff = differ.compare(side(1, "a\nx\ny\n"), side(2, "b\nx\n"));
        assertEquals(0, diff.unchanged());
        assertEquals(1, diff.added());
        assertEquals(2, diff.removed());
        assertEquals(List.of(Map.of("a", "x"), Map.of("a", "y")), diff.samples().removed());
        assertTrue(diff.notes().get(0).startsWith("Aucune colonne n'est commune"), diff.notes().toString());
    }

    @Test
    void samplesAreCappedAndTakenInFileOrder() {
        StringBuilder newer = new StringBuilder("id,v\n");
        for (int i = 0; i < 25; i++) {
            newer.append("n").append(i).append(",").append(i).append('\n');
        }
        VersionDiff diff = new VersionDiffer(1_000, 10).compare(side(1, "id,v\n"), side(2, newer.toString()));
        assertEquals(25, diff.added());
        assertEquals(10, diff.samples().added().size());
        assertEquals("n0", diff.samples().added().get(0).get("id"));
        assertEquals("n9", diff.samples().added().get(9).get("id"));
    }

    @Test
    void quotedMultilineCellsAndShortRowsAreRead() {
        VersionDiff diff = differ.compare(
                side(1, "id,coord,note\nA,\"[5.7,\n45.1]\",ok\nB,1\n"),
                side(2, "id,coord,note\nA,\"[5.7,\n45.2]\",ok\nB,1,\n"));
        assertEquals(1L, diff.changed());
        assertEquals(1, diff.unchanged(), "a missing cell reads as an empty one");
        assertEquals("[5.7,\n45.2]", diff.samples().changed().get(0).changes().get(0).after());
    }

    @Test
    void aVersionAboveTheRowCapIsRefusedWhileReadingOrBeforeWhenItsCountIsKnown() {
        StringBuilder big = new StringBuilder("id\n");
        for (int i = 0; i < 101; i++) {
            big.append(i).append('\n');
        }
        VersionDiffer capped = new VersionDiffer(100, 10);
        TooManyRowsException whileReading = assertThrows(TooManyRowsException.class,
                () -> capped.compare(side(1, "id\n1\n"), side(2, big.toString())));
        assertEquals(2, whileReading.version());
        assertEquals(100, whileReading.rowCap());

        TooManyRowsException known = assertThrows(TooManyRowsException.class, () -> capped.compare(
                new Side(1, 500, () -> {
                    throw new AssertionError("not read: its recorded row count is above the cap");
                }), side(2, "id\n1\n")));
        assertEquals(1, known.version());
    }

    @Test
    void anUnreadableFileIsReportedWithItsVersion() {
        UnreadableVersionException e = assertThrows(UnreadableVersionException.class, () -> differ.compare(
                side(1, "id\n1\n"), new Side(2, 0, () -> {
                    throw new IOException("NoSuchKey");
                })));
        assertEquals(2, e.version());
    }

    @Test
    void streamsLargeFilesFromDisk(@TempDir Path dir) throws IOException {
        int rows = 200_000;
        Path older = dir.resolve("v1.csv");
        Path newer = dir.resolve("v2.csv");
        try (BufferedWriter a = Files.newBufferedWriter(older); BufferedWriter b = Files.newBufferedWriter(newer)) {
            a.write("id_pdc,puissance,commune\n");
            b.write("id_pdc,puissance,commune\n");
            for (int i = 0; i < rows; i++) {
                a.write("FR*PDC*" + i + "," + (i % 50) + ",Grenoble\n");
                if (i != 7) {
                    b.write("FR*PDC*" + i + "," + (i == 123_456 ? 99 : i % 50) + ",Grenoble\n");
                }
            }
            b.write("FR*PDC*NEW,22,Échirolles\n");
        }
        VersionDiff diff = differ.compare(new Side(1, rows, () -> Files.newInputStream(older)),
                new Side(2, rows, () -> Files.newInputStream(newer)));
        assertEquals(1, diff.added());
        assertEquals(1, diff.removed());
        assertEquals(1L, diff.changed());
        assertEquals(rows - 2, diff.unchanged());
        assertEquals("FR*PDC*7", diff.samples().removed().get(0).get("id_pdc"));
        assertEquals("FR*PDC*123456", diff.samples().changed().get(0).key());
        assertEquals(List.of(new CellChange("puissance", String.valueOf(123_456 % 50), "99")),
                diff.samples().changed().get(0).changes());
    }
}
