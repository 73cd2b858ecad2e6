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
        schemas = new Schemas(SchemaCatalog.of(List.of()), SchemaCatalog.shipped(),
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
    void theShippedSnapshotHoldsEveryNationalSchemaWithNothingBesideTheRepository() {
        List<String> names = schemas.list().stream().map(summary -> summary.name()).toList();
        assertEquals(SchemaCatalog.shippedNames().stream().sorted().toList(), names);
        assertTrue(names.size() >= 14, names.toString());
        assertTrue(schemas.isNational("amenagements-cyclables"), "the GeoJSON schema is national too");
        assertTrue(schemas.find("amenagements-cyclables").isEmpty(), "but no Table Schema to check rows against");
    }

    @Test
    void theCatalogueReplacesTheShippedSchemaOfItsNameUntilTheNextRefresh() {
        TableSchema fromCatalogue = schema("stationnement-cyclable", "Autre version", "seul_champ");
        TableSchema onlyInCatalogue = schema("bornes-wifi", "Bornes wifi", "id_local");
        schemas.useCatalogueSchemas(List.of(fromCatalogue, onlyInCatalogue));

        assertEquals(List.of("seul_champ"), schemas.find("stationnement-cyclable").orElseThrow().fieldNames());
        assertTrue(schemas.isNational("bornes-wifi"));
        List<String> names = schemas.list().stream().map(summary -> summary.name()).toList();
        assertEquals(1, names.stream().filter("stationnement-cyclable"::equals).count(), names.toString());

        schemas.useCatalogueSchemas(List.of());
        assertFalse(schemas.isNational("bornes-wifi"), "a refresh replaces the catalogue's schemas");
        assertTrue(schemas.find("stationnement-cyclable").orElseThrow().fieldNames().size() > 1, "the snapshot again");
    }

    @Test
    void theExtraFolderWinsOverTheCatalogueAndTheSnapshot(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("stationnement-cyclable"));
        Files.writeString(dir.resolve("stationnement-cyclable/schema.json"),
                "{\"title\": \"Locale\", \"fields\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}");
        Schemas withFolder = new Schemas(SchemaCatalog.fromDirectory(dir), SchemaCatalog.shipped(), organization -> List.of());
        withFolder.useCatalogueSchemas(List.of(schema("stationnement-cyclable", "Catalogue", "seul_champ")));

        assertEquals(List.of("a", "b"), withFolder.find("stationnement-cyclable").orElseThrow().fieldNames());
        assertEquals(schemas.list().size(), withFolder.list().size());
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
