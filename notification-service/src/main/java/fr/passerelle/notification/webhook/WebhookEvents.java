package fr.passerelle.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.notification.outcome.Outcome;
import java.time.Instant;
import java.util.UUID;

/**
 * What a webhook receives: the outcome's event as a CloudEvent 1.0 in structured mode ({@code
 * application/cloudevents+json}), the same id, type, source and subject as on Kafka, with the event's payload as
 * {@code data} (a JSON object, not a string). Written once, when the delivery is, and sent as written: the bytes
 * signed are the bytes stored.
 */
public final class WebhookEvents {

    /** The media type of a structured-mode CloudEvent in JSON. */
    public static final String MEDIA_TYPE = "application/cloudevents+json";
    /** The type of the ping an admin sends from the Webhooks page. */
    public static final String TEST_TYPE = "fr.passerelle.webhook.test.v1";
    static final String OWN_SOURCE = "/passerelle/notification-service";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {
    }

    public static String of(Outcome outcome) {
        return write(outcome.eventId(), outcome.ceSource() == null ? OWN_SOURCE : outcome.ceSource(),
                outcome.ceType(), outcome.ceSubject(), outcome.time() == null ? Instant.now() : outcome.time(),
                parse(outcome.data()));
    }

    /** The ping: nothing happened, the receiver learns that it is reached and that the signature verifies. */
    public static String test(UUID eventId, UUID webhookId, String organization, Instant time) {
        ObjectNode data = JSON.createObjectNode();
        data.put("organization", organization);
        data.put("webhook", webhookId.toString());
        data.put("message", "Message de test envoyé depuis la page Webhooks de Passerelle.");
        return write(eventId.toString(), OWN_SOURCE, TEST_TYPE, "webhooks/" + webhookId, time, data);
    }

    private static String write(String id, String source, String type, String subject, Instant time, JsonNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CloudEvent could not be written", e);
        }
    }

    /** The payload as it travelled; it was decoded by the consumer already, so it is JSON. */
    private static JsonNode parse(String data) {
        if (data == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An outcome's payload is not JSON", e);
        }
    }
}
