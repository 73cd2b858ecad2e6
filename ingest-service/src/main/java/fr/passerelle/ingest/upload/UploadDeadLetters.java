package fr.passerelle.ingest.upload;

import fr.passerelle.ingest.ops.DeadLetter;
import fr.passerelle.platform.db.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code upload_dead_letter} table: the dead letters that concern an upload. While one of them is
 * not replayed, the upload is FAILED with its French reason (unless it already reached a final status
 * of its own); replaying it lifts that, and the upload's own status takes over again.
 */
@ApplicationScoped
public class UploadDeadLetters {

    private final Database database;
    private final Uploads uploads;
    private final MeterRegistry registry;

    public UploadDeadLetters(Database database, Uploads uploads, MeterRegistry registry) {
        this.database = database;
        this.uploads = uploads;
        this.registry = registry;
    }

    /**
     * Records that the upload's event was dead-lettered; a dead letter already replayed (an operator
     * was quicker than this consumer) is recorded as such, and does not fail the upload.
     *
     * @return false when the dead letter names no upload known here, or was already recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(DeadLetter letter, long dlqTimestamp, boolean alreadyReplayed) {
        Optional<UUID> upload = uploadIdOf(letter).filter(uploads::exists);
        if (upload.isEmpty()) {
            return false;
        }
        int recorded = database.update("INSERT INTO upload_dead_letter (dead_letter_id, dlq_timestamp, upload_id,"
                        + " original_topic, cause_code, reason, dead_at, replayed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, " + (alreadyReplayed ? "now()" : "NULL") + ")"
                        + " ON CONFLICT DO NOTHING",
                letter.id(), dlqTimestamp, upload.get(), letter.originalTopic(), letter.causeCode(),
                letter.forPerson(), java.sql.Timestamp.from(letter.deadAt()));
        if (recorded == 0) {
            return false;
        }
        uploads.recordStage(upload.get(), "pipeline", "dead-lettered",
                letter.forPerson() + " (lettre morte " + letter.id() + ")");
        Counter.builder("passerelle.uploads.dead.lettered")
                .description("Dead letters that concern an upload, by original topic and cause")
                .tags("topic", letter.originalTopic(), "cause", letter.causeCode()).register(registry).increment();
        return true;
    }

    /** An operator replayed the dead letter: the uploads it failed go on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replayed(String deadLetterId, long dlqTimestamp) {
        List<UUID> reopened = database.query("UPDATE upload_dead_letter SET replayed_at = now()"
                        + " WHERE dead_letter_id = ? AND dlq_timestamp = ? AND replayed_at IS NULL RETURNING upload_id",
                row -> row.getObject(1, UUID.class), deadLetterId, dlqTimestamp);
        reopened.forEach(upload -> uploads.recordStage(upload, "pipeline", "replayed",
                "Lettre morte " + deadLetterId + " rejouée par l'équipe d'exploitation : le traitement reprend."));
    }

    /** The replay could not be sent after all: the uploads stay failed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replayUndone(String deadLetterId, long dlqTimestamp) {
        database.update("UPDATE upload_dead_letter SET replayed_at = NULL WHERE dead_letter_id = ? AND dlq_timestamp = ?",
                deadLetterId, dlqTimestamp);
    }

    private static Optional<UUID> uploadIdOf(DeadLetter letter) {
        try {
            return letter.uploadId() == null ? Optional.empty() : Optional.of(UUID.fromString(letter.uploadId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
