package fr.passerelle.ingest.audit;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventType;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Collects the audit entries every service sends, so that an organisation's admins read one log.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final Subscription<AuditRecorded> SUBSCRIPTION =
            Subscription.of("ingest-audit", EventType.AUDIT_RECORDED, AuditRecorded.class);

    private final AuditLog log;
    private final EventConsumers consumers;

    public AuditConsumer(AuditLog log, EventConsumers consumers) {
        this.log = log;
        this.consumers = consumers;
    }

    @Incoming("audit")
    public Uni<Void> onAuditRecorded(ConsumerRecord<String, String> record) {
        return consumers.consume(SUBSCRIPTION, record, entry -> log.add(entry, sourceOf(record)).replaceWithVoid());
    }

    /** The recording service's name, from {@code ce_source} ({@code /passerelle/catalog-service}). */
    private static String sourceOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.SOURCE);
        if (header == null || header.value() == null) {
            return null;
        }
        String source = new String(header.value(), StandardCharsets.UTF_8);
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
