package fr.passerelle.platform.consumer;

import fr.passerelle.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One attempt at an event, for a handler in steps ({@link EventConsumers#consumeInSteps}): its slow work done,
 * the handler records the event with its effects, once.
 */
public final class FirstDelivery {

    private final Inbox inbox;
    private final String consumer;
    private final String eventId;
    private final ConsumerRecord<String, String> record;
    private Boolean first;

    FirstDelivery(Inbox inbox, String consumer, String eventId, ConsumerRecord<String, String> record) {
        this.inbox = inbox;
        this.consumer = consumer;
        this.eventId = eventId;
        this.record = record;
    }

    /**
     * Records the event as handled and writes {@code effects}, in one transaction; on a redelivery, does
     * neither. The effects run where the transaction is: no step of theirs may move to another thread.
     *
     * @return true on the first delivery, false on a redelivery
     */
    public Uni<Boolean> record(Supplier<Uni<Void>> effects) {
        return inbox.recordFirst(consumer, eventId, () -> {
            // The outbox continues the event's trace: remembered on the thread that writes it.
            TraceContext.received(record);
            return effects.get();
        }).invoke(recorded -> first = recorded);
    }

    ConsumerMetrics.Outcome outcome() {
        if (first == null) {
            throw new IllegalStateException(consumer + " handled event " + eventId + " without recording it");
        }
        return first ? ConsumerMetrics.Outcome.HANDLED : ConsumerMetrics.Outcome.REDELIVERED;
    }
}
