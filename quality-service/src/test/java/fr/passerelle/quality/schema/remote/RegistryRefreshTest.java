package fr.passerelle.quality.schema.remote;

import fr.passerelle.quality.engine.LocalHttpFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.schema.Schemas;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as the service starts it: the shipped snapshot, refreshed from a catalogue that a local server serves
 * (schema.data.gouv.fr's format) when it answers; kept as it was when the server is down or answers nonsense.
 */
class RegistryRefreshTest {

    private static final String CATALOGUE = "/schemas/schemas.json";
    private static final String SCHEMA = "/schemas/etalab/schema-stationnement-cyclable/9.0.0/schema.json";

    private LocalHttpFiles server;

    private URI start() throws IOException {
        server = LocalHttpFiles.start();
        String base = server.base();
        server.serve(CATALOGUE, ("""
                {"schemas": [{"name": "etalab/schema-stationnement-cyclable", "title": "Stationnement cyclable",
                  "schema_type": "tableschema", "schema_url": "%1$s%2$s",
                  "versions": [{"version_name": "9.0.0", "schema_url": "%1$s%2$s"}]}]}
                """.formatted(base, SCHEMA)).getBytes(StandardCharsets.UTF_8));
        server.serve(SCHEMA, """
                {"name": "schema-stationnement-cyclable", "title": "Stationnement cyclable (catalogue)",
                 "version": "9.0.0", "fields": [{"name": "id_local"}, {"name": "nom"}]}
                """.getBytes(StandardCharsets.UTF_8));
        return URI.create(base + CATALOGUE);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theRegistryRefreshesWhenTheCatalogueAnswersAndKeepsWhatItHasWhenItIsDownOrBroken(@TempDir Path cache)
            throws IOException {
        URI url = start();
        Schemas schemas = new Schemas(organization -> List.of());
        SchemaSummary shippedBikes = summary(schemas, "stationnement-cyclable");
        assertEquals("1.1.2", shippedBikes.version(), "the shipped snapshot before any refresh");
        int shippedCount = schemas.list().size();

        CatalogueRefresher refresher = new CatalogueRefresher(schemas, Optional.of(url), cache, Duration.ofSeconds(5));
        refresher.refresh();
        assertEquals(new SchemaSummary("stationnement-cyclable", "Stationnement cyclable (catalogue)", "9.0.0", 2),
                summary(schemas, "stationnement-cyclable"), "the catalogue's version replaces the shipped one");
        assertEquals(shippedCount, schemas.list().size(), "the other shipped schemas stay");

        server.stop();
        server = null;
        long before = System.nanoTime();
        refresher.refresh();
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 5, "a server that is down fails fast");
        assertEquals("9.0.0", summary(schemas, "stationnement-cyclable").version(), "the cached copy serves");
        assertEquals(shippedCount, schemas.list().size());

        URI again = start();
        server.serve(CATALOGUE, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        new CatalogueRefresher(schemas, Optional.of(again), cache, Duration.ofSeconds(5)).refresh();
        assertEquals("9.0.0", summary(schemas, "stationnement-cyclable").version(), "a broken answer changes nothing");
        assertEquals(shippedCount, schemas.list().size());
    }

    @Test
    void withACatalogueThatNeverAnsweredTheShippedSnapshotServes(@TempDir Path cache) {
        Schemas schemas = new Schemas(organization -> List.of());
        // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
        CatalogueRefresher refresher = new CatalogueRefresher(schemas,
                Optional.of(URI.create("http://127.0.0.1:9/schemas.json")), cache, Duration.ofSeconds(2));
        refresher.onStart(null);
        refresher.refresh();

        assertEquals(SchemaCatalog.shipped().list(), schemas.list());
        assertTrue(schemas.list().size() >= 14, schemas.list()::toString);
        assertEquals("geojson", summary(schemas, "amenagements-cyclables").kind());
    }

    private static SchemaSummary summary(Schemas schemas, String name) {
        return schemas.list().stream().filter(summary -> summary.name().equals(name)).findFirst().orElseThrow();
    }
}
