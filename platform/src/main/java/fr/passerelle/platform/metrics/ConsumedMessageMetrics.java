package fr.passerelle.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts and times every message that an {@code @Incoming} channel of the service consumes, so
 * that no consumer has to: SmallRye Reactive Messaging calls this interceptor for every connector
 * channel that has no interceptor of its own ({@code @Identifier("channel")}).
 *
 * <p>A message ends in success when it is acknowledged, in failure when it is negatively
 * acknowledged — after the consumer's own retries, so with the house failure strategy a failure is
 * a message sent to {@code <topic>.dlq}. The time runs from the moment the connector hands the
 * message to the channel until that outcome, so it includes the wait behind earlier messages of
 * the same channel: what a stuck or slow stage looks like from outside.
 */
@ApplicationScoped
public class ConsumedMessageMetrics implements IncomingInterceptor {

    static final String CONSUMED = "passerelle.messages.consumed";
    static final String PROCESSING = "passerelle.messages.processing";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    public ConsumedMessageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Where the clock of one message started; travels with the message as metadata. */
    record ReceivedAt(long nanos) {
    }

    private record Key(String channel, String topic, String outcome) {
    }

    private record Meters(Counter consumed, Timer processing) {
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        return message.addMetadata(new ReceivedAt(System.nanoTime()));
    }

    @Override
    public void onMessageAck(Message<?> message) {
        record(message, SUCCESS);
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        record(message, FAILURE);
    }

    private void record(Message<?> message, String outcome) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String channel = kafka.map(IncomingKafkaRecordMetadata::getChannel).orElse(UNKNOWN);
        String topic = kafka.map(IncomingKafkaRecordMetadata::getTopic).orElse(UNKNOWN);
        Meters meters = meters(new Key(channel == null ? UNKNOWN : channel, topic == null ? UNKNOWN : topic, outcome));
        meters.consumed().increment();
        message.getMetadata(ReceivedAt.class).ifPresent(received ->
                meters.processing().record(Duration.ofNanos(System.nanoTime() - received.nanos())));
    }

    private Meters meters(Key key) {
        return meters.computeIfAbsent(key, k -> new Meters(
                Counter.builder(CONSUMED)
                        .description("Messages consumed, by channel, topic and outcome (failure: sent to the dead-letter topic)")
                        .tags("channel", k.channel(), "topic", k.topic(), "outcome", k.outcome())
                        .register(registry),
                Timer.builder(PROCESSING)
                        .description("Time from a message's delivery to the channel until its acknowledgement or dead letter")
                        .tags("channel", k.channel(), "topic", k.topic(), "outcome", k.outcome())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(5))
                        .maximumExpectedValue(Duration.ofMinutes(2))
                        .register(registry)));
    }
}
