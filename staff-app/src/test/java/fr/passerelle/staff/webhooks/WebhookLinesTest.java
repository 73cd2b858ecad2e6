package fr.passerelle.staff.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.passerelle.staff.services.Api;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A webhook and its deliveries as an administrator reads them: in French, nothing technical left bare. */
class WebhookLinesTest {

    private static final Instant NOON = Instant.parse("2026-12-06T11:00:00Z");

    @Test
    void aDisabledWebhookSaysWhyAndHowManyTimesItFailed() throws Exception {
        Api.Webhook webhook = new Api.Webhook("w1", "https://sig.ville.fr/hook", false,
                "Désactivé après 5 livraisons échouées de suite.", 5, NOON, null);

        WebhookLine line = WebhookLine.of(webhook);

        assertEquals("Désactivé", line.state());
        assertEquals("fr-badge--error", line.badge());
        assertEquals("Désactivé après 5 livraisons échouées de suite.", line.reason());
        assertEquals("5 échecs", line.failuresText());
        assertEquals("Aucune", line.lastDelivery());
        assertEquals("6 décembre 2026 à 12h00", line.created());
    }

    @Test
    void anActiveWebhookHasNoReasonEvenIfTheServiceKeptTheOldOne() {
        WebhookLine line = WebhookLine.of(new Api.Webhook("w1", "https://sig.ville.fr/hook", true, "ancienne raison", 0,
                NOON, TextNode.valueOf("2026-12-06T11:30:00Z")));

        assertEquals("Actif", line.state());
        assertNull(line.reason());
        assertEquals("aucun", line.failuresText());
        assertEquals("6 décembre 2026 à 12h30", line.lastDelivery());
    }

    @Test
    void theLastDeliveryMayComeAsADeliveryWithItsStatus() throws Exception {
        var last = new ObjectMapper().readTree("{\"status\":\"FAILED\",\"createdAt\":\"2026-12-06T11:30:00Z\"}");

        assertEquals("6 décembre 2026 à 12h30 — Échec", WebhookLine.lastDelivery(last));
        assertEquals("Livrée", WebhookLine.lastDelivery(TextNode.valueOf("DELIVERED")), "as notification-service sends it");
        assertEquals("1 échec", WebhookLine.failures(1));
    }

    @Test
    void aDeliveryLineNamesTheEventAndTheOutcomeInFrench() {
        DeliveryLine delivered = DeliveryLine.of(new Api.WebhookDelivery("fr.passerelle.webhook.test.v1", "e1", "DELIVERED",
                1, 204, null, NOON, NOON, null));

        assertEquals("Test", delivered.event());
        assertEquals("Livrée", delivered.state());
        assertEquals("fr-badge--success", delivered.badge());
        assertEquals("204", delivered.code());
        assertEquals("—", delivered.error());
    }

    @Test
    void aDeliveryWaitingAfterAFailureSaysWhenItIsTriedAgain() {
        DeliveryLine retrying = DeliveryLine.of(new Api.WebhookDelivery("fr.passerelle.publication.failed.v1", "e2",
                "PENDING", 2, 503, "Le destinataire a répondu 503.", NOON, null, Instant.parse("2026-12-06T11:02:00Z")));

        assertEquals("Publication échouée", retrying.event());
        assertEquals("Nouvel essai prévu le 6 décembre 2026 à 12h02", retrying.state());
        assertEquals("fr-badge--warning", retrying.badge());
        assertEquals("Le destinataire a répondu 503.", retrying.error());
        assertEquals("En attente", DeliveryLine.of(new Api.WebhookDelivery("x", "e3", "PENDING", 0, null, null, NOON,
                null, NOON)).state());
    }

    @Test
    void anUnknownEventOrStatusIsShownAsItComes() {
        assertEquals("fr.passerelle.dataset.archived.v1", DeliveryLine.event("fr.passerelle.dataset.archived.v1"));
        assertEquals("Fichier contrôlé", DeliveryLine.event("fr.passerelle.quality.checked.v1"));
        assertEquals("PAUSED", DeliveryLine.state("PAUSED").label());
        assertTrue(DeliveryLine.state("FAILED").badge().contains("error"));
    }
}
