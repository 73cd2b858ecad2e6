package fr.passerelle.platform.inbox;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The events a consumer has already handled, so that a redelivery (rebalance, crash before the
 * offset commit, outbox re-send) is a no-op. Used by the consumer skeleton only
 * ({@link fr.passerelle.platform.consumer.JtaInbox}).
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

    /** A cheap look before slow work (reading files) that the transaction would then discard. */
    public boolean isProcessed(String consumer, String eventId) {
        return database.queryOne("SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?",
                row -> true, consumer, eventId).isPresent();
    }
}
