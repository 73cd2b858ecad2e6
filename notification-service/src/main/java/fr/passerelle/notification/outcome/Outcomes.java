package fr.passerelle.notification.outcome;

import fr.passerelle.notification.mail.Letter;
import fr.passerelle.notification.mail.Messages;
import fr.passerelle.notification.people.Recipients;
import fr.passerelle.notification.webhook.WebhookDeliveries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the people and the systems who must know of an outcome, in the transaction that records its event: the
 * messages to the kind's audience, the deliveries to the organisation's webhooks. Both are sent after commit.
 */
@ApplicationScoped
public class Outcomes {

    private final Recipients recipients;
    private final Messages messages;
    private final WebhookDeliveries webhooks;

    public Outcomes(Recipients recipients, Messages messages, WebhookDeliveries webhooks) {
        this.recipients = recipients;
        this.messages = messages;
        this.webhooks = webhooks;
    }

    /** E-mail to the kind's audience; {@code eventId} and the kind make the outcome one. */
    public Uni<Void> tell(MessageKind kind, String eventId, String organization, String dataset, Letter letter) {
        return recipients.of(kind, organization, dataset).chain(to ->
                messages.write(kind, kind.code() + ":" + eventId, organization, dataset, letter, to));
    }

    /** The organisation's webhooks receive the outcome's event. */
    public Uni<Void> announce(Outcome outcome) {
        return webhooks.enqueue(outcome);
    }
}
