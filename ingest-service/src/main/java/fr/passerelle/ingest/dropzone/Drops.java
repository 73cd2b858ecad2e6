package fr.passerelle.ingest.dropzone;

import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code drop_object} table. */
@ApplicationScoped
public class Drops {

    private final Database database;

    public Drops(Database database) {
        this.database = database;
    }

    /**
     * Claims an object version for this instance.
     *
     * @return the claim's id, empty when another instance handles or handled it (a claim left
     *         PENDING for ten minutes by a crashed instance is taken over)
     */
    public Optional<UUID> claim(DetectedObject object) {
        UUID id = UUID.randomUUID();
        return database.queryOne("INSERT INTO drop_object (id, bucket, object_key, etag, size_bytes, detected_by, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING')"
                        + " ON CONFLICT (bucket, object_key, etag) DO UPDATE SET claimed_at = now(),"
                        + "   detected_by = excluded.detected_by, outcome = 'PENDING', reason = NULL, finished_at = NULL"
                        + "   WHERE (drop_object.outcome = 'PENDING' AND drop_object.claimed_at < now() - interval '10 minutes')"
                        // A failed attempt is tried again by the next pass; a dead-lettered one waits for its replay.
                        + "   OR (drop_object.outcome = 'FAILED' AND drop_object.dead_letter_id IS NULL)"
                        + " RETURNING id",
                row -> row.getObject(1, UUID.class), id, object.bucket(), object.key(), object.etag(), object.size(),
                object.detectedBy());
    }

    public void finish(UUID id, DropOutcome outcome, String organization, String dataset, String sha256,
                       UUID uploadId, String reason) {
        database.update("UPDATE drop_object SET outcome = ?, organization = ?, dataset = ?, sha256 = ?, upload_id = ?,"
                        + " reason = ?, finished_at = now() WHERE id = ?",
                outcome.name(), organization, dataset, sha256, uploadId, reason, id);
    }

    /**
     * The drop's notification was dead-lettered: the drop is FAILED with the reason, unless it was
     * handled meanwhile (by the reconciler).
     */
    public void fail(DetectedObject object, String reason, String deadLetterId) {
        Optional<DropKey> key = DropKey.parse(object.key());
        database.update("INSERT INTO drop_object (id, bucket, object_key, etag, size_bytes, detected_by, organization,"
                        + " dataset, outcome, reason, dead_letter_id, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                        + " ON CONFLICT (bucket, object_key, etag) DO UPDATE SET outcome = excluded.outcome,"
                        + "   reason = excluded.reason, dead_letter_id = excluded.dead_letter_id, finished_at = now(),"
                        + "   organization = excluded.organization, dataset = excluded.dataset"
                        + "   WHERE drop_object.outcome IN ('PENDING', 'FAILED')",
                UUID.randomUUID(), object.bucket(), object.key(), object.etag(), object.size(), object.detectedBy(),
                key.map(DropKey::organization).orElse(null), key.map(DropKey::dataset).orElse(null),
                DropOutcome.FAILED.name(), reason, deadLetterId);
    }

    /** An operator replayed the dead letter: its drops may be claimed again, by the replay or the reconciler. */
    public void forgetFailures(String deadLetterId) {
        database.update("DELETE FROM drop_object WHERE dead_letter_id = ? AND outcome = 'FAILED'", deadLetterId);
    }

    /**
     * An attempt failed for a reason waiting would not cure: the drop shows FAILED with the reason, and
     * the next attempt (the reconciler's next pass, the notification's retry) claims it again.
     */
    public void failAttempt(UUID id, DetectedObject object, String reason) {
        // Named after its dataset (parsed from the key), so that the dataset's list of drops shows it.
        Optional<DropKey> key = DropKey.parse(object.key());
        database.update("UPDATE drop_object SET outcome = 'FAILED', reason = ?, organization = ?, dataset = ?,"
                        + " finished_at = now() WHERE id = ? AND outcome = 'PENDING'", reason,
                key.map(DropKey::organization).orElse(null), key.map(DropKey::dataset).orElse(null), id);
    }

    /** Forgets a claim whose handling failed half-way, so that the next pass tries again. */
    public void release(UUID id) {
        database.update("DELETE FROM drop_object WHERE id = ? AND outcome = 'PENDING'", id);
    }

    public List<DropView> recent(String organization, String dataset, int limit) {
        return database.query("SELECT d.*, " + Uploads.effectiveStatusSql("u") + " AS upload_status FROM drop_object d"
                        + " LEFT JOIN upload u ON u.id = d.upload_id"
                        + " WHERE d.organization = ? AND d.dataset = ? ORDER BY d.detected_at DESC LIMIT ?",
                row -> new DropView(row.getString("object_key"), row.getLong("size_bytes"),
                        row.getString("detected_by"), DropOutcome.valueOf(row.getString("outcome")),
                        row.getString("reason"), row.getString("dead_letter_id"), row.getString("upload_id"),
                        row.getString("upload_status"),
                        Database.instant(row, "detected_at"), Database.instant(row, "finished_at")),
                organization, dataset, limit);
    }
}
