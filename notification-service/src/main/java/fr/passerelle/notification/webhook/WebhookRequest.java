package fr.passerelle.notification.webhook;

/** What an admin gives to make a webhook: the HTTPS address that will receive the events. */
public record WebhookRequest(String url) {
}
