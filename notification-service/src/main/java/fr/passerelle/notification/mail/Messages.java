package fr.passerelle.notification.mail;

import fr.passerelle.notification.outcome.MessageKind;
import fr.passerelle.notification.people.Delivery;
import fr.passerelle.notification.people.Preferences;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the messages of an outcome, in the transaction that records its event: one row per recipient, at most once
 * (a redelivered or replayed event adds nothing, {@code outcome_key} + recipient being unique). Each person's choice
 * is applied here: nothing for « jamais », the digest for « résumé du jour », and the digest too for a recipient who
 * already had {@code max-per-hour} messages in the last hour (no storm). {@link MessageQueue} sends them after commit.
 */
@ApplicationScoped
public class Messages {

    private final Transactions transactions;
    private final Preferences preferences;
    private final MailBodies bodies;
    private final int maxPerHour;

    public Messages(Transactions transactions, Preferences preferences, MailBodies bodies,
                    @ConfigProperty(name = "passerelle.notifications.max-per-hour") int maxPerHour) {
        this.transactions = transactions;
        this.preferences = preferences;
        this.bodies = bodies;
        this.maxPerHour = maxPerHour;
    }

    /** @param outcomeKey what makes the outcome one (the event's id, with the kind) */
    public Uni<Void> write(MessageKind kind, String outcomeKey, String organization, String dataset, Letter letter,
                           Collection<String> recipients) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String recipient : recipients) {
            all = all.chain(() -> writeOne(kind, outcomeKey, organization, dataset, letter, recipient));
        }
        return all;
    }

    private Uni<Void> writeOne(MessageKind kind, String outcomeKey, String organization, String dataset, Letter letter,
                               String recipient) {
        return preferences.of(recipient, kind.code()).chain(delivery -> {
            if (delivery == Delivery.NONE) {
                return Uni.createFrom().voidItem();
            }
            Uni<String> status = delivery == Delivery.DIGEST ? Uni.createFrom().item("DIGEST")
                    : sentInTheLastHour(recipient).map(count -> count >= maxPerHour ? "DIGEST" : "PENDING");
            MailBodies.Bodies body = bodies.of(letter, recipient, kind.code(), kind.label());
            return status.chain(chosen -> transactions.mandatory(session -> session.createNativeQuery(
                            "INSERT INTO message (id, outcome_key, recipient, kind, organization, dataset, subject,"
                                    + " body_text, body_html, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                                    + " ON CONFLICT (outcome_key, recipient) DO NOTHING")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, outcomeKey)
                    .setParameter(3, recipient)
                    .setParameter(4, kind.code())
                    .setParameter(5, organization)
                    .setParameter(6, dataset)
                    .setParameter(7, letter.subject())
                    .setParameter(8, body.text())
                    .setParameter(9, body.html())
                    .setParameter(10, chosen)
                    .executeUpdate())).replaceWithVoid();
        });
    }

    private Uni<Long> sentInTheLastHour(String recipient) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT count(*) FROM message WHERE recipient = ?1 AND created_at > now() - interval '1 hour'"
                                + " AND status IN ('PENDING', 'SENDING', 'SENT')", Long.class)
                .setParameter(1, recipient)
                .getSingleResult());
    }
}
