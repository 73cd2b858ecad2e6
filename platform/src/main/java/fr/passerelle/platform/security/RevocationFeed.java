package fr.passerelle.platform.security;

import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.TokenRevoked;
import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.messaging.KafkaClientSecurity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every token revocation into {@link RevokedTokens}, from the beginning of the compacted topic
 * and then as they come. No consumer group: every instance of every service must see every
 * revocation, and nothing is committed. Kafka away at start or later only delays revocations made
 * meanwhile; the thread keeps trying.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final RevokedTokens revoked;
    private final String bootstrap;
    private final boolean enabled;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;
    private Thread thread;

    public RevocationFeed(RevokedTokens revoked,
                          @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrap,
                          @ConfigProperty(name = "passerelle.auth.revocations.enabled", defaultValue = "true") boolean enabled) {
        this.revoked = revoked;
        this.bootstrap = bootstrap;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "token-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        while (!stopping) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                if (partitions.isEmpty()) {
                    LOG.warnf("Topic %s not found yet: token revocations will be read once it exists", Topics.TOKENS_REVOKED);
                    sleep();
                    continue;
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofSeconds(1))) {
                        apply(record.value());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Token revocations: %s; reading again in %d s", e.getMessage(), RETRY.toSeconds());
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    /** One record of the topic; a malformed one is skipped (logged), it cannot revoke anything. */
    void apply(String json) {
        if (json == null) {
            return;
        }
        try {
            TokenRevoked revocation = EventJson.read(json, TokenRevoked.class);
            revoked.revoke(revocation.tokenId(), revocation.expiresAt());
        } catch (MalformedEventException e) {
            LOG.warnf("Malformed token revocation skipped: %s", e.getMessage());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(Topics.TOKENS_REVOKED, Duration.ofSeconds(10));
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.putAll(KafkaClientSecurity.properties());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "token-revocations");
        return properties;
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
