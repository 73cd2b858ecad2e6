package fr.passerelle.notification.webhook;

import java.util.UUID;

/**
 * A delivery claimed for sending, with what sending it needs from its webhook.
 *
 * @param id             the {@code webhook-id} header: the same at every attempt
 * @param attempts       this attempt's number, from 1
 * @param secret         the webhook's secret, sealed
 * @param previousSecret the secret before the last rotation, sealed, while it still signs; else null
 */
public record ClaimedDelivery(UUID id, UUID webhookId, String eventType, String body, int attempts, String url,
                              String secret, String previousSecret) {

    /** An admin's ping: one attempt, and whatever its answer, no effect on the webhook's failure count. */
    public boolean isTest() {
        return WebhookEvents.TEST_TYPE.equals(eventType);
    }
}
