package fr.passerelle.quality.engine;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A national example, damaged the way clerks' spreadsheets damage files, then fixed: the fixed file
 * must validate and hold the example's values.
 */
class FixesEndToEndTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void aDamagedParkingFileIsFixedBackToTheNationalExample() throws IOException {
        TableSchema schema = ShippedSchemas.schema("lieux-stationnement");
        Path original = ShippedSchemas.example("lieux-stationnement", "exemple-valide.csv");
        List<List<String>> rows = read(original);
        List<String> header = rows.get(0);
        List<List<String>> damaged = new ArrayList<>();
        damaged.add(with(header, header.size(), "commentaire"));
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            for (int c = 0; c < header.size(); c++) {
                Field field = schema.fields().get(schema.fieldNames().indexOf(header.get(c)));
                if (field.type().name().equals("number")) {
                    row.set(c, row.get(c).replace('.', ','));
                }
            }
            set(row, header, "gratuit", value -> value.equals("true") ? "oui" : "non");
            set(row, header, "type_usagers", value -> value.substring(0, 1).toUpperCase() + value.substring(1));
            set(row, header, "tarif_pmr", String::toUpperCase);
            set(row, header, "num_siret", value -> value.substring(0, 3) + " " + value.substring(3, 6) + " "
                    + value.substring(6, 9) + " " + value.substring(9));
            set(row, header, "adresse", value -> value.replace(" ", "  "));
            if (r == 2) {
                String lon = row.get(header.indexOf("Xlong"));
                row.set(header.indexOf("Xlong"), row.get(header.indexOf("Ylat")));
                row.set(header.indexOf("Ylat"), lon);
            }
            row.add("");
            damaged.add(row);
            damaged.add(new ArrayList<>(List.of("")));
        }
        damaged.add(damaged.get(1));
        Path file = write(damaged, ';', WINDOWS_1252);

        Fixed fixed = Fixed.run(schema, file);
        Checked expected = Checked.run(schema, original);

        assertEquals(Verdict.VALID, expected.report().verdict(), expected.report().summary());
        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary() + fixed.report().samples());
        assertEquals(expected.clean(), fixed.clean());
        for (String code : List.of("decimal-comma", "boolean-words", "enum-case", "code-padding", "whitespace",
                "latlon-swap", "blank-row-dropped", "duplicate-row-dropped", "empty-column-dropped")) {
            assertTrue(fixed.hasFix(code), code + " missing from " + fixed.report().fixes());
        }
        assertTrue(fixed.report().summary().startsWith("Le fichier est conforme"), fixed.report().summary());
    }

    @Test
    void aDamagedBicycleParkingFileIsFixedBackToTheNationalExample() throws IOException {
        TableSchema schema = ShippedSchemas.schema("stationnement-cyclable");
        Path original = ShippedSchemas.example("stationnement-cyclable", "exemple-valide.csv");
        List<List<String>> rows = read(original);
        List<String> header = rows.get(0);
        List<List<String>> damaged = new ArrayList<>();
        damaged.add(header);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            // 2020-09-17 as a French spreadsheet shows it; the point as [lat, lon].
            set(row, header, "date_maj", value -> value.substring(8, 10) + "/" + value.substring(5, 7) + "/"
                    + value.substring(0, 4));
            set(row, header, "coordonneesxy", value -> {
                String[] lonLat = value.strip().replaceAll("[\\[\\]]", "").split(",");
                return "[" + lonLat[1] + "," + lonLat[0] + "]";
            });
            set(row, header, "mobilier", String::toLowerCase);
            set(row, header, "gratuit", value -> value.equals("1") ? "Oui" : "Non");
            damaged.add(row);
        }
        Path file = write(damaged, ',', StandardCharsets.UTF_8);

        Fixed fixed = Fixed.run(schema, file);
        Checked expected = Checked.run(schema, original);

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary() + fixed.report().samples());
        // "Oui" becomes the schema's first spelling of yes, "true"; the example spells it "1".
        List<List<String>> fixedRows = CsvReader.builder().ofCsvRecord(fixed.clean()).stream()
                .map(CsvRecord::getFields).toList();
        List<List<String>> expectedRows = CsvReader.builder().ofCsvRecord(expected.clean()).stream()
                .map(record -> new ArrayList<>(record.getFields())).map(row -> (List<String>) row).toList();
        int gratuit = header.indexOf("gratuit");
        assertEquals("1", expectedRows.get(1).get(gratuit));
        expectedRows.get(1).set(gratuit, "true");
        assertEquals(expectedRows, fixedRows);
        assertEquals("17/09/2020", fixed.fix("date-format", "date_maj").samples().get(0).before());
    }

    private static List<List<String>> read(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            return csv.stream().map(record -> new ArrayList<>(record.getFields()).stream().map(String::strip).toList())
                    .map(ArrayList::new).map(list -> (List<String>) list).toList();
        }
    }

    private Path write(List<List<String>> rows, char separator, Charset charset) throws IOException {
        Path file = dir.resolve("abime.csv");
        try (Writer writer = Files.newBufferedWriter(file, charset);
             CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).build(writer)) {
            rows.forEach(csv::writeRecord);
        }
        return file;
    }

    private static void set(List<String> row, List<String> header, String field, UnaryOperator<String> damage) {
        int column = header.indexOf(field);
        row.set(column, damage.apply(row.get(column)));
    }

    private static List<String> with(List<String> cells, int at, String value) {
        List<String> copy = new ArrayList<>(cells);
        copy.add(at, value);
        return copy;
    }
}
