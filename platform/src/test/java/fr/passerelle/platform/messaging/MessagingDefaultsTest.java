package fr.passerelle.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingDefaultsTest {

    private static SmallRyeConfig configWith(Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new MessagingDefaults())
                .build();
    }

    @Test
    void everyIncomingChannelDeadLettersToItsTopicDlq() {
        SmallRyeConfig config = configWith(Map.of(
                "quarkus.application.name", "catalog-service",
                "mp.messaging.incoming.quality-checked.topic", "passerelle.quality.checked.v1",
                "mp.messaging.incoming.publication-failed.topic", "passerelle.publication.failed.v1"));

        assertEquals("passerelle.quality.checked.v1.dlq",
                config.getRawValue("mp.messaging.incoming.quality-checked.dead-letter-queue.topic"));
        assertEquals("passerelle.publication.failed.v1.dlq",
                config.getRawValue("mp.messaging.incoming.publication-failed.dead-letter-queue.topic"));
        assertEquals("dead-letter-queue", config.getRawValue("mp.messaging.connector.smallrye-kafka.failure-strategy"));
        assertEquals("catalog-service", config.getRawValue("mp.messaging.connector.smallrye-kafka.group.id"));
        assertEquals("earliest", config.getRawValue("mp.messaging.connector.smallrye-kafka.auto.offset.reset"));
        // A service's channels share one group: heartbeats every second keep its rebalances (a stop, a start) short.
        assertEquals("1000", config.getRawValue("mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms"));
        // A stop waits twice the poll timeout per channel: 250 ms keeps a service of eight channels well under 25 s.
        assertEquals("250", config.getRawValue("mp.messaging.connector.smallrye-kafka.poll-timeout"));
        // ...and as long as the commit interval for a message left in flight (5 s by default): 1 s here.
        assertEquals("1000", config.getRawValue("mp.messaging.connector.smallrye-kafka.auto.commit.interval.ms"));
    }

    @Test
    void aServiceMayOverrideAnyDefault() {
        SmallRyeConfig config = configWith(Map.of(
                "quarkus.application.name", "quality-service",
                "mp.messaging.incoming.upload-received.topic", "passerelle.upload.received.v1",
                "mp.messaging.incoming.upload-received.dead-letter-queue.topic", "elsewhere",
                "mp.messaging.connector.smallrye-kafka.group.id", "other-group"));

        assertEquals("elsewhere", config.getRawValue("mp.messaging.incoming.upload-received.dead-letter-queue.topic"));
        assertEquals("other-group", config.getRawValue("mp.messaging.connector.smallrye-kafka.group.id"));
    }

    @Test
    void outgoingChannelsGetNoDeadLetterTopic() {
        SmallRyeConfig config = configWith(Map.of(
                "mp.messaging.outgoing.out.topic", "passerelle.upload.received.v1"));
        assertFalse(config.getOptionalValue("mp.messaging.outgoing.out.dead-letter-queue.topic", String.class)
                .isPresent());
    }

    @Test
    void everyIncomingKafkaChannelStampsWhatItReadsWithTheServicesGroup() {
        SmallRyeConfig config = configWith(Map.of(
                "mp.messaging.incoming.audit.connector", "smallrye-kafka",
                "mp.messaging.incoming.audit.topic", "passerelle.audit.v1",
                "mp.messaging.incoming.memory.connector", "smallrye-in-memory",
                "mp.messaging.outgoing.out.connector", "smallrye-kafka"));

        assertEquals(ConsumerStamp.class.getName(), config.getRawValue("mp.messaging.incoming.audit.interceptor.classes"));
        assertFalse(config.getOptionalValue("mp.messaging.incoming.memory.interceptor.classes", String.class).isPresent());
        assertFalse(config.getOptionalValue("mp.messaging.outgoing.out.interceptor.classes", String.class).isPresent(),
                "a producer would refuse a consumer's interceptor");
        assertFalse(config.getOptionalValue("mp.messaging.connector.smallrye-kafka.interceptor.classes", String.class)
                .isPresent());
    }
}
