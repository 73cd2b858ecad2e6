package fr.passerelle.ingest.ops;

import fr.passerelle.contracts.Topics;
import fr.passerelle.ingest.dropzone.FailedDrops;
import fr.passerelle.ingest.upload.UploadDeadLetters;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Dead letters for operators: the list of those not replayed yet, and their replay once the cause
 * is fixed. Consumers are idempotent, so a replay reaching a consumer group that had processed the
 * message is a no-op there. A replay also lifts the FAILED status the dead letter gave an upload or
 * a drop, so that the replayed event moves it on to its real outcome.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeadLetterTopics topics;
    private final Database database;
    private final MeterRegistry metrics;
    private final UploadDeadLetters uploads;
    private final FailedDrops drops;

    public DeadLetterService(DeadLetterTopics topics, Database database, MeterRegistry metrics,
                             UploadDeadLetters uploads, FailedDrops drops) {
        this.topics = topics;
        this.database = database;
        this.metrics = metrics;
        this.uploads = uploads;
        this.drops = drops;
        // Registered up front, so that dashboards and alerts see 0 rather than no series at all.
        Topics.EVENT_TOPICS.forEach(topic -> replayed(topic));
    }

    private io.micrometer.core.instrument.Counter replayed(String topic) {
        return metrics.counter("passerelle.dead.letters.replayed", "topic", topic);
    }

    /**
     * @param originalTopic only this topic's, when given
     * @param cause         only those of this cause code ({@link DeadLetterCause}), when given
     */
    public List<DeadLetter> pending(String originalTopic, String cause) {
        if (cause != null && !DeadLetterCause.isKnownCode(cause)) {
            throw ApiException.badRequest("invalid-cause", "« " + cause + " » n'est pas une cause de lettre morte connue.",
                    "Reprenez le champ « causeCode » d'une lettre morte de GET /api/v1/ops/dead-letters.");
        }
        Set<String> replayed = new HashSet<>(database.query(
                "SELECT dlq_topic || ':' || partition || ':' || dlq_offset || '@' || dlq_timestamp FROM dead_letter_replay",
                row -> row.getString(1)));
        return topics.recent().stream()
                .filter(letter -> !replayed.contains(letter.id() + "@" + letter.deadAt().toEpochMilli()))
                .filter(letter -> originalTopic == null || originalTopic.equals(letter.originalTopic()))
                .filter(letter -> cause == null || cause.equals(letter.causeCode()))
                .toList();
    }

    /** Whether an operator replayed the dead letter at that place and time. */
    public boolean isReplayed(String id, long dlqTimestamp) {
        DeadLetterId where = DeadLetterId.parse(id);
        return database.queryOne("SELECT 1 FROM dead_letter_replay WHERE dlq_topic = ? AND partition = ?"
                        + " AND dlq_offset = ? AND dlq_timestamp = ?", row -> true,
                where.dlqTopic(), where.partition(), where.offset(), dlqTimestamp).isPresent();
    }

    public DeadLetter replay(String id) {
        DeadLetterId where = DeadLetterId.parse(id);
        ConsumerRecord<String, String> record = topics.read(where).orElseThrow(() -> ApiException.notFound(
                "unknown-dead-letter", "La lettre morte « " + id + " » n'existe pas ou n'est plus conservée."));
        String name = where.toString();
        // Recorded first, with the uploads and drops it lifts, so that two operators cannot replay it twice.
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            if (database.update("INSERT INTO dead_letter_replay (dlq_topic, partition, dlq_offset, dlq_timestamp)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", where.dlqTopic(), where.partition(), where.offset(),
                    record.timestamp()) == 0) {
                return false;
            }
            uploads.replayed(name, record.timestamp());
            // Forgotten even if the send below fails: the reconciler then takes the drop again, as wanted.
            drops.replayed(name);
            return true;
        });
        if (!recorded) {
            throw new ApiException(409, "already-replayed", "La lettre morte « " + id + " » a déjà été rejouée.",
                    "Si le traitement a échoué de nouveau, elle figure dans la liste sous un nouvel identifiant.");
        }
        try {
            topics.replay(record, where.originalTopic());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                database.update("DELETE FROM dead_letter_replay WHERE dlq_topic = ? AND partition = ? AND dlq_offset = ?"
                        + " AND dlq_timestamp = ?", where.dlqTopic(), where.partition(), where.offset(), record.timestamp());
                uploads.replayUndone(name, record.timestamp());
            });
            throw e;
        }
        replayed(where.originalTopic()).increment();
        LOG.infof("Dead letter %s replayed to %s", id, where.originalTopic());
        return DeadLetter.of(record);
    }

    /** @return the ids replayed */
    public List<String> replayAll(String originalTopic, String cause) {
        return pending(originalTopic, cause).stream().map(letter -> replay(letter.id()).id()).toList();
    }
}
