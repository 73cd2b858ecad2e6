package fr.passerelle.platform.consumer;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.platform.inbox.ReceivedEvent;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer reads and under which name it records what it handled: the only thing, with its
 * handler, that a consumer declares ({@link EventConsumers} does the rest).
 *
 * @param consumer the consumer's name in {@code processed_event} (and in the metrics); never renamed, or
 *                 events already handled would be handled again
 * @param decoder  turns a Kafka record into the event, or throws
 *                 {@link fr.passerelle.contracts.MalformedEventException} (dead-lettered at once)
 * @param recorded false when the handler makes a redelivery a no-op by itself: it then runs without a
 *                 {@code processed_event} record and in no transaction of the skeleton's
 */
public record Subscription<T>(String consumer, Function<ConsumerRecord<String, String>, DecodedEvent<T>> decoder,
                              boolean recorded) {

    /** A CloudEvent of the pipeline, recorded under its {@code ce_id}. */
    public static <T extends TopicEvent> Subscription<T> of(String consumer, EventType type, Class<T> payloadType) {
        return new Subscription<>(consumer, record -> {
            ReceivedEvent<T> event = ReceivedEvent.decode(record, type, payloadType);
            return new DecodedEvent<>(event.id(), event.payload());
        }, true);
    }

    /** A record that is no CloudEvent of the pipeline, recorded under the id its decoder gives. */
    public static <T> Subscription<T> decodedBy(String consumer,
                                                Function<ConsumerRecord<String, String>, DecodedEvent<T>> decoder) {
        return new Subscription<>(consumer, decoder, true);
    }

    /**
     * A record whose handler is idempotent by itself (a claim of its own, in its own transactions): no
     * {@code processed_event} record, the rest of the skeleton (worker thread, retries, dead letter, metrics)
     * as for the others.
     */
    public static <T> Subscription<T> idempotentByItself(String consumer,
                                                         Function<ConsumerRecord<String, String>, T> decoder) {
        return new Subscription<>(consumer, record -> new DecodedEvent<>(null, decoder.apply(record)), false);
    }
}
