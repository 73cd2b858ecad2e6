package fr.passerelle.ingest.dropzone;

import fr.passerelle.contracts.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The fast path for drops: the S3 server's bucket notifications. Notifications can be lost or
 * absent (S3Proxy sends none): {@link DropzoneReconciler} catches what this misses.
 */
@ApplicationScoped
public class DropNotificationConsumer {

    private final DropIngestor ingestor;

    public DropNotificationConsumer(DropIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Incoming("drops")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 1000, abortOn = MalformedEventException.class)
    public void onNotification(ConsumerRecord<String, String> record) {
        // Idempotency comes from the drop_object claim (one per object version), not from an event id:
        // S3 servers do not give notifications a stable id.
        BucketNotification.createdObjects(record.value()).forEach(ingestor::ingest);
    }
}
