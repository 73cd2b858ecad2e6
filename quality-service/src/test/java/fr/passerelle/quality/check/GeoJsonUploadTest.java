package fr.passerelle.quality.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.schema.Schemas;
import fr.passerelle.quality.schema.ShippedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload naming the national GeoJSON schema: checked offline, said in French, never published. */
class GeoJsonUploadTest {

    private final FileChecker checker = new FileChecker(new Schemas(organization -> List.of()), organization -> "fr-FR");

    @TempDir
    Path dir;

    @Test
    void theOfficialExampleIsConformingAndStopsWithAFrenchReason() throws IOException {
        ReportDocument report = check(new String(ShippedFiles.read("amenagements-cyclables/examples/exemple-valide.json"),
                StandardCharsets.UTF_8));

        assertEquals(QualityVerdict.INVALID, report.verdict(), "the pipeline after quality handles tables only");
        assertEquals("geojson-not-published", report.problem().code());
        assertTrue(report.summary().startsWith("Le fichier est conforme au schéma « Aménagement cyclable » : "
                + "1 objet géographique, aucune erreur. Passerelle ne publie pas encore les fichiers GeoJSON"),
                report.summary());
    }

    @Test
    void aFaultyFileNamesEachFeatureAndProperty() throws IOException {
        String example = new String(ShippedFiles.read("amenagements-cyclables/examples/exemple-valide.json"),
                StandardCharsets.UTF_8);
        ReportDocument report = check(example.replace("\"Structurant\"", "\"Principal\""));

        assertEquals("geojson-invalid", report.problem().code());
        assertTrue(report.summary().contains("Objet n°1, propriété « reseau_loc » : "), report.summary());
        assertEquals("amenagements-cyclables", report.schema());
    }

    private ReportDocument check(String content) throws IOException {
        Path raw = Files.writeString(dir.resolve("pistes.geojson"), content, StandardCharsets.UTF_8);
        ReportDocument context = new ReportDocument("u-1", "demo", "pistes", "pistes.geojson", null, null, null, null,
                null, null);
        return checker.check(raw, "amenagements-cyclables", dir.resolve("clean.csv"), context,
                FileChecker.CheckRequest.validateOnly());
    }
}
