package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.notification.outcome.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outcome outcome = new Outcome("e-42", "fr.passerelle.publication.completed.v1",
            "/passerelle/publish-service", "uploads/u-1", Instant.parse("2026-12-06T10:15:30Z"), "grenoble", "velos",
            "u-1", "{\"organization\":\"grenoble\",\"dataset\":\"velos\",\"version\":3}");

    @Test
    void anOutcomeBecomesAStructuredCloudEventWithItsPayloadAsJsonData() throws Exception {
        JsonNode event = JSON.readTree(WebhookEvents.of(outcome));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("e-42", event.get("id").asText());
        assertEquals("/passerelle/publish-service", event.get("source").asText());
        assertEquals("fr.passerelle.publication.completed.v1", event.get("type").asText());
        assertEquals("uploads/u-1", event.get("subject").asText());
        assertEquals("2026-12-06T10:15:30Z", event.get("time").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.get("data").isObject(), "data is the payload itself, not a string holding it");
        assertEquals(3, event.get("data").get("version").asInt());
        assertEquals("velos", event.get("data").get("dataset").asText());
    }

    @Test
    void anOutcomeWithoutSubjectHasNoSubjectAttribute() throws Exception {
        Outcome withoutSubject = new Outcome("e-43", outcome.ceType(), outcome.ceSource(), null, outcome.time(),
                "grenoble", "velos", null, "{}");
        assertFalse(JSON.readTree(WebhookEvents.of(withoutSubject)).has("subject"));
    }

    @Test
    void theSameOutcomeAlwaysGivesTheSameBytes() {
        assertEquals(WebhookEvents.of(outcome), WebhookEvents.of(outcome));
    }

    @Test
    void thePingIsAnEventOfItsOwnType() throws Exception {
        UUID webhook = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        JsonNode event = JSON.readTree(WebhookEvents.test(id, webhook, "grenoble", Instant.now()));
        assertEquals(WebhookEvents.TEST_TYPE, event.get("type").asText());
        assertEquals(id.toString(), event.get("id").asText());
        assertEquals("/passerelle/notification-service", event.get("source").asText());
        assertEquals(webhook.toString(), event.get("data").get("webhook").asText());
    }
}
