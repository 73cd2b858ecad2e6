package fr.passerelle.staff.webhooks;

import fr.passerelle.staff.administration.ShownOnce;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** A webhook's secret, at its creation or rotation, shown once on the page after the form ({@link ShownOnce}). */
@ApplicationScoped
public class FreshWebhookSecrets extends ShownOnce<FreshWebhookSecrets.Secret> {

    /** What the page shows: which webhook, its secret, and whether it replaces one (rotation). */
    public record Secret(String webhookId, String url, String secret, boolean replaced) {
    }

    public FreshWebhookSecrets() {
        super();
    }

    FreshWebhookSecrets(Clock clock) {
        super(clock);
    }
}
