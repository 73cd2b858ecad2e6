package fr.passerelle.notification.webhook;

import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The only writer of {@code webhook}: the admins' actions on Hibernate Reactive, in their service's transaction; the
 * sender's failure count on JDBC, as the rest of the sending side ({@link WebhookDeliveries}).
 */
@ApplicationScoped
public class Webhooks {

    /** What {@link #disable} turned off: to tell the organisation's admins. */
    public record Disabled(String organization, String url, int failures) {
    }

    private static final String VIEW = "SELECT w.id, w.url, w.enabled, w.disabled_reason, w.consecutive_failures,"
            + " w.created_at, (SELECT d.status FROM webhook_delivery d WHERE d.webhook_id = w.id"
            + " ORDER BY d.created_at DESC, d.id LIMIT 1) FROM webhook w";

    private final Transactions transactions;
    private final Database database;

    public Webhooks(Transactions transactions, Database database) {
        this.transactions = transactions;
        this.database = database;
    }

    public Uni<Void> create(UUID id, String organization, String url, String sealedSecret, String createdBy) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO webhook (id, organization, url, secret, created_by) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id)
                .setParameter(2, organization)
                .setParameter(3, url)
                .setParameter(4, sealedSecret)
                .setParameter(5, createdBy)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Webhook>> of(String organization) {
        return transactions.session(session -> session.createNativeQuery(
                        VIEW + " WHERE w.organization = ?1 ORDER BY w.created_at, w.id", Object[].class)
                .setParameter(1, organization)
                .getResultList()).map(rows -> rows.stream().map(Webhooks::webhook).toList());
    }

    public Uni<Optional<Webhook>> find(String organization, UUID id) {
        return transactions.session(session -> session.createNativeQuery(
                        VIEW + " WHERE w.organization = ?1 AND w.id = ?2", Object[].class)
                .setParameter(1, organization)
                .setParameter(2, id)
                .getResultList()).map(rows -> rows.stream().map(Webhooks::webhook).findFirst());
    }

    /**
     * A new secret; the one it replaces keeps signing beside it for {@code overlap}, so that the receiver can switch.
     * False when the organisation has no such webhook.
     */
    public Uni<Boolean> rotate(String organization, UUID id, String sealedSecret, Duration overlap) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "UPDATE webhook SET previous_secret = secret, secret = ?1,"
                                + " previous_secret_until = now() + make_interval(secs => ?2)"
                                + " WHERE organization = ?3 AND id = ?4")
                .setParameter(1, sealedSecret)
                .setParameter(2, (double) overlap.toSeconds())
                .setParameter(3, organization)
                .setParameter(4, id)
                .executeUpdate()).map(count -> count > 0);
    }

    /** Enabled again, with no failure behind it. False when the organisation has no such webhook. */
    public Uni<Boolean> enable(String organization, UUID id) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "UPDATE webhook SET enabled = TRUE, disabled_reason = NULL, consecutive_failures = 0"
                                + " WHERE organization = ?1 AND id = ?2")
                .setParameter(1, organization)
                .setParameter(2, id)
                .executeUpdate()).map(count -> count > 0);
    }

    /** With its delivery log. False when the organisation has no such webhook. */
    public Uni<Boolean> delete(String organization, UUID id) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "DELETE FROM webhook WHERE organization = ?1 AND id = ?2")
                .setParameter(1, organization)
                .setParameter(2, id)
                .executeUpdate()).map(count -> count > 0);
    }

    /**
     * Disables the webhook if it is still enabled with at least {@code threshold} failures in a row: only the
     * transaction that turns it off learns it (and tells the admins), however many instances try.
     */
    public Uni<Optional<Disabled>> disable(UUID id, int threshold, String reason) {
        return transactions.mandatory(session -> session.createNativeQuery(
                                "SELECT organization, url, consecutive_failures FROM webhook WHERE id = ?1 AND enabled"
                                        + " AND consecutive_failures >= ?2 FOR UPDATE", Object[].class)
                        .setParameter(1, id)
                        .setParameter(2, threshold)
                        .getResultList()
                        .chain(rows -> {
                            if (rows.isEmpty()) {
                                return Uni.createFrom().item(Optional.<Disabled>empty());
                            }
                            Object[] row = rows.get(0);
                            Disabled disabled = new Disabled((String) row[0], (String) row[1], Columns.integer(row[2]));
                            return session.createNativeQuery("UPDATE webhook SET enabled = FALSE, disabled_reason = ?1"
                                            + " WHERE id = ?2")
                                    .setParameter(1, reason)
                                    .setParameter(2, id)
                                    .executeUpdate()
                                    .replaceWith(Optional.of(disabled));
                        }));
    }

    /** The sender's side (JDBC): a delivery succeeded, the failures in a row are over. */
    public void deliverySucceeded(UUID id) {
        database.update("UPDATE webhook SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0", id);
    }

    /** The sender's side (JDBC): a delivery was given up; the failures in a row now, empty if gone or disabled. */
    public OptionalInt deliveryGivenUp(UUID id) {
        return database.queryOne("UPDATE webhook SET consecutive_failures = consecutive_failures + 1"
                        + " WHERE id = ? AND enabled RETURNING consecutive_failures",
                row -> row.getInt(1), id).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static Webhook webhook(Object[] row) {
        return new Webhook(Columns.uuid(row[0]), (String) row[1], (Boolean) row[2], (String) row[3],
                Columns.integer(row[4]), Columns.instant(row[5]), (String) row[6]);
    }
}
