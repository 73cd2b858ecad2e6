package fr.passerelle.ingest.dropzone;

import io.agroal.api.AgroalDataSource;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.storage.StoredObject;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lists the dropzone periodically (and once at start-up) and feeds what no notification brought.
 * Objects younger than a grace period are left to their notification, so the two paths rarely
 * race (and when they do, the drop claim makes one of them a no-op).
 */
@ApplicationScoped
public class DropzoneReconciler {

    private static final Logger LOG = Logger.getLogger(DropzoneReconciler.class);
    /** Any constant will do: it names the reconciler's lock among all of the schema's advisory locks. */
    private static final long LOCK_ID = 0x5041535345524cL;

    private final ObjectStore store;
    private final StorageConfig storage;
    private final DropIngestor ingestor;
    private final AgroalDataSource dataSource;
    private final Duration grace;

    public DropzoneReconciler(ObjectStore store, StorageConfig storage, DropIngestor ingestor, AgroalDataSource dataSource,
                              @ConfigProperty(name = "passerelle.dropzone.grace", defaultValue = "5s") Duration grace) {
        this.store = store;
        this.storage = storage;
        this.ingestor = ingestor;
        this.dataSource = dataSource;
        this.grace = grace;
    }

    @Scheduled(every = "${passerelle.dropzone.interval:30s}", delayed = "${passerelle.dropzone.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        // One instance at a time: a PostgreSQL session advisory lock, held on a connection of its own
        // for the pass (and released by the server if this instance dies).
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return;
            }
            try {
                pass();
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Dropzone reconciliation failed, will retry: %s", e.getMessage());
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_ID);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void pass() {
        Instant settled = Instant.now().minus(grace);
        int fed = 0;
        for (StoredObject object : store.list(storage.buckets().dropzone())) {
            if (DropKey.isRejected(object.key())
                    || (object.lastModified() != null && object.lastModified().isAfter(settled))) {
                continue;
            }
            try {
                if (ingestor.ingest(new DetectedObject(object.bucket(), object.key(), object.etag(), object.size(),
                        "reconciler")).isPresent()) {
                    fed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Drop %s could not be handled, will retry: %s", object.key(), e.getMessage());
            }
        }
        if (fed > 0) {
            LOG.infof("Dropzone reconciliation fed %d drops", fed);
        }
    }
}
