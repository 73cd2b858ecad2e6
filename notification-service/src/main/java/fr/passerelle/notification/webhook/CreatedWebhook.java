package fr.passerelle.notification.webhook;

import java.util.UUID;

/** A new webhook, with its signing secret: the only time the secret is shown. */
public record CreatedWebhook(UUID id, String url, String secret) {
}
