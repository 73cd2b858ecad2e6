package fr.passerelle.notification.webhook;

/** A webhook's new signing secret, shown once; the previous one still signs for 24 hours. */
public record NewSecret(String secret) {
}
