package fr.passerelle.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of event payloads, used by producers and consumers alike so that both sides
 * agree on dates (ISO-8601 strings) and tolerate fields added by a newer minor version.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(TopicEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws MalformedEventException when the JSON is not a valid payload of that type
     */
    public static <T extends TopicEvent> T read(String json, Class<T> type) {
        try {
            T event = MAPPER.readValue(json, type);
            if (event == null || !identified(event)) {
                throw new MalformedEventException("Payload lacks the fields that identify a "
                        + type.getSimpleName());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** The fields without which a consumer could not even tell what the event is about. */
    private static boolean identified(TopicEvent event) {
        if (event instanceof PipelineEvent pipeline) {
            return pipeline.uploadId() != null && pipeline.organization() != null && pipeline.dataset() != null;
        }
        if (event instanceof TokenRevoked revoked) {
            return revoked.tokenId() != null && revoked.expiresAt() != null && revoked.organization() != null;
        }
        AuditRecorded audit = (AuditRecorded) event;
        return audit.eventId() != null && audit.occurredAt() != null && audit.organization() != null
                && audit.actor() != null && audit.action() != null;
    }
}
