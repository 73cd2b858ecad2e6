package fr.passerelle.ingest.upload;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.deadletter.DeadLetter;
import fr.passerelle.platform.reactive.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code upload_dead_letter} table, its only writer: the dead letters that concern an upload. While one of them is
 * not replayed, the upload is FAILED with its French reason (unless it already reached a final status of its own);
 * replaying it lifts that, and the upload's own status takes over again. Writes in the caller's transaction.
 */
@ApplicationScoped
public class UploadDeadLetters {

    private final Transactions transactions;
    private final Uploads uploads;
    private final MeterRegistry registry;

    public UploadDeadLetters(Transactions transactions, Uploads uploads, MeterRegistry registry) {
        this.transactions = transactions;
        this.uploads = uploads;
        this.registry = registry;
    }

    /**
     * Records that the upload's event was dead-lettered; a dead letter already replayed (an operator
     * was quicker than this consumer) is recorded as such, and does not fail the upload.
     *
     * @return false when the dead letter names no upload known here, or was already recorded
     */
    public Uni<Boolean> record(DeadLetter letter, long dlqTimestamp, boolean alreadyReplayed) {
        Optional<UUID> upload = uploadIdOf(letter);
        if (upload.isEmpty()) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        UUID id = upload.get();
        return uploads.exists(id).chain(known -> !known ? Uni.createFrom().item(Boolean.FALSE)
                : transactions.mandatory(session -> session.createNativeQuery("INSERT INTO upload_dead_letter"
                                + " (dead_letter_id, dlq_timestamp, upload_id, original_topic, cause_code, reason, dead_at,"
                                + " replayed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                + (alreadyReplayed ? "now()" : "NULL") + ") ON CONFLICT DO NOTHING")
                        .setParameter(1, letter.id())
                        .setParameter(2, dlqTimestamp)
                        .setParameter(3, id)
                        .setParameter(4, letter.originalTopic())
                        .setParameter(5, letter.causeCode())
                        .setParameter(6, letter.forPerson())
                        .setParameter(7, Columns.timestamp(letter.deadAt()))
                        .executeUpdate())
                .chain(recorded -> {
                    if (recorded == 0) {
                        return Uni.createFrom().item(Boolean.FALSE);
                    }
                    return uploads.recordStage(id, "pipeline", "dead-lettered",
                                    letter.forPerson() + " (lettre morte " + letter.id() + ")")
                            .invoke(() -> Counter.builder("passerelle.uploads.dead.lettered")
                                    .description("Dead letters that concern an upload, by original topic and cause")
                                    .tags("topic", letter.originalTopic(), "cause", letter.causeCode())
                                    .register(registry).increment())
                            .replaceWith(Boolean.TRUE);
                }));
    }

    /** An operator replayed the dead letter: the uploads it failed go on. */
    public Uni<Void> replayed(String deadLetterId, long dlqTimestamp) {
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE upload_dead_letter"
                                + " SET replayed_at = now() WHERE dead_letter_id = ?1 AND dlq_timestamp = ?2"
                                + " AND replayed_at IS NULL RETURNING upload_id")
                        .setParameter(1, deadLetterId)
                        .setParameter(2, dlqTimestamp)
                        .getResultList())
                .chain(reopened -> Multi.createFrom().iterable((List<?>) reopened)
                        .onItem().transformToUniAndConcatenate(upload -> uploads.recordStage(Columns.uuid(upload),
                                "pipeline", "replayed", "Lettre morte " + deadLetterId + " rejouée par l'équipe"
                                        + " d'exploitation : le traitement reprend."))
                        .collect().last())
                .replaceWithVoid();
    }

    /** The replay could not be sent after all: the uploads stay failed. */
    public Uni<Void> replayUndone(String deadLetterId, long dlqTimestamp) {
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE upload_dead_letter"
                        + " SET replayed_at = NULL WHERE dead_letter_id = ?1 AND dlq_timestamp = ?2")
                .setParameter(1, deadLetterId)
                .setParameter(2, dlqTimestamp)
                .executeUpdate()).replaceWithVoid();
    }

    private static Optional<UUID> uploadIdOf(DeadLetter letter) {
        try {
            return letter.uploadId() == null ? Optional.empty() : Optional.of(UUID.fromString(letter.uploadId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
