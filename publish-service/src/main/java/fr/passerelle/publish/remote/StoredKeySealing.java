package fr.passerelle.publish.remote;

import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.reactive.FromWorker;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * At every start (after Flyway), seals the API keys that databases of older versions hold in clear:
 * no migration script can do it, as the key is configuration, not schema.
 */
@Singleton
public class StoredKeySealing {

    private static final Logger LOG = Logger.getLogger(StoredKeySealing.class);

    void onStart(@Observes StartupEvent start, RemoteTargets targets, Transactions transactions, FromWorker worker) {
        // The start runs on the main thread, which may wait: the reactive transaction runs on a Vert.x context.
        int sealed = worker.await(() -> transactions.inTransaction(session -> targets.sealStoredKeys()));
        if (sealed > 0) {
            LOG.infof("Sealed %d portal API key(s) that were stored in clear or with a previous key", sealed);
        }
    }
}
