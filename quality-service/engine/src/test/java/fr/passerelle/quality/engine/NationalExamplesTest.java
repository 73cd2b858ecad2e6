package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official example files published with each national schema. */
class NationalExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleFileIsReadAndCopiedInSchemaOrder() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(SharedSchemas.schemasDir(), 3)) {
            examples = files.filter(file -> file.getParent().getFileName().toString().equals("examples"))
                    .filter(file -> file.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        assertTrue(examples.size() >= 4, () -> "examples found: " + examples);
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                SharedSchemas.schemasDir().relativize(example).toString(), () -> {
                    String schemaName = example.getParent().getParent().getFileName().toString();
                    TableSchema schema = SharedSchemas.schema(schemaName);

                    Checked checked = Checked.run(schema, example);

                    QualityReport report = checked.report();
                    assertEquals(schemaName, report.schemaName());
                    assertEquals("UTF-8", report.encoding());
                    assertEquals(",", report.delimiter());
                    assertTrue(report.rowCount() > 0);
                    assertEquals(String.join(",", schema.fieldNames()), checked.cleanLines().get(0));
                    assertEquals(report.errorCount() == 0, report.verdict() == Verdict.VALID);
                    assertEquals(report.errorCount(), report.errorsByCode().values().stream().mapToLong(Long::longValue).sum());
                }));
    }

    @Test
    void stationnementCyclableExampleIsValid() {
        Checked checked = Checked.run(SharedSchemas.schema("stationnement-cyclable"),
                SharedSchemas.example("stationnement-cyclable", "exemple-valide.csv"));

        QualityReport report = checked.report();
        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        assertEquals(1, report.rowCount());
        assertEquals(1, report.validRowCount());
        assertEquals(100.0, report.validityPercent());
        assertEquals(0, report.errorCount());
        assertEquals(Map.of(), report.errorsByCode());
        assertEquals("Le fichier est conforme au schéma « Stationnement cyclable » : 1 ligne, aucune erreur.",
                report.summary());
        // The coordinates cell ends with a line break inside its quotes: trimmed away in the clean file.
        assertEquals(2, checked.cleanLines().size());
        assertTrue(checked.cleanLines().get(1).startsWith("STSI01,n71729735,38185,\"[5.7145295,45.191463]\",8,3,"),
                checked.clean());
    }

    @Test
    void lieuxStationnementValidExampleIsValid() {
        QualityReport report = Checked.run(SharedSchemas.schema("lieux-stationnement"),
                SharedSchemas.example("lieux-stationnement", "exemple-valide.csv")).report();

        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        assertEquals(2, report.rowCount());
        assertEquals(2, report.validRowCount());
        assertEquals("Le fichier est conforme au schéma « Lieux de stationnement » : 2 lignes, aucune erreur.",
                report.summary());
    }

    /**
     * The invalid example has three faults: tarif_pmr "inconnu" is not in the enum, id "P-001"
     * breaks the id pattern, and the SIRET fails the schema's french-siret-value custom check.
     * The skeleton finds the first one only. TODO pattern constraints and custom checks.
     */
    @Test
    void lieuxStationnementInvalidExampleIsInvalidOnTheTarifPmrEnum() {
        Checked checked = Checked.run(SharedSchemas.schema("lieux-stationnement"),
                SharedSchemas.example("lieux-stationnement", "exemple-invalide.csv"));

        QualityReport report = checked.report();
        assertEquals(Verdict.INVALID, report.verdict());
        assertEquals(1, report.rowCount());
        assertEquals(0, report.validRowCount());
        assertEquals(0.0, report.validityPercent());
        assertEquals(Map.of("constraint-error", 1L), report.errorsByCode());
        assertEquals(Map.of("tarif_pmr", 1L), report.errorsByField());
        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.CONSTRAINT_ERROR, error.code());
        assertEquals(2, error.rowNumber());
        assertEquals("inconnu", error.value());
        assertEquals("La valeur « inconnu » de la colonne « tarif_pmr » ne fait pas partie des valeurs autorisées.",
                error.message());
        assertEquals("Choisissez l'une des valeurs autorisées, en respectant majuscules et accents : "
                + "« gratuit », « normal_payant », « tarif_special ».", error.hint());
        assertEquals("Le fichier n'est pas conforme au schéma « Lieux de stationnement » : 1 erreur sur 1 ligne "
                + "(validité 0,00 %).", report.summary());
    }

    /**
     * Its repository labels the second row "Exemple invalide": id_station_itinerance and
     * id_pdc_itinerance break their pattern. The skeleton checks no pattern yet, so both rows pass.
     * TODO pattern constraints: then this file must become INVALID with 2 constraint-errors on row 3.
     */
    @Test
    void irveExampleIsValidUntilPatternConstraintsAreChecked() {
        Checked checked = Checked.run(SharedSchemas.schema("irve-statique"),
                SharedSchemas.example("irve-statique", "exemple-valide-statique.csv"));

        QualityReport report = checked.report();
        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        assertEquals(2, report.rowCount());
        assertEquals(2, report.validRowCount());
        assertEquals(0, report.errorCount());
        assertEquals(3, checked.cleanLines().size());
        assertFalse(checked.clean().contains("\r"));
    }
}
