package fr.passerelle.publish.publication;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.FirstDelivery;
import fr.passerelle.platform.consumer.Subscription;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.storage.StorageException;
import fr.passerelle.publish.remote.RemotePublications;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final Subscription<PublicationRequested> SUBSCRIPTION =
            Subscription.of(CONSUMER, EventType.PUBLICATION_REQUESTED, PublicationRequested.class);

    private final ObjectStore store;
    private final StorageConfig storage;
    private final Publications publications;
    private final EventConsumers consumers;
    private final ReactiveOutbox outbox;
    private final String portalBaseUrl;
    private final RemotePublications remote;

    public PublicationRequestedConsumer(ObjectStore store, StorageConfig storage, Publications publications,
                                        EventConsumers consumers, ReactiveOutbox outbox,
                                        @ConfigProperty(name = "passerelle.portal.base-url") String portalBaseUrl,
                                        RemotePublications remote) {
        this.store = store;
        this.storage = storage;
        this.publications = publications;
        this.consumers = consumers;
        this.outbox = outbox;
        this.portalBaseUrl = portalBaseUrl;
        this.remote = remote;
    }

    @Incoming("publication-requested")
    public Uni<Void> onPublicationRequested(ConsumerRecord<String, String> record) {
        return consumers.consumeInSteps(SUBSCRIPTION, record, this::publish);
    }

    /**
     * The copy to the public bucket, its outcome recorded and announced, then the remote portals. The copy is tried
     * by the project's retry policy; an object store that still fails it then (away beyond the patience, or
     * answering that the clean file is not there) fails the publication, announced rather than dead-lettered: the
     * version is told « stockage indisponible ».
     *
     * <p>Where each step runs: the copy on a worker ({@link Work#blocking}, the object store blocks); the outcome's
     * writes (the publication row, its event in the outbox, the processed-event record) on the event's Vert.x
     * context, in one Hibernate Reactive transaction; the remote portals on a worker again.
     */
    private Uni<Void> publish(PublicationRequested request, FirstDelivery delivery) {
        if (request.clean() == null) {
            throw new MalformedEventException("publication.requested without a clean object");
        }
        String what = "publication of " + request.key() + " v" + request.version();
        // An attempt after a delay resumes on the event's Vert.x context, where the outcome's reactive transaction
        // must run (a delay fires on some event loop, and the default would be a worker).
        Context context = Vertx.currentContext();
        Executor events = context == null ? Infrastructure.getDefaultWorkerPool()
                : command -> context.runOnContext(ignored -> command.run());
        return consumers.retries().patiently(CONSUMER, what, () -> Work.blocking(() -> publishFile(request)), events)
                .map(Copy::done)
                .onFailure(StorageException.class).recoverWithItem(failure -> {
                    LOG.warnf("Publication of %s v%d failed: %s", request.key(), request.version(), failure.getMessage());
                    return Copy.FAILED;
                })
                .chain(copy -> delivery.record(() -> recordOutcome(request, copy))
                        .chain(first -> {
                            if (!first || copy.published() == null) {
                                return Uni.createFrom().voidItem();
                            }
                            LOG.infof("Published %s version %d", request.key(), request.version());
                            // Remote portals answer over HTTP, slowly: on a worker, explicitly. Their own retries and
                            // outcome per target are RemotePublications' (a portal away is no outage of ours).
                            return Work.blocking(() -> {
                                remote.publish(request, copy.published());
                                return null;
                            });
                        }))
                .replaceWithVoid();
    }

    /** The copy's outcome: the published object, or null when the object store failed it. */
    private record Copy(ObjectRef published) {
        static final Copy FAILED = new Copy(null);

        static Copy done(ObjectRef published) {
            return new Copy(published);
        }
    }

    /** The outcome and its announcement, in the caller's transaction (the one that records the event). */
    private Uni<Void> recordOutcome(PublicationRequested request, Copy copy) {
        if (copy.published() == null) {
            return outbox.publish(new PublicationFailed(request.uploadId(), request.organization(), request.dataset(),
                    request.version(), "Le fichier n'a pas pu être copié vers l'espace public (stockage indisponible).",
                    Instant.now())).replaceWithVoid();
        }
        // Built now, on the thread that took the event's trace (see ReactiveOutbox#publish).
        Uni<java.util.UUID> announced = outbox.publish(new PublicationCompleted(request.uploadId(),
                request.organization(), request.dataset(), request.version(), latestUrl(request), Instant.now()));
        return publications.record(request, copy.published()).chain(() -> announced).replaceWithVoid();
    }

    /** Idempotent: publishing the same version twice writes the same object. */
    private ObjectRef publishFile(PublicationRequested request) {
        String key = request.organization() + "/" + request.dataset() + "/v" + request.version() + "/"
                + request.dataset() + ".csv";
        return store.copy(request.clean(), storage.buckets().publicBucket(), key);
    }

    private String latestUrl(PublicationRequested request) {
        return portalBaseUrl + "/portal/" + request.organization() + "/" + request.dataset() + "/latest.csv";
    }
}
