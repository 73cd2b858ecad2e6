package fr.passerelle.notification.people;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** How each file came (a person's upload or a drop, its name): what a message about it says. */
@ApplicationScoped
public class UploadReceivedConsumer {

    private static final Subscription<UploadReceived> RECEIVED =
            Subscription.of("notify-upload-received", EventType.UPLOAD_RECEIVED, UploadReceived.class);

    private final EventConsumers consumers;
    private final Uploads uploads;

    public UploadReceivedConsumer(EventConsumers consumers, Uploads uploads) {
        this.consumers = consumers;
        this.uploads = uploads;
    }

    @Incoming("upload-received")
    public Uni<Void> onUploadReceived(ConsumerRecord<String, String> record) {
        return consumers.consume(RECEIVED, record, uploads::received);
    }
}
