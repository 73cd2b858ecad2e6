package fr.passerelle.ingest.ops;

import fr.passerelle.platform.deadletter.DeadLetter;
import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.messaging.KafkaClientSecurity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the dead-letter topics and sends a dead letter back to the topic it came from. */
@ApplicationScoped
public class DeadLetterTopics {

    /** How far back each partition is read: the list is for people, not an archive. */
    private static final int RECENT_PER_PARTITION = 500;
    private static final String SMALLRYE_HEADER_PREFIX = "dead-letter-";

    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetterTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The recent dead letters of every topic, oldest first. */
    public List<DeadLetter> recent() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : Topics.EVENT_TOPICS) {
                String dlq = Topics.deadLetterOf(topic);
                List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(dlq, info.partition())).toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                partitions.forEach(p -> consumer.seek(p, Math.max(start.get(p), end.get(p) - RECENT_PER_PARTITION)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                        && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(DeadLetter.of(record)));
                }
            }
        }
        letters.sort((a, b) -> a.deadAt().compareTo(b.deadAt()));
        return letters;
    }

    public Optional<ConsumerRecord<String, String>> read(DeadLetterId id) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.dlqTopic(), id.partition());
            consumer.assign(List.of(partition));
            if (id.offset() < consumer.beginningOffsets(List.of(partition)).get(partition)
                    || id.offset() >= consumer.endOffsets(List.of(partition)).get(partition)) {
                return Optional.empty();
            }
            consumer.seek(partition, id.offset());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Sends the message, as it was first sent, to its original topic. */
    public void replay(ConsumerRecord<String, String> deadLetter, String originalTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(SMALLRYE_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        try {
            producer().send(new ProducerRecord<>(originalTopic, null, deadLetter.key(), deadLetter.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot replay to " + originalTopic, e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(KafkaClientSecurity.properties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-dead-letter-reader");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties config = new Properties();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.putAll(KafkaClientSecurity.properties());
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-dead-letter-replay");
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
