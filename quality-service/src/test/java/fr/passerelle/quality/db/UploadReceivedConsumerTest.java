package fr.passerelle.quality.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.quality.check.UploadReceivedConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer of {@code upload.received} on the real database: the report, the {@code quality.checked} outbox row and
 * the event's record commit together, and a redelivered event is a no-op (the file not even read again). S3 is an
 * in-memory double here ({@link MemoryObjectStore}); the end-to-end tests run the real one.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
class UploadReceivedConsumerTest {

    @Inject
    UploadReceivedConsumer consumer;
    @Inject
    MemoryObjectStore store;
    @Inject
    AgroalDataSource jdbc;

    @Test
    void aCheckedFileIsRecordedAndAnnouncedOnceAndARedeliveryIsANoOp() throws SQLException {
        String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String upload = UUID.randomUUID().toString();
        String rawKey = org + "/velos/" + upload + "/velos.csv";
        store.objects.put("raw/" + rawKey, "nom;capacite\nArceau mairie;12\nAbri gare;x\n".getBytes(StandardCharsets.UTF_8));
        UploadReceived event = new UploadReceived(upload, org, "velos", null, "velos.csv", "upload",
                new ObjectRef("raw", rawKey, null, 40), Instant.now());
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), event);

        consumer.onUploadReceived(record).await().atMost(Duration.ofSeconds(60));
        int storeCalls = store.threads.size();
        assertTrue(storeCalls >= 2, "the raw file read, the report written: " + store.threads);
        assertFalse(store.threads.stream().anyMatch(thread -> thread.contains("eventloop")),
                "the object store's blocking client never runs on the event loop: " + store.threads);
        assertTrue(store.objects.containsKey("clean/" + org + "/velos/" + upload + "/report.json"));
        assertEquals(1, count("SELECT count(*) FROM report WHERE upload_id = ?::uuid", upload));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE topic = 'passerelle.quality.checked.v1'"
                + " AND payload LIKE ?", "%" + upload + "%"));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE consumer = 'quality-check' AND event_id = ?",
                header(record)));

        consumer.onUploadReceived(record).await().atMost(Duration.ofSeconds(60));
        assertEquals(storeCalls, store.threads.size(), "a redelivery is skipped before the file is read");
        assertEquals(1, count("SELECT count(*) FROM report WHERE upload_id = ?::uuid", upload));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE topic = 'passerelle.quality.checked.v1'"
                + " AND payload LIKE ?", "%" + upload + "%"), "announced once");
    }

    private static ConsumerRecord<String, String> record(String id, UploadReceived event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(EventType.UPLOAD_RECEIVED.topic(), 0, 1L,
                event.key(), EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventType.UPLOAD_RECEIVED.ceType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
