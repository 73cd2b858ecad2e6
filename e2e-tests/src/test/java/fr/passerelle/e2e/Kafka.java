package fr.passerelle.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the real broker's topics, as an operator's tool would. */
final class Kafka {

    private Kafka() {
    }

    /** Every record of the topic, read from the beginning to its current end, without a group. */
    static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    /** Polls the topic until a record matches, or fails after the pipeline's patience. */
    static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> found = readAll(topic, filter);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Pipeline.sleep(500);
        }
        throw new AssertionError("No matching record on " + topic + " within " + Pipeline.PATIENCE);
    }

    /** Shared and kept open: a test that races the clock must not pay for a producer's start. */
    private static KafkaProducer<String, String> producer;

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Connects and fetches the topic's metadata ahead of a send that must be quick. */
    static void warmUp(String topic) {
        producer().partitionsFor(topic);
    }

    static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
