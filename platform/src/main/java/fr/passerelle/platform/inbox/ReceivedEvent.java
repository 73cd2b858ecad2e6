package fr.passerelle.platform.inbox;

import fr.passerelle.platform.tracing.TraceContext;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.TopicEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka (binary mode): its id, for idempotency, and its typed payload.
 */
public record ReceivedEvent<T extends TopicEvent>(String id, String type, T payload) {

    /**
     * @throws MalformedEventException when the record is not a CloudEvent of the expected type:
     *                                 such a message goes to the dead-letter topic
     */
    public static <T extends TopicEvent> ReceivedEvent<T> decode(ConsumerRecord<String, String> record,
                                                                    EventType expected,
                                                                    Class<T> payloadType) {
        TraceContext.received(record);
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("Missing ce_id header");
        }
        if (!expected.ceType().equals(type)) {
            throw new MalformedEventException("Expected ce_type " + expected.ceType() + " but got " + type);
        }
        if (record.value() == null) {
            throw new MalformedEventException("Empty payload");
        }
        return new ReceivedEvent<>(id, type, EventJson.read(record.value(), payloadType));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
