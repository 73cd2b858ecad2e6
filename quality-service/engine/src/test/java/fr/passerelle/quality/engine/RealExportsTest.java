package fr.passerelle.quality.engine;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three kinds of real exports issue 15 saw rejected, made from IRVE's official valid row: a Windows-1252,
 * semicolon file with decimal commas whose dates all read both ways; headers written as French phrases; and the
 * point as two Lambert-93 columns from a GIS tool. Each publishes as is, every fix in the report.
 */
class RealExportsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void aFrenchGisExportOfIrveIsValidWithoutAPersonsDecision() throws IOException {
        TableSchema irve = ShippedSchemas.schema("irve-statique");
        List<List<String>> example = rows(Files.readString(ShippedSchemas.example("irve-statique", "exemple-valide-statique.csv")));
        List<String> header = example.get(0);
        List<String> truth = example.get(1);

        List<String> messyHeader = new ArrayList<>();
        List<String> messyRow = new ArrayList<>();
        double[] lambert93 = lambert93(7.487105, 48.345345);
        for (int i = 0; i < header.size(); i++) {
            String field = header.get(i);
            String value = truth.get(i);
            switch (field) {
                case "adresse_station" -> add(messyHeader, messyRow, "Adresse de la station", value);
                case "nom_enseigne" -> add(messyHeader, messyRow, "Nom de l'enseigne", value);
                case "nbre_pdc" -> add(messyHeader, messyRow, "Nombre de points de charge", value);
                case "coordonneesXY" -> {
                    add(messyHeader, messyRow, "COORD_X", String.format(Locale.FRANCE, "%.2f", lambert93[0]));
                    add(messyHeader, messyRow, "COORD_Y", String.format(Locale.FRANCE, "%.2f", lambert93[1]));
                }
                // Every date reads both ways: 03/02/2020 and 05/04/2021.
                case "date_mise_en_service" -> add(messyHeader, messyRow, field, "03/02/2020");
                case "date_maj" -> add(messyHeader, messyRow, field, "05/04/2021");
                case "puissance_nominale" -> add(messyHeader, messyRow, field, "22,5");
                default -> add(messyHeader, messyRow, field, value);
            }
        }
        Path file = dir.resolve("bornes-export-sig.csv");
        Files.write(file, (String.join(";", messyHeader) + "\r\n" + String.join(";", quoted(messyRow)) + "\r\n")
                .getBytes(WINDOWS_1252));

        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        var report = QualityCheck.of(irve).withFixes().run(file, clean);

        assertEquals(Verdict.VALID, report.verdict(), report.summary() + " " + report.samples());
        assertTrue(report.suggestions().isEmpty(), "nothing left for a person: " + report.suggestions());
        assertEquals("windows-1252", report.encoding().toLowerCase(Locale.ROOT));
        List<List<String>> published = rows(clean.toString(StandardCharsets.UTF_8));
        assertEquals(header, published.get(0));
        List<String> row = published.get(1);
        assertEquals("2020-02-03", row.get(header.indexOf("date_mise_en_service")));
        assertEquals("2021-04-05", row.get(header.indexOf("date_maj")));
        assertEquals("22.5", row.get(header.indexOf("puissance_nominale")));
        assertEquals(truth.get(header.indexOf("adresse_station")), row.get(header.indexOf("adresse_station")));
        assertEquals(truth.get(header.indexOf("nbre_pdc")), row.get(header.indexOf("nbre_pdc")));
        String[] point = row.get(header.indexOf("coordonneesXY")).replaceAll("[\\[\\]]", "").split(",");
        assertEquals(7.487105, Double.parseDouble(point[0]), 1e-6);
        assertEquals(48.345345, Double.parseDouble(point[1]), 1e-6);

        for (String code : List.of("date-format", "decimal-comma", "coordinates-joined", "reprojection")) {
            assertTrue(report.fixes().stream().anyMatch(fix -> fix.code().equals(code)), code + " in " + report.fixes());
        }
        AppliedFix dates = report.fixes().stream().filter(fix -> fix.code().equals("date-format")).findFirst().orElseThrow();
        assertTrue(dates.message().contains("convention française"), dates.message());
        List<String> byWords = report.columnMapping().stream().filter(match -> match.how() == MatchKind.WORDS)
                .map(ColumnMatch::field).toList();
        assertTrue(byWords.containsAll(List.of("adresse_station", "nom_enseigne", "nbre_pdc")), byWords.toString());
    }

    @Test
    void anAddressSplitOverFourColumnsBecomesTheSchemasOneAddress() throws IOException {
        TableSchema irve = ShippedSchemas.schema("irve-statique");
        List<List<String>> example = rows(Files.readString(ShippedSchemas.example("irve-statique", "exemple-valide-statique.csv")));
        List<String> header = example.get(0);
        List<String> truth = example.get(1);
        assertEquals("1 avenue de la Paix 75001 Paris", truth.get(header.indexOf("adresse_station")));

        List<String> messyHeader = new ArrayList<>();
        List<String> messyRow = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals("adresse_station")) {
                add(messyHeader, messyRow, "N°", "1");
                add(messyHeader, messyRow, "Nom de la voie", "avenue de la Paix");
                add(messyHeader, messyRow, "Code postal", "75001");
                add(messyHeader, messyRow, "Commune", "Paris");
            } else {
                add(messyHeader, messyRow, header.get(i), truth.get(i));
            }
        }
        Path file = dir.resolve("bornes-adresses.csv");
        Files.write(file, (String.join(";", messyHeader) + "\n" + String.join(";", quoted(messyRow)) + "\n")
                .getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        var report = QualityCheck.of(irve).withFixes().run(file, clean);

        assertEquals(Verdict.VALID, report.verdict(), report.summary() + " " + report.samples());
        assertTrue(report.warnings().isEmpty(), "no column left over: " + report.warnings());
        List<List<String>> published = rows(clean.toString(StandardCharsets.UTF_8));
        assertEquals(header, published.get(0));
        assertEquals(truth, published.get(1));
        AppliedFix joined = report.fixes().stream().filter(fix -> fix.code().equals("address-joined")).findFirst()
                .orElseThrow(() -> new AssertionError(report.fixes().toString()));
        assertTrue(joined.message().contains("« N° », « Nom de la voie », « Code postal », « Commune »"), joined.message());
    }

    @Test
    void aWholeAddressColumnIsNeverJoinedWithATownBesideIt() throws IOException {
        TableSchema irve = ShippedSchemas.schema("irve-statique");
        List<List<String>> example = rows(Files.readString(ShippedSchemas.example("irve-statique", "exemple-valide-statique.csv")));
        List<String> header = new ArrayList<>(example.get(0));
        List<String> row = new ArrayList<>(example.get(1));
        header.set(header.indexOf("adresse_station"), "Adresse");
        header.add("Commune");
        row.add("Paris");
        Path file = dir.resolve("bornes-commune.csv");
        Files.write(file, (String.join(";", header) + "\n" + String.join(";", quoted(row)) + "\n")
                .getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        var report = QualityCheck.of(irve).withFixes().run(file, clean);

        assertTrue(report.fixes().stream().noneMatch(fix -> fix.code().equals("address-joined")), report.fixes()::toString);
        List<List<String>> published = rows(clean.toString(StandardCharsets.UTF_8));
        assertEquals("1 avenue de la Paix 75001 Paris", published.get(1).get(published.get(0).indexOf("adresse_station")));
    }

    private static void add(List<String> header, List<String> row, String label, String value) {
        header.add(label);
        row.add(value);
    }

    private static List<String> quoted(List<String> cells) {
        return cells.stream().map(cell -> cell.contains(";") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell).toList();
    }

    private static double[] lambert93(double lon, double lat) {
        CRSFactory crs = new CRSFactory();
        var transform = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:4326"),
                crs.createFromName("EPSG:2154"));
        ProjCoordinate out = new ProjCoordinate();
        transform.transform(new ProjCoordinate(lon, lat), out);
        return new double[] {out.x, out.y};
    }

    private static List<List<String>> rows(String csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        }
    }
}
