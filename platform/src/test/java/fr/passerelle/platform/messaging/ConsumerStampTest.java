package fr.passerelle.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerStampTest {

    @Test
    void anEventReadIsStampedWithTheReadersGroupOnceEvenWhenReplayedWithAnotherStamp() {
        ConsumerRecord<Object, Object> event = new ConsumerRecord<>(Topics.QUALITY_CHECKED, 0, 1L, "k", "v");
        ConsumerRecord<Object, Object> replayed = new ConsumerRecord<>(Topics.QUALITY_CHECKED, 0, 2L, "k", "v");
        replayed.headers().add(ConsumerStamp.HEADER, "notification-service".getBytes(StandardCharsets.UTF_8));

        stamp("catalog-service", event, replayed);

        assertEquals("catalog-service", stampOf(event));
        assertEquals("catalog-service", stampOf(replayed));
        assertEquals(1, replayed.headers().toArray().length);
    }

    @Test
    void aDeadLetterReadKeepsTheStampOfTheServiceThatGaveUp() {
        ConsumerRecord<Object, Object> letter = new ConsumerRecord<>(Topics.deadLetterOf(Topics.QUALITY_CHECKED), 0,
                1L, "k", "v");
        letter.headers().add(ConsumerStamp.HEADER, "notification-service".getBytes(StandardCharsets.UTF_8));

        stamp("ingest-service", letter);

        assertEquals("notification-service", stampOf(letter));
    }

    @SafeVarargs
    private static void stamp(String group, ConsumerRecord<Object, Object>... records) {
        try (ConsumerStamp stamp = new ConsumerStamp()) {
            stamp.configure(Map.of("group.id", group));
            stamp.onConsume(new ConsumerRecords<>(Map.of(new TopicPartition(records[0].topic(), 0), List.of(records)),
                    Map.of()));
        }
    }

    private static String stampOf(ConsumerRecord<Object, Object> record) {
        return new String(record.headers().lastHeader(ConsumerStamp.HEADER).value(), StandardCharsets.UTF_8);
    }
}
