package fr.passerelle.platform.outbox;

import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event to send, in the caller's transaction: the event leaves the service only if the
 * state change that caused it commits ({@link OutboxRelay} sends it afterwards).
 */
@ApplicationScoped
public class Outbox {

    private final Database database;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(Database database, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.database = database;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** @return the CloudEvents id the event will carry */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(TopicEvent event) {
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        Map<String, String> trace = TraceContext.toPropagate();
        database.update("INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_subject, payload, traceparent,"
                        + " tracestate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, type.topic(), event.key(), type.ceType(), event.subject(), EventJson.write(event),
                trace.get(TraceContext.TRACEPARENT), trace.get(TraceContext.TRACESTATE));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return eventId;
    }
}
