package fr.passerelle.ingest.dropzone;

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
                        + "   detected_by = excluded.detected_by"
                        + "   WHERE drop_object.outcome = 'PENDING' AND drop_object.claimed_at < now() - interval '10 minutes'"
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

    /** Forgets a claim whose handling failed half-way, so that the next pass tries again. */
    public void release(UUID id) {
        database.update("DELETE FROM drop_object WHERE id = ? AND outcome = 'PENDING'", id);
    }

    public List<DropView> recent(String organization, String dataset, int limit) {
        return database.query("SELECT d.*, u.status AS upload_status FROM drop_object d"
                        + " LEFT JOIN upload u ON u.id = d.upload_id"
                        + " WHERE d.organization = ? AND d.dataset = ? ORDER BY d.detected_at DESC LIMIT ?",
                row -> new DropView(row.getString("object_key"), row.getLong("size_bytes"),
                        row.getString("detected_by"), DropOutcome.valueOf(row.getString("outcome")),
                        row.getString("reason"), row.getString("upload_id"), row.getString("upload_status"),
                        Database.instant(row, "detected_at"), Database.instant(row, "finished_at")),
                organization, dataset, limit);
    }
}
