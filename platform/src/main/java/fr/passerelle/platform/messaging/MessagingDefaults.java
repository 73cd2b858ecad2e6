package fr.passerelle.platform.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The house rules for every Kafka consumer, so that no service can forget one: the consumer group
 * is the service's name, a message that cannot be processed goes to {@code <topic>.dlq} and never
 * blocks its partition, and a new group starts from the earliest offset so nothing is skipped.
 *
 * <p>These are defaults with a low ordinal: a service's {@code application.properties} or the
 * environment may override any of them.
 */
public class MessagingDefaults implements ConfigSourceFactory {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern INCOMING_KAFKA = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> defaults = new HashMap<>();
        ConfigValue application = context.getValue("quarkus.application.name");
        String group = application == null || application.getValue() == null ? "passerelle" : application.getValue();
        String connector = "mp.messaging.connector.smallrye-kafka.";
        defaults.put(connector + "group.id", group);
        defaults.put(connector + "auto.offset.reset", "earliest");
        defaults.put(connector + "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(connector + "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(connector + "failure-strategy", "dead-letter-queue");
        // A stop closes the channels one after the other, and each waits twice its poll timeout for the messages in
        // flight (SmallRye's graceful shutdown). At the 1 s default, a service of eight channels took 17-23 s to stop,
        // close to the 25 s an orchestrator or the fault harness grants; at 250 ms, 3-11 s with the commit interval
        // below. Polling more often costs nothing on the broker: an empty poll waits there for fetch.max.wait.ms
        // whatever this value.
        defaults.put(connector + "poll-timeout", "250");
        // The throttled commit strategy commits processed offsets at this interval, and at a stop waits as long for
        // the messages still in flight. A message whose handler met the database pool closed by the stop is left
        // unacknowledged for the next instance (consumer.Stopping), so its channel always waited the full 5 s default:
        // three such channels made ingest exceed 25 s under load. At 1 s, a stop waits about a second per such channel,
        // and a kill -9 redelivers at most a second of processed messages (the consumers are idempotent).
        defaults.put(connector + "auto.commit.interval.ms", "1000");
        // Every channel of a service is a member of the service's one group: when a channel leaves (a stop) or joins
        // (a start), the others learn of the rebalance at their next heartbeat; at 1 s rather than Kafka's 3 s, a
        // rebalance round is short. (The consumer protocol of KIP-848 would spare the rounds, but kafka-clients 4.1's
        // consumer for it spun its background thread while the broker was down: with all the services' consumers,
        // both cores, and a Kafka restarted by the fault harness took over a minute to open its port.)
        defaults.put(connector + "heartbeat.interval.ms", "1000");
        // The broker does not auto-create topics: each dead-letter topic is created with the others.
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            Matcher kafka = INCOMING_KAFKA.matcher(name);
            ConfigValue channelConnector = kafka.matches() ? context.getValue(name) : null;
            if (channelConnector != null && "smallrye-kafka".equals(channelConnector.getValue())) {
                // Per incoming channel, not on the connector: a producer would refuse a consumer's interceptor.
                defaults.put("mp.messaging.incoming." + kafka.group(1) + ".interceptor.classes",
                        ConsumerStamp.class.getName());
            }
            Matcher matcher = INCOMING_TOPIC.matcher(name);
            if (matcher.matches()) {
                ConfigValue topic = context.getValue(matcher.group());
                if (topic != null && topic.getValue() != null) {
                    defaults.put("mp.messaging.incoming." + matcher.group(1) + ".dead-letter-queue.topic",
                            topic.getValue() + ".dlq");
                }
            }
        }
        return List.of(new PropertiesConfigSource(defaults, "passerelle-messaging-defaults", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
