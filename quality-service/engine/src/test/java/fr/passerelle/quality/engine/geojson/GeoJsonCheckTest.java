package fr.passerelle.quality.engine.geojson;

import fr.passerelle.quality.engine.schema.GeoJsonSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GeoJSON files against the national amenagements-cyclables schema, offline (geojson.org's schemas are shipped). */
class GeoJsonCheckTest {

    private static final GeoJsonSchema CYCLING = SchemaCatalog.shipped().findGeoJson("amenagements-cyclables").orElseThrow();

    @TempDir
    Path dir;

    @Test
    void theOfficialExampleIsValid() throws IOException {
        GeoJsonReport report = GeoJsonCheck.of(CYCLING).run(write(example()));

        assertTrue(report.valid(), report::toString);
        assertEquals(1, report.featureCount());
        assertEquals("Le fichier est conforme au schéma « Aménagement cyclable » : 1 objet géographique, aucune erreur.",
                report.summary());
    }

    @Test
    void eachFaultNamesItsFeatureAndPropertyInFrench() throws IOException {
        String example = example();
        String wrong = example.replace("\"Structurant\"", "\"Principal\"");
        assertFalse(wrong.equals(example));

        GeoJsonReport report = GeoJsonCheck.of(CYCLING).run(write(wrong));

        assertFalse(report.valid());
        assertTrue(report.errorCount() >= 1, report::toString);
        GeoJsonFinding finding = report.samples().stream().filter(f -> "reseau_loc".equals(f.property())).findFirst()
                .orElseThrow(() -> new AssertionError(report.toString()));
        assertEquals(1, finding.feature());
        assertTrue(finding.message().startsWith("Objet n°1, propriété « reseau_loc » : "), finding.message());
        assertTrue(finding.message().contains("Structurant"), finding.message());
        assertTrue(report.summary().startsWith("Le fichier n'est pas conforme au schéma « Aménagement cyclable » : "),
                report.summary());
    }

    @Test
    void aFileThatIsNoFeatureCollectionOrNoJsonIsSaidSo() throws IOException {
        GeoJsonReport notACollection = GeoJsonCheck.of(CYCLING).run(write("{\"type\": \"Feature\"}"));
        assertFalse(notACollection.valid());
        assertTrue(notACollection.samples().stream().allMatch(f -> f.message().startsWith("Collection : ")),
                notACollection::toString);

        GeoJsonReport notJson = GeoJsonCheck.of(CYCLING).run(write("id;nom\n1;Piste\n"));
        assertFalse(notJson.valid());
        assertTrue(notJson.summary().contains("n'est pas un fichier GeoJSON lisible"), notJson.summary());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("amenagements.geojson"), content, StandardCharsets.UTF_8);
    }

    private static String example() throws IOException {
        try (InputStream in = GeoJsonCheckTest.class.getClassLoader().getResourceAsStream(
                SchemaCatalog.SHIPPED_ROOT + "amenagements-cyclables/examples/exemple-valide.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
