package fr.passerelle.quality.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.schema.Schemas;
import fr.passerelle.quality.settings.DatasetSettings;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locale a file is read under: the dataset's, else its organisation's, else fr-FR. Dates whose day and month
 * are both 12 or less read the way that locale writes them.
 */
class ReadingLocaleTest {

    private static final TableSchema VISITS = schema();
    /** Every date reads both ways: only the locale settles them. */
    private static final String AMBIGUOUS = "nom,date_visite\nMairie,05/04/2024\nÉcole,01/02/2024\n";

    @TempDir
    Path dir;

    @Test
    void anOrganisationWithoutSettingsReadsDayFirst() throws IOException {
        assertEquals(List.of("2024-04-05", "2024-02-01"), publishedDates("ville-fr", null));
    }

    @Test
    void aDatasetWithoutALocaleFollowsItsAmericanOrganisation() throws IOException {
        assertEquals(List.of("2024-05-04", "2024-01-02"), publishedDates("ville-us", null));
    }

    @Test
    void theDatasetsOwnLocaleOverridesItsOrganisations() throws IOException {
        assertEquals(List.of("2024-04-05", "2024-02-01"), publishedDates("ville-us", "fr-FR"));
        assertEquals(List.of("2024-05-04", "2024-01-02"), publishedDates("ville-fr", "en-US"));
    }

    private List<String> publishedDates(String organization, String datasetLocale) throws IOException {
        FileChecker checker = new FileChecker(new Schemas(org -> List.of(VISITS)),
                org -> "ville-us".equals(org) ? "en-US" : "fr-FR");
        Path raw = Files.writeString(dir.resolve(organization + datasetLocale + ".csv"), AMBIGUOUS);
        Path clean = dir.resolve(organization + datasetLocale + "-clean.csv");
        ReportDocument report = checker.check(raw, "visites", clean,
                new ReportDocument("u-1", organization, "visites", "visites.csv", null, null, null, null, null, null),
                new FileChecker.CheckRequest(true, new DatasetSettingsStore.Stored(
                        new DatasetSettings(Map.of(), Map.of(), datasetLocale), null), ReportOutputs.none()));
        assertEquals(QualityVerdict.VALID, report.verdict(), report.summary());
        assertTrue(report.details().fixes().stream().anyMatch(fix -> fix.code().equals("date-format")),
                report.summary());
        return Files.readAllLines(clean, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.substring(line.indexOf(',') + 1)).toList();
    }

    private static TableSchema schema() {
        try {
            return TableSchema.parse(new ByteArrayInputStream(("{\"name\": \"visites\", \"fields\": ["
                    + "{\"name\": \"nom\", \"type\": \"string\"}, {\"name\": \"date_visite\", \"type\": \"date\"}]}")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
