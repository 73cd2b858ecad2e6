package fr.passerelle.notification.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook as the Webhooks page lists it: never its secret.
 *
 * @param disabledReason      why Passerelle disabled it, in French; null while enabled
 * @param consecutiveFailures deliveries given up in a row since the last one that succeeded
 * @param lastDelivery        the status of its latest delivery (PENDING, SENDING, DELIVERED, FAILED), or null
 */
public record Webhook(UUID id, String url, boolean enabled, String disabledReason, int consecutiveFailures,
                      Instant createdAt, String lastDelivery) {
}
