package fr.passerelle.quality.engine.schema.snapshot;

import fr.passerelle.quality.engine.LocalHttpFiles;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./passerelle schemas refresh URL} against a local server standing in for schema.data.gouv.fr. */
class SnapshotRefreshTest {

    private LocalHttpFiles server;
    private String base;
    @TempDir
    Path snapshot;

    @BeforeEach
    void serveAndCopyTheSnapshot() throws IOException {
        server = LocalHttpFiles.start();
        base = server.base();
        for (String name : List.of("stationnement-cyclable", "irve-statique", "catalogue-donnees",
                "amenagements-cyclables")) {
            Files.createDirectories(snapshot.resolve(name));
            for (String file : List.of("schema.json", "SOURCE.txt")) {
                Files.write(snapshot.resolve(name).resolve(file), shipped(name + "/" + file));
            }
        }
        Files.writeString(snapshot.resolve("index.txt"),
                "stationnement-cyclable\nirve-statique\ncatalogue-donnees\namenagements-cyclables\n");
        server.serve("/schemas/schemas.json", ("""
                {"schemas": [
                 {"name": "etalab/schema-stationnement-cyclable", "schema_type": "tableschema",
                  "versions": [{"version_name": "1.1.1", "schema_url": "%1$s/velo/1.1.1.json"},
                               {"version_name": "1.2.0", "schema_url": "%1$s/velo/1.2.0.json"}]},
                 {"name": "etalab/schema-irve-statique", "schema_type": "tableschema",
                  "versions": [{"version_name": "2.3.0", "schema_url": "%1$s/irve/2.3.0.json"}]},
                 {"name": "etalab/schema-amenagements-cyclables", "schema_type": "jsonschema",
                  "versions": [{"version_name": "0.3.5", "schema_url": "%1$s/ac/0.3.5.json"}]}
                ]}
                """).formatted(base).getBytes(StandardCharsets.UTF_8));
        server.serve("/velo/1.2.0.json", """
                {"title": "Stationnement cyclable", "version": "1.2.0", "fields": [{"name": "id_local"}]}
                """.getBytes(StandardCharsets.UTF_8));
        server.serve("/velo/1.1.1.json", "{\"old\": true}".getBytes(StandardCharsets.UTF_8));
        server.serve("/irve/2.3.0.json", shipped("irve-statique/schema.json"));
        server.serve("/ac/0.3.5.json", "{\"title\": \"Plus une FeatureCollection\", \"fields\": [{\"name\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theLatestVersionReplacesTheShippedSchemaAndTheRestIsKeptWithItsReason() throws IOException {
        byte[] cyclingBefore = Files.readAllBytes(snapshot.resolve("amenagements-cyclables/schema.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SnapshotRefresh.run(new String[] {"--catalogue", base + "/schemas/schemas.json", "--dir",
                snapshot.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("stationnement-cyclable   UPDATED   1.2.0 " + base + "/velo/1.2.0.json"), report);
        assertTrue(report.contains("irve-statique            UNCHANGED"), report);
        assertTrue(report.contains("catalogue-donnees        KEPT      not in the catalogue"), report);
        assertTrue(report.contains("amenagements-cyclables   KEPT      " + base + "/ac/0.3.5.json: not the same kind"),
                report);
        assertTrue(report.endsWith("1 updated, 1 unchanged, 2 kept as they were. Run the tests, then commit.\n"), report);

        SchemaCatalog refreshed = SchemaCatalog.fromDirectory(snapshot);
        assertEquals("1.2.0", refreshed.find("stationnement-cyclable").orElseThrow().version());
        assertTrue(Files.readString(snapshot.resolve("stationnement-cyclable/SOURCE.txt"))
                .endsWith(" from " + base + "/velo/1.2.0.json (catalogue version 1.2.0); examples unchanged\n"));
        assertArrayEquals(shipped("irve-statique/SOURCE.txt"), Files.readAllBytes(snapshot.resolve("irve-statique/SOURCE.txt")));
        assertArrayEquals(cyclingBefore, Files.readAllBytes(snapshot.resolve("amenagements-cyclables/schema.json")));
    }

    @Test
    void aCatalogueThatIsDownOrBrokenChangesNothing() throws IOException {
        server.serve("/schemas/schemas.json", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, SnapshotRefresh.run(new String[] {"--catalogue", base + "/schemas/schemas.json", "--dir",
                snapshot.toString()}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not be read, nothing changed"));

        server.stop();
        assertEquals(1, SnapshotRefresh.run(new String[] {"--catalogue", base + "/schemas/schemas.json", "--dir",
                snapshot.toString()}, System.out, System.err));
        assertArrayEquals(shipped("stationnement-cyclable/schema.json"),
                Files.readAllBytes(snapshot.resolve("stationnement-cyclable/schema.json")));
        assertEquals(2, SnapshotRefresh.run(new String[] {"--dir", snapshot.resolve("absent").toString()},
                System.out, System.err));
    }

    private static byte[] shipped(String path) throws IOException {
        try (InputStream in = SnapshotRefreshTest.class.getClassLoader()
                .getResourceAsStream(SchemaCatalog.SHIPPED_ROOT + path)) {
            return in.readAllBytes();
        }
    }
}
