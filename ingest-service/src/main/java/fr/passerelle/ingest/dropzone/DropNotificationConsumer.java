package fr.passerelle.ingest.dropzone;

import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The fast path for drops: the S3 server's bucket notifications. Notifications can be lost or
 * absent (S3Proxy sends none): {@link DropzoneReconciler} catches what this misses.
 */
@ApplicationScoped
public class DropNotificationConsumer {

    /**
     * Idempotency comes from the drop_object claim (one per object version, in the ingestor's own transactions), not
     * from an event id: S3 servers do not give notifications a stable id.
     */
    private static final Subscription<List<DetectedObject>> SUBSCRIPTION = Subscription.idempotentByItself(
            "ingest-drops", record -> BucketNotification.createdObjects(record.value()));

    private final DropIngestor ingestor;
    private final EventConsumers consumers;

    public DropNotificationConsumer(DropIngestor ingestor, EventConsumers consumers) {
        this.ingestor = ingestor;
        this.consumers = consumers;
    }

    @Incoming("drops")
    public Uni<Void> onNotification(ConsumerRecord<String, String> record) {
        // Downloads the dropped file and uploads it to the raw bucket: blocking, on a worker.
        return consumers.consume(SUBSCRIPTION, record, objects -> Work.blocking(() -> {
            objects.forEach(ingestor::ingest);
            return null;
        }));
    }
}
