package fr.passerelle.quality.schema.remote;

import fr.passerelle.quality.engine.LocalHttpFiles;
import fr.passerelle.quality.engine.schema.CatalogueVersions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.schema.ShippedFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local server stands in for schema.data.gouv.fr: a catalogue in the real format (a jsonschema entry, a
 * datapackage entry, two Table Schemas with several versions each) serving the shared national schemas.
 */
class RemoteCatalogueTest {

    private LocalHttpFiles server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = LocalHttpFiles.start();
        base = server.base();
        server.serve("/schemas/etalab/schema-stationnement-cyclable/1.1.2/schema.json", shared("stationnement-cyclable"));
        server.serve("/schemas/etalab/schema-irve-statique/2.3.0/schema-statique.json", shared("irve-statique"));
        server.serve("/schemas/etalab/schema-irve-statique/2.2.1/schema-statique.json", "{\"old\": true}".getBytes());
        server.serve("/schemas/schemas.json", catalogue(true));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theLatestTableSchemasAreFetchedAndCached(@TempDir Path cache) throws Exception {
        RemoteCatalogue remote = new RemoteCatalogue(URI.create(base + "/schemas/schemas.json"), cache,
                Duration.ofSeconds(5));
        RemoteCatalogue.Refresh refresh = remote.refresh();

        assertEquals(Map.of("stationnement-cyclable", "1.1.2", "irve-statique", "2.3.0"), refresh.fetched());
        assertTrue(refresh.failures().isEmpty(), refresh.failures().toString());
        SchemaCatalog cached = remote.cached();
        assertEquals(List.of("irve-statique", "stationnement-cyclable"),
                cached.schemas().stream().map(TableSchema::name).toList());
        assertEquals(40, cached.find("irve-statique").orElseThrow().fields().size(), "version 2.3.0, not 2.2.1");
    }

    @Test
    void aRestartWithoutNetworkStillHasTheSchemas(@TempDir Path cache) throws Exception {
        URI url = URI.create(base + "/schemas/schemas.json");
        new RemoteCatalogue(url, cache, Duration.ofSeconds(5)).refresh();
        server.stop();

        RemoteCatalogue restarted = new RemoteCatalogue(url, cache, Duration.ofSeconds(5));
        assertThrows(IOException.class, restarted::refresh);
        assertEquals(Set.of("irve-statique", "stationnement-cyclable"),
                Set.copyOf(restarted.cached().schemas().stream().map(TableSchema::name).toList()));
    }

    @Test
    void aBrokenSchemaKeepsItsCachedCopyAndAnUnlistedOneLeaves(@TempDir Path cache) throws Exception {
        RemoteCatalogue remote = new RemoteCatalogue(URI.create(base + "/schemas/schemas.json"), cache,
                Duration.ofSeconds(5));
        remote.refresh();
        server.serve("/schemas/etalab/schema-irve-statique/2.3.0/schema-statique.json", "{\"fields\": 3}".getBytes());
        server.serve("/schemas/schemas.json", catalogue(false));

        RemoteCatalogue.Refresh second = remote.refresh();
        assertEquals(Set.of("irve-statique"), second.failures().keySet());
        assertEquals(Set.of("stationnement-cyclable"), second.removed());
        assertEquals(List.of("irve-statique"), remote.cached().schemas().stream().map(TableSchema::name).toList());
        assertEquals(40, remote.cached().find("irve-statique").orElseThrow().fields().size());
    }

    @Test
    void aCatalogueThatIsNotOneLeavesTheCacheAlone(@TempDir Path cache) throws Exception {
        RemoteCatalogue remote = new RemoteCatalogue(URI.create(base + "/schemas/schemas.json"), cache,
                Duration.ofSeconds(5));
        remote.refresh();
        server.serve("/schemas/schemas.json", "<html>maintenance</html>".getBytes());
        assertThrows(IOException.class, remote::refresh);
        assertEquals(2, remote.cached().schemas().size());
        assertTrue(new RemoteCatalogue(URI.create(base + "/absent.json"), cache.resolve("other"),
                Duration.ofSeconds(5)).cached().schemas().isEmpty(), "no cache yet: no schemas, no failure");
    }

    @Test
    void versionsAreComparedByTheirNumbers() {
        assertTrue(CatalogueVersions.compare("2.10.0", "2.9.1") > 0);
        assertTrue(CatalogueVersions.compare("v1.0", "0.9.9") > 0);
        assertEquals("irve-statique", CatalogueReader.registryName("etalab/schema-irve-statique"));
        assertEquals("format-commande-publique", CatalogueReader.registryName("139bercy/format-commande-publique"));
        // The snapshot's names for the two schemas whose catalogue names say otherwise: refreshed, never listed twice.
        assertEquals("lieux-stationnement", CatalogueReader.registryName("etalab/schema-stationnement"));
        assertEquals("mediation-numerique", CatalogueReader.registryName("LaMednum/standard-mediation-num"));
    }

    private byte[] catalogue(boolean withBikes) {
        String bikes = """
                {"name": "etalab/schema-stationnement-cyclable", "title": "Stationnement cyclable",
                 "schema_url": "%1$s/schemas/etalab/schema-stationnement-cyclable/latest/schema.json",
                 "schema_type": "tableschema", "contact": "contact@example.org", "examples": [], "labels": [],
                 "consolidation_dataset_id": null, "external_doc": null, "external_tool": null,
                 "homepage": "https://example.org/schema-stationnement-cyclable",
                 "versions": [
                   {"version_name": "1.1.2", "schema_url": "%1$s/schemas/etalab/schema-stationnement-cyclable/1.1.2/schema.json"}
                 ]},
                """.formatted(base);
        return ("""
                {"$schema": "https://example.org/catalog-schema.json", "version": 1, "schemas": [
                 {"name": "etalab/schema-irve", "title": "IRVE", "schema_type": "datapackage",
                  "schema_url": "%1$s/schemas/etalab/schema-irve/latest/datapackage.json",
                  "versions": [{"version_name": "2.3.0", "schema_url": "%1$s/schemas/etalab/schema-irve/2.3.0/datapackage.json"}]},
                 {"name": "etalab/schema-irve-statique", "title": "IRVE statique", "schema_type": "tableschema",
                  "schema_url": "%1$s/schemas/etalab/schema-irve-statique/latest/schema-statique.json",
                  "versions": [
                    {"version_name": "2.3.0", "schema_url": "%1$s/schemas/etalab/schema-irve-statique/2.3.0/schema-statique.json"},
                    {"version_name": "2.2.1", "schema_url": "%1$s/schemas/etalab/schema-irve-statique/2.2.1/schema-statique.json"}
                  ],
                  "datapackage_title": "IRVE", "datapackage_name": "etalab/schema-irve"},
                 %2$s
                 {"name": "139bercy/format-commande-publique", "title": "Commande publique", "schema_type": "jsonschema",
                  "schema_url": "%1$s/schemas/139bercy/format-commande-publique/latest/marches.json",
                  "versions": [{"version_name": "2.0.1", "schema_url": "%1$s/schemas/139bercy/format-commande-publique/2.0.1/marches.json"}]}
                ]}
                """.formatted(base, withBikes ? bikes : "")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] shared(String name) throws IOException {
        return ShippedFiles.read(name + "/schema.json");
    }
}
