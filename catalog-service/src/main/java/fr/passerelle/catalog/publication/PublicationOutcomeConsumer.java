package fr.passerelle.catalog.publication;

import fr.passerelle.platform.resilience.TransientFailures;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.platform.inbox.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records what became of each publication request. */
@ApplicationScoped
public class PublicationOutcomeConsumer {

    private static final String CONSUMER = "catalog-publications";

    private final Versions versions;
    private final ProcessedEvents processed;

    public PublicationOutcomeConsumer(Versions versions, ProcessedEvents processed) {
        this.versions = versions;
        this.processed = processed;
    }

    @Incoming("publication-completed")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCompleted(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onCompleted " + record.topic() + "@" + record.offset(), () -> {
            processed.firstDelivery(CONSUMER, record, EventType.PUBLICATION_COMPLETED, PublicationCompleted.class)
                    .ifPresent(done -> versions.markPublished(done.organization(), done.dataset(), done.version(),
                            done.publicUrl()));
        });
    }

    @Incoming("publication-failed")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onFailed(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onFailed " + record.topic() + "@" + record.offset(), () -> {
            processed.firstDelivery(CONSUMER, record, EventType.PUBLICATION_FAILED, PublicationFailed.class)
                    .ifPresent(failed -> versions.markFailed(failed.organization(), failed.dataset(), failed.version(),
                            failed.reason()));
        });
    }
}
