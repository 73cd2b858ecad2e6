package fr.passerelle.notification.people;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the messages need to know beside the outcomes: who worked on each dataset (the audit log), and how each file
 * came (its {@code upload.received}).
 */
@ApplicationScoped
public class PeopleConsumers {

    private static final Subscription<AuditRecorded> AUDIT =
            Subscription.of("notify-audit", EventType.AUDIT_RECORDED, AuditRecorded.class);
    private static final Subscription<UploadReceived> RECEIVED =
            Subscription.of("notify-upload-received", EventType.UPLOAD_RECEIVED, UploadReceived.class);

    private final EventConsumers consumers;
    private final Contributors contributors;
    private final Uploads uploads;

    public PeopleConsumers(EventConsumers consumers, Contributors contributors, Uploads uploads) {
        this.consumers = consumers;
        this.contributors = contributors;
        this.uploads = uploads;
    }

    @Incoming("audit")
    public Uni<Void> onAudit(ConsumerRecord<String, String> record) {
        return consumers.consume(AUDIT, record, entry -> {
            // A person's action on a dataset; not the machine's (« dépôt automatique »), nor the organisation's settings.
            if (entry.dataset() == null || entry.actor() == null || !entry.actor().contains("@")) {
                return Uni.createFrom().voidItem();
            }
            return contributors.acted(entry.organization(), entry.dataset(), entry.actor(), entry.occurredAt());
        });
    }

    @Incoming("upload-received")
    public Uni<Void> onUploadReceived(ConsumerRecord<String, String> record) {
        return consumers.consume(RECEIVED, record, uploads::received);
    }
}
