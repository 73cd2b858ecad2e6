package fr.passerelle.platform.reactive;

import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event to send, in the caller's reactive transaction: the event leaves the service only if the state
 * change that caused it commits. The relay ({@link fr.passerelle.platform.outbox.OutboxRelay}) stays on JDBC: it is
 * one pass at a time per service under a transaction-scoped advisory lock, on a thread of its own, with Kafka's
 * blocking producer acknowledgements inside the transaction; nothing there serves a request, so the event loop gains
 * nothing from it, and one relay for the four services keeps per-dataset order the same for all of them.
 */
@ApplicationScoped
public class ReactiveOutbox {

    private final Transactions transactions;

    public ReactiveOutbox(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The trace context is taken when this is called, not when the returned {@code Uni} runs: on an event loop,
     * another event's work may run in between (see {@link TraceContext}).
     *
     * @return the CloudEvents id the event will carry
     */
    public Uni<UUID> publish(TopicEvent event) {
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        Map<String, String> trace = TraceContext.toPropagate();
        String payload = EventJson.write(event);
        return transactions.mandatory(session -> {
            transactions.outboxWritten();
            return session.createNativeQuery("INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_subject,"
                            + " payload, traceparent, tracestate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, eventId)
                    .setParameter(2, type.topic())
                    .setParameter(3, event.key())
                    .setParameter(4, type.ceType())
                    .setParameter(5, event.subject())
                    .setParameter(6, payload)
                    .setParameter(7, trace.get(TraceContext.TRACEPARENT))
                    .setParameter(8, trace.get(TraceContext.TRACESTATE))
                    .executeUpdate();
        }).replaceWith(eventId);
    }
}
