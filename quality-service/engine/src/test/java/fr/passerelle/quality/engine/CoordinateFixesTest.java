package fr.passerelle.quality.engine;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coordinates: swapped, projected, or both in one column. */
class CoordinateFixesTest {

    private static final double DEGREE_TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void swappedLatitudeAndLongitudeAreSwappedBack() {
        Fixed fixed = Fixed.run(points(), dir, "id,Xlong,Ylat\nA,48.8566,2.3522\nB,5.3698,43.2965\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("id,Xlong,Ylat", "A,2.3522,48.8566", "B,5.3698,43.2965"), fixed.cleanLines());
        AppliedFix swap = fixed.fix("latlon-swap", "Xlong et Ylat");
        assertEquals(1, swap.count());
        assertEquals(2, swap.samples().get(0).row());
    }

    @Test
    void fieldsNamedLatAndLongWithASuffixAreAPointToo() {
        // dae's lat_coor1 / long_coor1: found as the corpus' swapped defibrillators were published swapped.
        TableSchema schema = TestSchemas.parse("""
                {"name": "dae", "fields": [{"name": "id", "type": "string"},
                  {"name": "lat_coor1", "type": "number"}, {"name": "long_coor1", "type": "number"}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "id,lat_coor1,long_coor1\nA,2.3522,48.8566\nB,6862035.3,652469.5\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals("A,48.8566,2.3522", fixed.cleanLines().get(1));
        assertTrue(fixed.hasFix("reprojection"), fixed.report().fixes().toString());
        assertTrue(fixed.hasFix("latlon-swap"), fixed.report().fixes().toString());
    }

    @Test
    void aSwappedGeopointIsSwappedBackInItsOwnFormat() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "velos", "fields": [{"name": "id", "type": "string"},
                  {"name": "coordonneesxy", "type": "geopoint", "format": "array"}],
                 "custom_checks": [{"name": "french_gps_coordinates", "params": {"column": "coordonneesxy"}}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "id,coordonneesxy\nA,\"[45.191463,5.7145295]\"\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals("A,\"[5.7145295,45.191463]\"", fixed.cleanLines().get(1));
    }

    @Test
    void twoProjectedColumnsAsGisToolsExportThemBecomeTheSchemasPoint() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "bornes", "fields": [{"name": "id", "type": "string", "constraints": {"required": true}},
                  {"name": "coordonneesXY", "type": "geopoint", "format": "array", "constraints": {"required": true}}]}
                """);

        // Lambert-93 metres, decimal commas, as a GIS export saves them; the origin is 3°E, 46.5°N (IGN).
        Fixed fixed = Fixed.run(schema, dir, "id;COORD_X;COORD_Y\nA;700000;6600000\nB;652469,5;6862035,3\nC;;\n");

        assertEquals(Verdict.INVALID, fixed.report().verdict(), "C has no point: " + fixed.report().summary());
        assertEquals("id,coordonneesXY", fixed.cleanLines().get(0));
        List<CsvRecord> rows = cleanRows(fixed);
        String[] origin = rows.get(0).getField(1).replaceAll("[\\[\\]]", "").split(",");
        assertEquals(3.0, Double.parseDouble(origin[0]), DEGREE_TOLERANCE);
        assertEquals(46.5, Double.parseDouble(origin[1]), DEGREE_TOLERANCE);
        assertEquals("", rows.get(2).getField(1));
        AppliedFix joined = fixed.fix("coordinates-joined", "coordonneesXY");
        assertEquals(2, joined.count());
        assertTrue(joined.message().contains("« COORD_X » et « COORD_Y »"), joined.message());
        assertEquals(2, fixed.fix("reprojection", "coordonneesXY").count());
        assertTrue(fixed.report().errorsByCode().keySet().stream().noneMatch(code -> code.equals("extra-label")
                || code.equals("missing-label")), fixed.report().errorsByCode().toString());
    }

    @Test
    void longitudeAndLatitudeColumnsInDegreesJoinToo() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "bornes", "fields": [{"name": "id", "type": "string"},
                  {"name": "coordonneesXY", "type": "geopoint", "format": "array"}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "Latitude (WGS84);id;Longitude (WGS84)\n45,191463;A;5,7145295\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("id,coordonneesXY", "A,\"[5.7145295,45.191463]\""), fixed.cleanLines().subList(0, 2));
    }

    @Test
    void onlyLabelsThatNameNothingButACoordinateAreJoined() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "bornes", "fields": [{"name": "id", "type": "string"},
                  {"name": "coordonneesXY", "type": "geopoint", "format": "array"}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "id;Type X;Nombre Y\nA;1;2\n");

        assertFalse(fixed.hasFix("coordinates-joined"));
    }

    @Test
    void aPointTypedLatitudeFirstWithDecimalCommasIsRewrittenAndPutBackInOrder() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "bornes", "fields": [{"name": "id", "type": "string"},
                  {"name": "coordonneesXY", "type": "geopoint", "format": "array"}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "id;coordonneesXY\nA;\"45,191463 ; 5,7145295\"\nB;(5.3698 43.2965)\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("id,coordonneesXY", "A,\"[5.7145295,45.191463]\"", "B,\"[5.3698,43.2965]\""), fixed.cleanLines());
        assertEquals(2, fixed.fix("geopoint-spelling", "coordonneesXY").count());
        assertEquals(1, fixed.fix("latlon-swap", "coordonneesXY").count());
    }

    @Test
    void lambert93CoordinatesAreConvertedToWgs84() {
        // The projection's origin: 700 000 m east, 6 600 000 m north is 3°E, 46.5°N by definition (IGN).
        Fixed fixed = Fixed.run(points(), dir, "id;Xlong;Ylat\nA;700000;6600000\nB;652469,5;6862035,3\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        List<CsvRecord> rows = cleanRows(fixed);
        assertEquals(3.0, Double.parseDouble(rows.get(0).getField(1)), DEGREE_TOLERANCE);
        assertEquals(46.5, Double.parseDouble(rows.get(0).getField(2)), DEGREE_TOLERANCE);
        // Near Notre-Dame de Paris (2.35°E, 48.85°N).
        assertEquals(2.35, Double.parseDouble(rows.get(1).getField(1)), 0.01);
        assertEquals(48.85, Double.parseDouble(rows.get(1).getField(2)), 0.01);
        AppliedFix reprojection = fixed.fix("reprojection", "Xlong et Ylat");
        assertEquals(2, reprojection.count());
        assertTrue(reprojection.message().contains("Lambert-93"), reprojection.message());
    }

    @Test
    void conicConformalZoneCoordinatesAreConvertedToWgs84() {
        // CC46's origin: 1 700 000 m east, 5 200 000 m north is 3°E, 46°N by definition.
        Fixed fixed = Fixed.run(points(), dir, "id,Xlong,Ylat\nA,1700000,5200000\n");

        List<CsvRecord> rows = cleanRows(fixed);
        assertEquals(3.0, Double.parseDouble(rows.get(0).getField(1)), DEGREE_TOLERANCE);
        assertEquals(46.0, Double.parseDouble(rows.get(0).getField(2)), DEGREE_TOLERANCE);
        assertTrue(fixed.fix("reprojection", "Xlong et Ylat").message().contains("CC46"));
    }

    @Test
    void metresNoFrenchProjectionPlacesInFranceAreOnlySuggested() {
        Fixed fixed = Fixed.run(points(), dir, "id,Xlong,Ylat\nA,5000000,5000000\n");

        assertFalse(fixed.hasFix("reprojection"));
        assertEquals(1, fixed.suggestion("reprojection").count());
        assertEquals("A,5000000,5000000", fixed.cleanLines().get(1));
    }

    @Test
    void oneLatLonColumnIsSplitIntoTheTwoFieldsTheSchemaWants() {
        Fixed fixed = Fixed.run(points(), dir, "id;coordonnees\nA;48.8566, 2.3522\nB;43,2965 5,3698\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("id,Xlong,Ylat", "A,2.3522,48.8566", "B,5.3698,43.2965"), fixed.cleanLines());
        assertEquals(2, fixed.fix("coordinates-split", "coordonnees").count());
    }

    @Test
    void aColumnOfPairsInNoTellableOrderIsNotSplit() {
        Fixed fixed = Fixed.run(points(), dir, "id;coordonnees\nA;10.5, 20.5\n");

        assertFalse(fixed.hasFix("coordinates-split"));
        assertEquals(1, fixed.suggestion("coordinates-split").count());
        assertTrue(fixed.report().warnings().stream().anyMatch(warning -> "coordonnees".equals(warning.field())),
                "the unsplit column is named as left out: " + fixed.report().warnings());
    }

    private static TableSchema points() {
        return TestSchemas.parse("""
                {"name": "points", "fields": [{"name": "id", "type": "string"},
                  {"name": "Xlong", "type": "number", "constraints": {"minimum": -180, "maximum": 180}},
                  {"name": "Ylat", "type": "number", "constraints": {"minimum": -90, "maximum": 90}}]}
                """);
    }

    private static List<CsvRecord> cleanRows(Fixed fixed) {
        return CsvReader.builder().ofCsvRecord(fixed.clean()).stream().skip(1).toList();
    }
}
