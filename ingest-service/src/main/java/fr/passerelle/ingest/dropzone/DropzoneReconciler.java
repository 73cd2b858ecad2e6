package fr.passerelle.ingest.dropzone;

import fr.passerelle.platform.db.AdvisoryLocks;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.storage.StoredObject;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ObjectStore store;
    private final StorageConfig storage;
    private final DropIngestor ingestor;
    private final AdvisoryLocks locks;
    private final Duration grace;

    public DropzoneReconciler(ObjectStore store, StorageConfig storage, DropIngestor ingestor, AdvisoryLocks locks,
                              @ConfigProperty(name = "passerelle.dropzone.grace", defaultValue = "5s") Duration grace) {
        this.store = store;
        this.storage = storage;
        this.ingestor = ingestor;
        this.locks = locks;
        this.grace = grace;
    }

    @Scheduled(every = "${passerelle.dropzone.interval:30s}", delayed = "${passerelle.dropzone.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        // One instance at a time, for the whole pass.
        try {
            locks.ifFree("dropzone-reconciler", () -> {
                pass();
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Dropzone reconciliation failed, will retry: %s", e.getMessage());
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
