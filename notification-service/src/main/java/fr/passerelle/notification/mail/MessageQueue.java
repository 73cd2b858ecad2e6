package fr.passerelle.notification.mail;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sending side of {@code message}, on JDBC as the outbox relay is (see {@link Messages} for the writing side,
 * in the consumers' reactive transactions): a claim commits before the message leaves, so that two instances never
 * send the same one, and a message claimed by an instance that died is taken again once its lease ends.
 *
 * <p>Nothing lost: a message stays until the relay accepted it. Nothing doubled but in one window: an instance killed
 * after the relay accepted a message and before its {@link #sent} committed (milliseconds) sends it again after
 * the lease; the message keeps its {@code Message-ID}, by which mail clients recognise a repeat.
 */
@ApplicationScoped
public class MessageQueue {

    static final int BATCH = 20;
    /** After this many refusals by the relay, the message is given up (FAILED, kept for operators). */
    static final int MAX_ATTEMPTS = 8;

    private final Database database;
    private final Duration lease;

    public MessageQueue(Database database,
                        @ConfigProperty(name = "passerelle.notifications.send-lease", defaultValue = "60s") Duration lease) {
        this.database = database;
        this.lease = lease;
    }

    /** Claims the next messages due, for {@code lease}: the ones pending and the ones whose claimant died. */
    public List<QueuedMessage> claim() {
        return database.query("UPDATE message SET status = 'SENDING', attempts = attempts + 1,"
                        + " lease_until = now() + make_interval(secs => ?)"
                        + " WHERE id IN (SELECT id FROM message WHERE (status = 'PENDING' AND next_attempt_at <= now())"
                        + " OR (status = 'SENDING' AND lease_until < now())"
                        + " ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, recipient, kind, subject, body_text, body_html, attempts",
                row -> new QueuedMessage((UUID) row.getObject("id"), row.getString("recipient"), row.getString("kind"),
                        row.getString("subject"), row.getString("body_text"), row.getString("body_html"),
                        row.getInt("attempts")),
                (double) lease.toSeconds());
    }

    public void sent(UUID id) {
        database.update("UPDATE message SET status = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL"
                + " WHERE id = ?", id);
    }

    /** The relay refused it or could not be reached: again later, or never after {@link #MAX_ATTEMPTS}. */
    public void failed(QueuedMessage message, String error) {
        if (message.attempts() >= MAX_ATTEMPTS) {
            database.update("UPDATE message SET status = 'FAILED', lease_until = NULL, last_error = ? WHERE id = ?",
                    error, message.id());
            return;
        }
        long delaySeconds = Math.min(3600, 30L << Math.min(message.attempts() - 1, 7));
        database.update("UPDATE message SET status = 'PENDING', lease_until = NULL, last_error = ?,"
                + " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?", error, (double) delaySeconds,
                message.id());
    }
}
