package fr.passerelle.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What became of the events each consumer was given, and how often it had to try again: the skeleton's
 * counters, next to the channel's ({@link fr.passerelle.platform.metrics.ConsumedMessageMetrics}).
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String EVENTS = "passerelle.consumer.events";
    static final String RETRIES = "passerelle.consumer.retries";

    /** What became of one delivered event. */
    public enum Outcome {
        /** Handled on its first delivery. */
        HANDLED("handled"),
        /** Already handled: a redelivery, a no-op. */
        REDELIVERED("redelivered"),
        /** Given up on: sent to {@code <topic>.dlq} (logged only on a channel without one). */
        DEAD_LETTERED("dead-lettered");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(String consumer, Outcome outcome) {
        Counter.builder(EVENTS)
                .description("Events delivered to a consumer, by outcome (dead-lettered: given up after the retry policy)")
                .tags("consumer", consumer, "outcome", outcome.tag)
                .register(registry).increment();
    }

    void retried(String consumer, boolean outage) {
        Counter.builder(RETRIES)
                .description("Attempts a consumer made again, by cause (outage: database or object store unreachable)")
                .tags("consumer", consumer, "cause", outage ? "outage" : "failure")
                .register(registry).increment();
    }
}
