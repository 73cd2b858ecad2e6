package fr.passerelle.ingest.ops;

import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Dead letters for operators: the list of those not replayed yet, and their replay once the cause
 * is fixed. Consumers are idempotent, so a replay reaching a consumer group that had processed the
 * message is a no-op there.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeadLetterTopics topics;
    private final Database database;
    private final MeterRegistry metrics;

    public DeadLetterService(DeadLetterTopics topics, Database database, MeterRegistry metrics) {
        this.topics = topics;
        this.database = database;
        this.metrics = metrics;
        // Registered up front, so that dashboards and alerts see 0 rather than no series at all.
        Topics.EVENT_TOPICS.forEach(topic -> replayed(topic));
    }

    private io.micrometer.core.instrument.Counter replayed(String topic) {
        return metrics.counter("passerelle.dead.letters.replayed", "topic", topic);
    }

    public List<DeadLetter> pending(String originalTopic) {
        Set<String> replayed = new HashSet<>(database.query(
                "SELECT dlq_topic || ':' || partition || ':' || dlq_offset || '@' || dlq_timestamp FROM dead_letter_replay",
                row -> row.getString(1)));
        return topics.recent().stream()
                .filter(letter -> !replayed.contains(letter.id() + "@" + letter.deadAt().toEpochMilli()))
                .filter(letter -> originalTopic == null || originalTopic.equals(letter.originalTopic()))
                .toList();
    }

    public DeadLetter replay(String id) {
        DeadLetterId where = DeadLetterId.parse(id);
        ConsumerRecord<String, String> record = topics.read(where).orElseThrow(() -> ApiException.notFound(
                "unknown-dead-letter", "La lettre morte « " + id + " » n'existe pas ou n'est plus conservée."));
        int recorded = database.update("INSERT INTO dead_letter_replay (dlq_topic, partition, dlq_offset, dlq_timestamp)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", where.dlqTopic(), where.partition(), where.offset(),
                record.timestamp());
        if (recorded == 0) {
            throw new ApiException(409, "already-replayed", "La lettre morte « " + id + " » a déjà été rejouée.",
                    "Si le traitement a échoué de nouveau, elle figure dans la liste sous un nouvel identifiant.");
        }
        try {
            topics.replay(record, where.originalTopic());
        } catch (RuntimeException e) {
            database.update("DELETE FROM dead_letter_replay WHERE dlq_topic = ? AND partition = ? AND dlq_offset = ?"
                    + " AND dlq_timestamp = ?", where.dlqTopic(), where.partition(), where.offset(), record.timestamp());
            throw e;
        }
        replayed(where.originalTopic()).increment();
        LOG.infof("Dead letter %s replayed to %s", id, where.originalTopic());
        return DeadLetterTopics.toDeadLetter(record);
    }

    /** @return the ids replayed */
    public List<String> replayAll(String originalTopic) {
        return pending(originalTopic).stream().map(letter -> replay(letter.id()).id()).toList();
    }
}
