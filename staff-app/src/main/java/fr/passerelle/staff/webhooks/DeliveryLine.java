package fr.passerelle.staff.webhooks;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.Locale;
import java.util.Map;

/** One line of « Journal des livraisons »: when, which event, how it went, the receiver's HTTP code, tries, error. */
public record DeliveryLine(String when, String event, String eventId, String state, String badge, String code,
                           int attempts, String error) {

    /** A delivery's status in French, with the badge that colours it. */
    record State(String label, String badge) {
    }

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("webhook.test", "Test"),
            Map.entry("upload.received", "Fichier reçu"),
            Map.entry("upload.rejected", "Fichier refusé au contrôle"),
            Map.entry("upload.blocked", "Fichier bloqué : une décision attend"),
            Map.entry("upload.failed", "Traitement d'un fichier interrompu"),
            Map.entry("quality.checked", "Fichier contrôlé"),
            Map.entry("version.recorded", "Version enregistrée"),
            Map.entry("approval.awaiting", "Version en attente d'approbation"),
            Map.entry("publication.requested", "Publication demandée"),
            Map.entry("publication.completed", "Publication réussie"),
            Map.entry("publication.failed", "Publication échouée"));

    static DeliveryLine of(Api.WebhookDelivery delivery) {
        State state = state(delivery.status());
        String when = Labels.when(delivery.createdAt());
        // Waiting after a failed attempt: the next one is what the administrator wants to know.
        if ("PENDING".equalsIgnoreCase(delivery.status()) && delivery.attempts() > 0) {
            state = new State("Nouvel essai prévu" + (delivery.nextAttemptAt() == null ? ""
                    : " le " + Labels.when(delivery.nextAttemptAt())), "fr-badge--warning");
        }
        String error = delivery.lastError() == null || delivery.lastError().isBlank() ? "—" : delivery.lastError();
        return new DeliveryLine(when, event(delivery.eventType()), delivery.eventId(), state.label(), state.badge(),
                delivery.lastStatusCode() == null ? "—" : String.valueOf(delivery.lastStatusCode()),
                delivery.attempts(), error);
    }

    /** The event in French: its CloudEvents type ({@code fr.passerelle.publication.completed.v1}) or short code. */
    static String event(String type) {
        if (type == null || type.isBlank()) {
            return "—";
        }
        String code = type.replaceFirst("^fr\\.passerelle\\.", "").replaceFirst("\\.v\\d+$", "");
        return EVENTS.getOrDefault(code, type);
    }

    /** notification-service's statuses (PENDING, SENDING, DELIVERED, FAILED); another one is shown as it comes. */
    static State state(String status) {
        String code = status == null ? "" : status.toUpperCase(Locale.ROOT);
        return switch (code) {
            case "DELIVERED" -> new State("Livrée", "fr-badge--success");
            case "PENDING" -> new State("En attente", "fr-badge--info");
            case "SENDING" -> new State("Envoi en cours", "fr-badge--info");
            case "FAILED" -> new State("Échec", "fr-badge--error");
            case "" -> new State("—", "");
            default -> new State(status, "");
        };
    }
}
