package fr.passerelle.platform.messaging;

import fr.passerelle.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes on each record a service reads the service's consumer group ({@value #HEADER}). SmallRye copies a record's
 * headers into its dead letter, so a dead letter says which service gave up on the event: every service's consumers
 * share {@code <topic>.dlq}, and a notification that could not be written must not make ingest say the upload failed.
 * A dead letter read back keeps the stamp of the service that gave up.
 */
public class ConsumerStamp implements ConsumerInterceptor<Object, Object> {

    public static final String HEADER = "passerelle-consumer-group";

    private byte[] group = new byte[0];

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        group = String.valueOf(id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                continue;
            }
            // An event replayed from a dead letter comes back with the stamp of the service that gave up on it.
            record.headers().remove(HEADER);
            record.headers().add(HEADER, group);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do on commits
    }

    @Override
    public void close() {
        // nothing held
    }
}
