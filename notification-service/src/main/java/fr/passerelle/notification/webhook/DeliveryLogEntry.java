package fr.passerelle.notification.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a webhook's delivery log.
 *
 * @param id             the {@code webhook-id} header the receiver saw
 * @param status         PENDING, SENDING, DELIVERED or FAILED
 * @param lastStatusCode the receiver's last HTTP status, or null when it could not be reached
 * @param lastError      why the last attempt failed, in French, or null
 * @param nextAttemptAt  when it is tried again, for a PENDING one; else null
 */
public record DeliveryLogEntry(UUID id, String eventType, String eventId, String status, int attempts,
                               Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt,
                               Instant nextAttemptAt) {
}
