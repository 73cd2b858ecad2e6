package fr.passerelle.notification.webhook;

import fr.passerelle.notification.outcome.Outcome;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only writer of {@code webhook_delivery}. The writing side runs on Hibernate Reactive in the transaction that
 * records the outcome's event (or the admin's ping): one row per enabled webhook, at most once per event
 * ({@code webhook_id} + {@code event_id} is unique, so a redelivered or replayed event adds nothing). The sending side
 * runs on JDBC for {@link WebhookSender}, as the mail queue does: a claim commits before the request leaves, so that
 * two instances never send the same delivery, and one claimed by an instance that died is taken again once its lease
 * ends (its receiver then sees the same {@code webhook-id} twice, which is what the header is for).
 */
@ApplicationScoped
public class WebhookDeliveries {

    static final int BATCH = 20;
    /** The log the Webhooks page shows: the latest deliveries. */
    static final int LOG_SIZE = 50;

    private final Transactions transactions;
    private final Database database;
    private final Duration lease;

    public WebhookDeliveries(Transactions transactions, Database database,
                             @ConfigProperty(name = "passerelle.webhooks.send-lease", defaultValue = "60s")
                             Duration lease) {
        this.transactions = transactions;
        this.database = database;
        this.lease = lease;
    }

    /** In the caller's transaction: one delivery per enabled webhook of the outcome's organisation. */
    public Uni<Void> enqueue(Outcome outcome) {
        if (outcome.organization() == null || outcome.eventId() == null || outcome.ceType() == null) {
            return Uni.createFrom().voidItem();
        }
        String body = WebhookEvents.of(outcome);
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, body, status)"
                                + " SELECT gen_random_uuid(), w.id, ?1, ?2, ?3, 'PENDING' FROM webhook w"
                                + " WHERE w.organization = ?4 AND w.enabled"
                                + " ON CONFLICT (webhook_id, event_id) DO NOTHING")
                .setParameter(1, outcome.eventId())
                .setParameter(2, outcome.ceType())
                .setParameter(3, body)
                .setParameter(4, outcome.organization())
                .executeUpdate()).replaceWithVoid();
    }

    /** In the caller's transaction: a ping to one webhook, sent even while it is disabled (to check a repair). */
    public Uni<UUID> ping(UUID webhook, String organization) {
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String body = WebhookEvents.test(eventId, webhook, organization, Instant.now());
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, body, status)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING')")
                .setParameter(1, id)
                .setParameter(2, webhook)
                .setParameter(3, eventId.toString())
                .setParameter(4, WebhookEvents.TEST_TYPE)
                .setParameter(5, body)
                .executeUpdate()).replaceWith(id);
    }

    /** The webhook's latest deliveries, newest first. */
    public Uni<List<DeliveryLogEntry>> log(UUID webhook) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT id, event_type, event_id, status, attempts, last_status_code, last_error, created_at,"
                                + " delivered_at, CASE WHEN status = 'PENDING' THEN next_attempt_at END"
                                + " FROM webhook_delivery WHERE webhook_id = ?1 ORDER BY created_at DESC, id"
                                + " LIMIT " + LOG_SIZE, Object[].class)
                .setParameter(1, webhook)
                .getResultList()).map(rows -> rows.stream().map(row -> new DeliveryLogEntry(Columns.uuid(row[0]),
                (String) row[1], (String) row[2], (String) row[3], Columns.integer(row[4]), Columns.integer(row[5]),
                (String) row[6], Columns.instant(row[7]), Columns.instant(row[8]), Columns.instant(row[9]))).toList());
    }

    /**
     * Claims the next deliveries due, for the lease: the pending ones of enabled webhooks (and pings) and the ones
     * whose claimant died. Each claim counts as an attempt.
     */
    public List<ClaimedDelivery> claim() {
        return database.query("UPDATE webhook_delivery d SET status = 'SENDING', attempts = d.attempts + 1,"
                        + " lease_until = now() + make_interval(secs => ?)"
                        + " FROM webhook w WHERE w.id = d.webhook_id AND d.id IN ("
                        + "SELECT q.id FROM webhook_delivery q JOIN webhook h ON h.id = q.webhook_id"
                        + " WHERE ((q.status = 'PENDING' AND q.next_attempt_at <= now())"
                        + " OR (q.status = 'SENDING' AND q.lease_until < now()))"
                        + " AND (h.enabled OR q.event_type = ?)"
                        + " ORDER BY q.next_attempt_at LIMIT " + BATCH + " FOR UPDATE OF q SKIP LOCKED)"
                        + " RETURNING d.id, d.webhook_id, d.event_type, d.body, d.attempts, w.url, w.secret,"
                        + " CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END AS previous_secret",
                row -> new ClaimedDelivery((UUID) row.getObject("id"), (UUID) row.getObject("webhook_id"),
                        row.getString("event_type"), row.getString("body"), row.getInt("attempts"),
                        row.getString("url"), row.getString("secret"), row.getString("previous_secret")),
                (double) lease.toSeconds(), WebhookEvents.TEST_TYPE);
    }

    public void delivered(UUID id, int statusCode) {
        database.update("UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), lease_until = NULL,"
                + " last_status_code = ?, last_error = NULL WHERE id = ?", statusCode, id);
    }

    /** Failed this time; tried again after {@code delay}. */
    public void retry(UUID id, Integer statusCode, String error, Duration delay) {
        database.update("UPDATE webhook_delivery SET status = 'PENDING', lease_until = NULL, last_status_code = ?,"
                        + " last_error = ?, next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?",
                statusCode, error, (double) delay.toMillis() / 1000, id);
    }

    /** Forgets the finished deliveries (DELIVERED, FAILED) older than {@code retention}; how many went. */
    public int forget(Duration retention) {
        return database.update("DELETE FROM webhook_delivery WHERE status IN ('DELIVERED', 'FAILED')"
                + " AND created_at < now() - make_interval(secs => ?)", (double) retention.toSeconds());
    }

    /** Failed for the last time. */
    public void givenUp(UUID id, Integer statusCode, String error) {
        database.update("UPDATE webhook_delivery SET status = 'FAILED', lease_until = NULL, last_status_code = ?,"
                + " last_error = ? WHERE id = ?", statusCode, error, id);
    }
}
