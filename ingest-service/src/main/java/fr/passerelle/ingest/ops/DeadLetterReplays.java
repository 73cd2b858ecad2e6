package fr.passerelle.ingest.ops;

import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code dead_letter_replay} table, its only writer: the dead letters operators replayed. */
@ApplicationScoped
public class DeadLetterReplays {

    private final Transactions transactions;

    public DeadLetterReplays(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Each replayed dead letter as {@code <dead letter id>@<dlq timestamp>}. */
    public Uni<Set<String>> all() {
        return transactions.session(session -> session.createNativeQuery("SELECT dlq_topic || ':' || partition || ':'"
                        + " || dlq_offset || '@' || dlq_timestamp FROM dead_letter_replay", String.class)
                .getResultList()).map(HashSet::new);
    }

    /** Whether an operator replayed the dead letter at that place and time. */
    public Uni<Boolean> isReplayed(DeadLetterId where, long dlqTimestamp) {
        return transactions.session(session -> session.createNativeQuery("SELECT 1 FROM dead_letter_replay"
                        + " WHERE dlq_topic = ?1 AND partition = ?2 AND dlq_offset = ?3 AND dlq_timestamp = ?4")
                .setParameter(1, where.dlqTopic())
                .setParameter(2, where.partition())
                .setParameter(3, where.offset())
                .setParameter(4, dlqTimestamp)
                .getResultList()
                .map(rows -> !((List<?>) rows).isEmpty()));
    }

    /** @return false when it was replayed already (by another operator) */
    public Uni<Boolean> record(DeadLetterId where, long dlqTimestamp) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO dead_letter_replay (dlq_topic,"
                        + " partition, dlq_offset, dlq_timestamp) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, where.dlqTopic())
                .setParameter(2, where.partition())
                .setParameter(3, where.offset())
                .setParameter(4, dlqTimestamp)
                .executeUpdate()).map(inserted -> inserted == 1);
    }

    /** The replay could not be sent after all. */
    public Uni<Void> forget(DeadLetterId where, long dlqTimestamp) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM dead_letter_replay"
                        + " WHERE dlq_topic = ?1 AND partition = ?2 AND dlq_offset = ?3 AND dlq_timestamp = ?4")
                .setParameter(1, where.dlqTopic())
                .setParameter(2, where.partition())
                .setParameter(3, where.offset())
                .setParameter(4, dlqTimestamp)
                .executeUpdate()).replaceWithVoid();
    }
}
