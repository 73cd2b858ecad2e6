package fr.passerelle.catalog.publication;

import fr.passerelle.catalog.version.Versions;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records what became of each publication request: the version's state, on the event's Vert.x context, in the
 * reactive transaction that records the event.
 */
@ApplicationScoped
public class PublicationOutcomeConsumer {

    private static final Subscription<PublicationCompleted> COMPLETED = Subscription.of("catalog-publications",
            EventType.PUBLICATION_COMPLETED, PublicationCompleted.class);
    private static final Subscription<PublicationFailed> FAILED = Subscription.of("catalog-publications",
            EventType.PUBLICATION_FAILED, PublicationFailed.class);

    private final Versions versions;
    private final EventConsumers consumers;

    public PublicationOutcomeConsumer(Versions versions, EventConsumers consumers) {
        this.versions = versions;
        this.consumers = consumers;
    }

    @Incoming("publication-completed")
    public Uni<Void> onCompleted(ConsumerRecord<String, String> record) {
        return consumers.consume(COMPLETED, record, done ->
                versions.markPublished(done.organization(), done.dataset(), done.version(), done.publicUrl()));
    }

    @Incoming("publication-failed")
    public Uni<Void> onFailed(ConsumerRecord<String, String> record) {
        return consumers.consume(FAILED, record, failed ->
                versions.markFailed(failed.organization(), failed.dataset(), failed.version(), failed.reason()));
    }
}
