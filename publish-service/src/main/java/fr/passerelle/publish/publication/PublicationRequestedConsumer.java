package fr.passerelle.publish.publication;

import fr.passerelle.platform.resilience.TransientFailures;
import java.time.Duration;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.inbox.ProcessedEvents;
import fr.passerelle.platform.inbox.ReceivedEvent;
import fr.passerelle.platform.outbox.Outbox;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.storage.StorageException;
import fr.passerelle.publish.remote.RemotePublications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Publishes a version on the embedded portal: the clean file is copied to the public bucket under
 * a key of its own version, so a publication never overwrites what another one serves.
 */
@ApplicationScoped
public class PublicationRequestedConsumer {

    private static final Logger LOG = Logger.getLogger(PublicationRequestedConsumer.class);
    private static final String CONSUMER = "publish-portal";

    private final ObjectStore store;
    private final StorageConfig storage;
    private final Publications publications;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final String portalBaseUrl;
    private final RemotePublications remote;

    public PublicationRequestedConsumer(ObjectStore store, StorageConfig storage, Publications publications,
                                        ProcessedEvents processed, Outbox outbox,
                                        @ConfigProperty(name = "passerelle.portal.base-url") String portalBaseUrl,
                                        RemotePublications remote) {
        this.store = store;
        this.storage = storage;
        this.publications = publications;
        this.processed = processed;
        this.outbox = outbox;
        this.portalBaseUrl = portalBaseUrl;
        this.remote = remote;
    }

    @Incoming("publication-requested")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onPublicationRequested(ConsumerRecord<String, String> record) throws Exception {
        var event = ReceivedEvent.decode(record, EventType.PUBLICATION_REQUESTED, PublicationRequested.class);
        if (processed.isProcessed(CONSUMER, event.id())) {
            return;
        }
        PublicationRequested request = event.payload();
        if (request.clean() == null) {
            throw new MalformedEventException("publication.requested without a clean object");
        }
        ObjectRef published;
        try {
            // S3 away for a while: wait it out (copying the file again is harmless) rather than fail the version.
            published = TransientFailures.retry("publication of " + request.key() + " v" + request.version(),
                    Duration.ofMinutes(2), () -> publishFile(request));
        } catch (StorageException e) {
            LOG.warnf("Publication of %s v%d failed: %s", request.key(), request.version(), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.markProcessed(CONSUMER, event.id())) {
                    outbox.publish(new PublicationFailed(request.uploadId(), request.organization(),
                            request.dataset(), request.version(),
                            "Le fichier n'a pas pu être copié vers l'espace public (stockage indisponible).",
                            Instant.now()));
                }
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.markProcessed(CONSUMER, event.id())) {
                publications.record(request, published);
                outbox.publish(new PublicationCompleted(request.uploadId(), request.organization(),
                        request.dataset(), request.version(), latestUrl(request), Instant.now()));
            }
        });
        LOG.infof("Published %s version %d", request.key(), request.version());
        remote.publish(request, published);
    }

    /** Idempotent: publishing the same version twice writes the same object. */
    private ObjectRef publishFile(PublicationRequested request) {
        String key = request.organization() + "/" + request.dataset() + "/v" + request.version() + "/"
                + request.dataset() + ".csv";
        StorageException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return store.copy(request.clean(), storage.buckets().publicBucket(), key);
            } catch (StorageException e) {
                last = e;
                sleep(attempt * 1000L);
            }
        }
        throw last;
    }

    private String latestUrl(PublicationRequested request) {
        return portalBaseUrl + "/portal/" + request.organization() + "/" + request.dataset() + "/latest.csv";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
