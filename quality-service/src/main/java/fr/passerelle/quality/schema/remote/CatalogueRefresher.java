package fr.passerelle.quality.schema.remote;

import fr.passerelle.quality.schema.Schemas;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the registry's national schemas in step with the schema.data.gouv.fr catalogue when
 * {@code passerelle.schemas.catalog-url} is set: the cache at start-up, then a fetch at start and every
 * {@code passerelle.schemas.refresh}. Nothing here stops the service: failures are logged and the cache serves.
 */
@ApplicationScoped
public class CatalogueRefresher {

    private static final Logger LOG = Logger.getLogger(CatalogueRefresher.class);

    private final Schemas schemas;
    private final Optional<RemoteCatalogue> remote;

    public CatalogueRefresher(Schemas schemas,
                              @ConfigProperty(name = "passerelle.schemas.catalog-url") Optional<URI> catalogueUrl,
                              @ConfigProperty(name = "passerelle.schemas.cache-dir") Path cacheDir,
                              @ConfigProperty(name = "passerelle.schemas.fetch-timeout", defaultValue = "30s")
                              Duration timeout) {
        this.schemas = schemas;
        this.remote = catalogueUrl.map(url -> new RemoteCatalogue(url, cacheDir, timeout));
    }

    void onStart(@Observes StartupEvent start) {
        remote.ifPresent(catalogue -> useCache(catalogue, "start-up"));
    }

    @Scheduled(identity = "schema-catalogue", every = "${passerelle.schemas.refresh:24h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        remote.ifPresent(catalogue -> {
            try {
                RemoteCatalogue.Refresh refresh = catalogue.refresh();
                refresh.failures().forEach((name, reason) ->
                        LOG.warnf("Catalogue schema %s not refreshed, cached copy kept: %s", name, reason));
                LOG.infof("Schema catalogue refreshed: %d schemas fetched, %d failed, %d removed",
                        refresh.fetched().size(), refresh.failures().size(), refresh.removed().size());
            } catch (IOException e) {
                LOG.warnf("Schema catalogue not fetched, the cached or else the shipped schemas serve: %s", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            useCache(catalogue, "refresh");
        });
    }

    private void useCache(RemoteCatalogue catalogue, String when) {
        try {
            var cached = catalogue.cached();
            cached.rejectedSchemas().forEach((name, reason) -> LOG.warnf("Cached catalogue schema %s ignored: %s",
                    name, reason));
            schemas.useCatalogueSchemas(cached.schemas());
            LOG.infof("Registry at %s: %d national schemas", when, schemas.list().size());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Schema catalogue cache not read at %s: %s", when, e.toString());
        }
    }
}
