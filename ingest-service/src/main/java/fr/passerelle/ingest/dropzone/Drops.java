package fr.passerelle.ingest.dropzone;

import static fr.passerelle.platform.reactive.Columns.instant;
import static fr.passerelle.platform.reactive.Columns.longValue;
import static fr.passerelle.platform.reactive.Columns.text;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code drop_object} table, its only writer: every write in the caller's transaction. */
@ApplicationScoped
public class Drops {

    private final Transactions transactions;

    public Drops(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Claims an object version for this instance.
     *
     * @return the claim's id, empty when another instance handles or handled it (a claim left
     *         PENDING for ten minutes by a crashed instance is taken over)
     */
    public Uni<Optional<UUID>> claim(DetectedObject object) {
        UUID id = UUID.randomUUID();
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO drop_object (id, bucket,"
                                + " object_key, etag, size_bytes, detected_by, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                + " 'PENDING') ON CONFLICT (bucket, object_key, etag) DO UPDATE SET claimed_at = now(),"
                                + "   detected_by = excluded.detected_by, outcome = 'PENDING', reason = NULL,"
                                + "   finished_at = NULL"
                                + "   WHERE (drop_object.outcome = 'PENDING'"
                                + "     AND drop_object.claimed_at < now() - interval '10 minutes')"
                                // A failed attempt is tried again by the next pass; a dead-lettered one waits for its
                                // replay.
                                + "   OR (drop_object.outcome = 'FAILED' AND drop_object.dead_letter_id IS NULL)"
                                + " RETURNING id")
                        .setParameter(1, id)
                        .setParameter(2, object.bucket())
                        .setParameter(3, object.key())
                        .setParameter(4, object.etag())
                        .setParameter(5, object.size())
                        .setParameter(6, object.detectedBy())
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(Columns::uuid));
    }

    public Uni<Void> finish(UUID id, DropOutcome outcome, String organization, String dataset, String sha256,
                            UUID uploadId, String reason) {
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE drop_object SET outcome = ?1,"
                        + " organization = ?2, dataset = ?3, sha256 = ?4, upload_id = ?5, reason = ?6,"
                        + " finished_at = now() WHERE id = ?7")
                .setParameter(1, outcome.name())
                .setParameter(2, organization)
                .setParameter(3, dataset)
                .setParameter(4, sha256)
                .setParameter(5, uploadId)
                .setParameter(6, reason)
                .setParameter(7, id)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * The drop's notification was dead-lettered: the drop is FAILED with the reason, unless it was
     * handled meanwhile (by the reconciler).
     */
    public Uni<Void> fail(DetectedObject object, String reason, String deadLetterId) {
        Optional<DropKey> key = DropKey.parse(object.key());
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO drop_object (id, bucket,"
                        + " object_key, etag, size_bytes, detected_by, organization, dataset, outcome, reason,"
                        + " dead_letter_id, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())"
                        + " ON CONFLICT (bucket, object_key, etag) DO UPDATE SET outcome = excluded.outcome,"
                        + "   reason = excluded.reason, dead_letter_id = excluded.dead_letter_id, finished_at = now(),"
                        + "   organization = excluded.organization, dataset = excluded.dataset"
                        + "   WHERE drop_object.outcome IN ('PENDING', 'FAILED')")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, object.bucket())
                .setParameter(3, object.key())
                .setParameter(4, object.etag())
                .setParameter(5, object.size())
                .setParameter(6, object.detectedBy())
                .setParameter(7, key.map(DropKey::organization).orElse(null))
                .setParameter(8, key.map(DropKey::dataset).orElse(null))
                .setParameter(9, DropOutcome.FAILED.name())
                .setParameter(10, reason)
                .setParameter(11, deadLetterId)
                .executeUpdate()).replaceWithVoid();
    }

    /** An operator replayed the dead letter: its drops may be claimed again, by the replay or the reconciler. */
    public Uni<Void> forgetFailures(String deadLetterId) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM drop_object"
                        + " WHERE dead_letter_id = ?1 AND outcome = 'FAILED'")
                .setParameter(1, deadLetterId)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * An attempt failed for a reason waiting would not cure: the drop shows FAILED with the reason, and
     * the next attempt (the reconciler's next pass, the notification's retry) claims it again.
     */
    public Uni<Void> failAttempt(UUID id, DetectedObject object, String reason) {
        // Named after its dataset (parsed from the key), so that the dataset's list of drops shows it.
        Optional<DropKey> key = DropKey.parse(object.key());
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE drop_object SET outcome = 'FAILED',"
                        + " reason = ?1, organization = ?2, dataset = ?3, finished_at = now()"
                        + " WHERE id = ?4 AND outcome = 'PENDING'")
                .setParameter(1, reason)
                .setParameter(2, key.map(DropKey::organization).orElse(null))
                .setParameter(3, key.map(DropKey::dataset).orElse(null))
                .setParameter(4, id)
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets a claim whose handling failed half-way, so that the next pass tries again. */
    public Uni<Void> release(UUID id) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM drop_object"
                        + " WHERE id = ?1 AND outcome = 'PENDING'")
                .setParameter(1, id)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<DropView>> recent(String organization, String dataset, int limit) {
        return transactions.session(session -> session.createNativeQuery("SELECT d.object_key, d.size_bytes,"
                                + " d.detected_by, d.outcome, d.reason, d.dead_letter_id, d.upload_id, "
                                + Uploads.effectiveStatusSql("u") + " AS upload_status, d.detected_at, d.finished_at"
                                + " FROM drop_object d LEFT JOIN upload u ON u.id = d.upload_id"
                                + " WHERE d.organization = ?1 AND d.dataset = ?2 ORDER BY d.detected_at DESC LIMIT ?3",
                        Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, limit)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new DropView((String) row[0], longValue(row[1]),
                        (String) row[2], DropOutcome.valueOf((String) row[3]), (String) row[4], (String) row[5],
                        text(row[6]), (String) row[7], instant(row[8]), instant(row[9]))).toList());
    }
}
