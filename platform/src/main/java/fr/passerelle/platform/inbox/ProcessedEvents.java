package fr.passerelle.platform.inbox;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.TopicEvent;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The events a consumer has already handled, so that a redelivery (rebalance, crash before the
 * offset commit, outbox re-send) is a no-op.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Database database;

    public ProcessedEvents(Database database) {
        this.database = database;
    }

    /**
     * Records the event as handled, in the caller's transaction, together with its effects.
     *
     * @return false when it was already handled: the caller must then do nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, String eventId) {
        return database.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", consumer, eventId) == 1;
    }

    /**
     * Decodes a record and records it as handled, in the caller's transaction.
     *
     * @return the payload on its first delivery; empty on a redelivery, which the caller ignores
     * @throws fr.passerelle.contracts.MalformedEventException for a record that is not such an event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends TopicEvent> Optional<T> firstDelivery(String consumer, ConsumerRecord<String, String> record,
                                                              EventType type, Class<T> payloadType) {
        ReceivedEvent<T> event = ReceivedEvent.decode(record, type, payloadType);
        return markProcessed(consumer, event.id()) ? Optional.of(event.payload()) : Optional.empty();
    }

    /** A cheap look before slow work (reading files) that the transaction would then discard. */
    public boolean isProcessed(String consumer, String eventId) {
        return database.queryOne("SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?",
                row -> true, consumer, eventId).isPresent();
    }
}
