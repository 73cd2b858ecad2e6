package fr.passerelle.staff.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A webhook as an administrator reads it: its address, whether it is sent to and why not, how its last delivery went. */
public record WebhookLine(String id, String url, boolean enabled, String state, String badge, String reason,
                          int failures, String failuresText, String created, String lastDelivery) {

    static WebhookLine of(Api.Webhook webhook) {
        boolean enabled = webhook.enabled();
        String reason = enabled || webhook.disabledReason() == null || webhook.disabledReason().isBlank()
                ? null : webhook.disabledReason();
        int failures = Math.max(0, webhook.consecutiveFailures());
        return new WebhookLine(webhook.id(), webhook.url(), enabled, enabled ? "Actif" : "Désactivé",
                enabled ? "fr-badge--success" : "fr-badge--error", reason, failures, failures(failures),
                Labels.when(webhook.createdAt()), lastDelivery(webhook.lastDelivery()));
    }

    static String failures(int count) {
        return switch (count) {
            case 0 -> "aucun";
            case 1 -> "1 échec";
            default -> count + " échecs";
        };
    }

    /**
     * The last delivery as the service sends it: its status (notification-service today), or a date, or a delivery
     * with its dates and status (the delivery log's fields).
     */
    static String lastDelivery(JsonNode last) {
        if (last == null || last.isNull() || last.isMissingNode()) {
            return "Aucune";
        }
        if (last.isTextual()) {
            // notification-service sends the latest delivery's status (PENDING, SENDING, DELIVERED, FAILED).
            return instant(last.asText()).map(Labels::when).orElseGet(() -> DeliveryLine.state(last.asText()).label());
        }
        String when = instant(text(last, "deliveredAt")).or(() -> instant(text(last, "createdAt")))
                .map(Labels::when).orElse("");
        String status = text(last, "status");
        String state = status == null ? "" : DeliveryLine.state(status).label();
        return when.isEmpty() && state.isEmpty() ? "Aucune" : (when + (state.isEmpty() || when.isEmpty() ? "" : " — ") + state);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static java.util.Optional<Instant> instant(String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
