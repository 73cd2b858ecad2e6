package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixing never turns bad input into an exception: the report says what is wrong. */
class FixesOnHostileInputTest {

    @TempDir
    Path dir;

    @Test
    void emptyAndBinaryFilesAreReportedAsWithoutFixes() throws IOException {
        Path empty = Files.write(dir.resolve("vide.csv"), new byte[0]);
        Path binary = Files.write(dir.resolve("binaire.csv"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});

        Fixed emptyFixed = Fixed.run(points(), empty);
        Fixed binaryFixed = Fixed.run(points(), binary);

        assertEquals(1, emptyFixed.report().errorsByCode().get(ErrorCode.EMPTY_FILE.code()));
        assertEquals(Verdict.INVALID, binaryFixed.report().verdict());
        assertTrue(emptyFixed.report().fixes().isEmpty());
    }

    @Test
    void oddCoordinatesDatesAndNumbersLeaveTheCellsToTheValidator() {
        StringBuilder raw = new StringBuilder("id;Xlong;Ylat;quand;combien\n");
        raw.append("A;NaN;1e400;31/02/2021;1,2,3\n");
        raw.append("B;99999999999999999999999999;-99999999999999999999;00/00/0000;,,\n");
        raw.append("C;\"48,8;2,3\";;99999;-\n");
        raw.append("D;652000;\n");
        raw.append("E;").append("9".repeat(50_000)).append(";1;1er truc 2021;1 2 3\n");

        Fixed fixed = Fixed.run(TestSchemas.parse("""
                {"name": "bizarre", "fields": [{"name": "id", "type": "string"},
                  {"name": "Xlong", "type": "number"}, {"name": "Ylat", "type": "number"},
                  {"name": "quand", "type": "date"}, {"name": "combien", "type": "number"}]}
                """), dir, raw.toString());

        assertEquals(Verdict.INVALID, fixed.report().verdict());
        assertEquals(5, fixed.report().rowCount());
    }

    @Test
    void aHeaderWithoutRowsAndRaggedRowsAreFixedWithoutFailing() {
        Fixed headerOnly = Fixed.run(points(), dir, "id,Xlong,Ylat\n");
        Fixed ragged = Fixed.run(points(), dir, "id,coordonnees\nA\nB,48.85,2.35,extra\nC,\"48.85, 2.35\"\n");

        assertEquals(1, headerOnly.report().errorsByCode().get(ErrorCode.EMPTY_FILE.code()));
        assertEquals(Verdict.INVALID, ragged.report().verdict());
        assertEquals(3, ragged.report().rowCount());
    }

    private static TableSchema points() {
        return TestSchemas.parse("""
                {"name": "points", "fields": [{"name": "id", "type": "string"},
                  {"name": "Xlong", "type": "number"}, {"name": "Ylat", "type": "number"}]}
                """);
    }
}
