package fr.passerelle.notification.outcome;

import fr.passerelle.notification.mail.Letter;
import fr.passerelle.notification.mail.Messages;
import fr.passerelle.notification.people.Recipients;
import fr.passerelle.notification.people.Senders;
import fr.passerelle.notification.people.Uploads;
import fr.passerelle.notification.webhook.WebhookDeliveries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Tells the people and the systems who must know of an outcome, in the transaction that records its event: the
 * messages to the kind's audience, the deliveries to the organisation's webhooks. Both are sent after commit.
 */
@ApplicationScoped
public class Outcomes {

    private final Recipients recipients;
    private final Messages messages;
    private final WebhookDeliveries webhooks;
    private final Senders senders;
    private final HeldMessages held;

    public Outcomes(Recipients recipients, Messages messages, WebhookDeliveries webhooks, Senders senders,
                    HeldMessages held) {
        this.recipients = recipients;
        this.messages = messages;
        this.webhooks = webhooks;
        this.senders = senders;
        this.held = held;
    }

    /** E-mail to the kind's audience; {@code eventId} and the kind make the outcome one. */
    public Uni<Void> tell(MessageKind kind, String eventId, String organization, String dataset, Letter letter) {
        return recipients.of(kind, organization, dataset).chain(to ->
                messages.write(kind, kind.code() + ":" + eventId, organization, dataset, letter, to));
    }

    /**
     * E-mail to the dataset's contributors about one of its uploads. Its sender must be among them, and the audit
     * entry that names the sender comes on another topic, maybe read after this outcome: at once when the sender is
     * known here, else held until that entry is read ({@link HeldMessages}).
     */
    public Uni<Void> tellAboutUpload(MessageKind kind, String eventId, String organization, String dataset,
                                     String uploadId, Letter letter) {
        return Uploads.idOf(uploadId)
                .map(upload -> senders.known(upload).chain(known -> known
                        ? tell(kind, eventId, organization, dataset, letter)
                        : held.hold(upload, new HeldMessages.Held(kind, eventId, organization, dataset, letter))))
                .orElseGet(() -> tell(kind, eventId, organization, dataset, letter));
    }

    /** Held messages whose time came: to the audience of now. */
    public Uni<Void> release(List<HeldMessages.Held> messages) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (HeldMessages.Held message : messages) {
            all = all.chain(() -> tell(message.kind(), message.eventId(), message.organization(), message.dataset(),
                    message.letter()));
        }
        return all;
    }

    /** The organisation's webhooks receive the outcome's event. */
    public Uni<Void> announce(Outcome outcome) {
        return webhooks.enqueue(outcome);
    }
}
