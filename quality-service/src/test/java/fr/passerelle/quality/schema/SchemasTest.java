package fr.passerelle.quality.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.detection.SchemaDetector;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasTest {

    private static final String OWN = "bornes-fontaines";
    private static final Map<String, List<TableSchema>> BY_ORGANIZATION = Map.of("ville-a",
            List.of(schema(OWN, "Bornes fontaines", "identifiant", "adresse", "debit_l_min")));

    private final Schemas schemas;

    SchemasTest() throws IOException {
        schemas = new Schemas(SchemaCatalog.fromDirectory(SharedFolder.schemas()),
                organization -> BY_ORGANIZATION.getOrDefault(organization, List.of()));
    }

    @Test
    void anOrganisationFindsItsOwnSchemaAndTheNationalOnes() {
        assertEquals(Optional.of(OWN), schemas.find("ville-a", OWN).map(TableSchema::name));
        assertEquals(Optional.of("stationnement-cyclable"),
                schemas.find("ville-a", "stationnement-cyclable").map(TableSchema::name));
        assertTrue(schemas.names("ville-a").contains(OWN));
    }

    @Test
    void anotherOrganisationNeverSeesIt() {
        assertTrue(schemas.find("ville-b", OWN).isEmpty());
        assertTrue(schemas.find(null, OWN).isEmpty(), "validation without an organisation sees national schemas only");
        assertTrue(schemas.find(OWN).isEmpty());
        assertFalse(schemas.names("ville-b").contains(OWN));
        assertFalse(schemas.list().stream().anyMatch(summary -> summary.name().equals(OWN)));
        assertFalse(schemas.isNational(OWN));
        assertTrue(schemas.isNational("irve-statique"));
    }

    @Test
    void detectionConsidersTheOrganisationsOwnSchemas(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bornes.csv"),
                "identifiant;adresse;debit_l_min\nBF-1;1 rue de la Paix;60\n", StandardCharsets.UTF_8);
        SchemaDetection own = SchemaDetector.detect(file, ReadOptions.defaults(), schemas.catalog("ville-a"));
        assertEquals(Optional.of(OWN), own.chosen());
        SchemaDetection other = SchemaDetector.detect(file, ReadOptions.defaults(), schemas.catalog("ville-b"));
        assertTrue(other.chosen().isEmpty(), other.message());
    }

    @Test
    void theFolderWinsOverTheCatalogueOnASharedName() throws IOException {
        TableSchema fromCatalogue = schema("stationnement-cyclable", "Autre version", "seul_champ");
        TableSchema onlyInCatalogue = schema("amenagements-cyclables", "Aménagements cyclables", "id_local");
        schemas.useCatalogueSchemas(List.of(fromCatalogue, onlyInCatalogue));

        TableSchema kept = schemas.find("stationnement-cyclable").orElseThrow();
        assertTrue(kept.fieldNames().size() > 1, "the folder's schema, not the catalogue's one-field stand-in");
        assertTrue(schemas.isNational("amenagements-cyclables"));
        List<String> names = schemas.list().stream().map(summary -> summary.name()).toList();
        assertEquals(1, names.stream().filter("stationnement-cyclable"::equals).count(), names.toString());
        assertTrue(names.contains("amenagements-cyclables"), names.toString());

        schemas.useCatalogueSchemas(List.of());
        assertFalse(schemas.isNational("amenagements-cyclables"), "a refresh replaces the catalogue's schemas");
    }

    static TableSchema schema(String name, String title, String... fields) {
        StringBuilder json = new StringBuilder("{\"name\": \"" + name + "\", \"title\": \"" + title + "\", \"fields\": [");
        for (int i = 0; i < fields.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(fields[i]).append("\"}");
        }
        try {
            return TableSchema.parse(new ByteArrayInputStream(json.append("]}").toString()
                    .getBytes(StandardCharsets.UTF_8))).withName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
