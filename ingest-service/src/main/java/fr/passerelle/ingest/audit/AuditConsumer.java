package fr.passerelle.ingest.audit;

import fr.passerelle.platform.resilience.TransientFailures;
import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.platform.inbox.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Collects the audit entries every service sends, so that an organisation's admins read one log.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final String CONSUMER = "ingest-audit";

    private final AuditLog log;
    private final ProcessedEvents processed;

    public AuditConsumer(AuditLog log, ProcessedEvents processed) {
        this.log = log;
        this.processed = processed;
    }

    @Incoming("audit")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onAuditRecorded(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("audit entry " + record.topic() + "@" + record.offset(),
                () -> processed.firstDelivery(CONSUMER, record, EventType.AUDIT_RECORDED, AuditRecorded.class)
                        .ifPresent(entry -> log.add(entry, sourceOf(record))));
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
