package fr.passerelle.notification.webhook;

import fr.passerelle.notification.outcome.Outcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deliveries of an outcome to its organisation's webhooks, written in the transaction that records the event.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** In the caller's transaction: one delivery per enabled webhook of the outcome's organisation. */
    public Uni<Void> enqueue(Outcome outcome) {
        return Uni.createFrom().voidItem();
    }
}
