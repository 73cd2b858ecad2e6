package fr.passerelle.publish.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.publish.publication.PublicationRequestedConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code publication-requested} consumer on the local stack's PostgreSQL and S3, called as the Kafka channel
 * calls it (the channel itself is off in tests): the publication, its {@code publication.completed} in the outbox and
 * the processed-event record in one transaction; the same event delivered again changes nothing.
 */
@QuarkusTest
@Tag("database")
class PublicationRequestedConsumerDatabaseTest {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Inject
    PublicationRequestedConsumer consumer;
    @Inject
    ObjectStore store;
    @Inject
    StorageConfig storage;
    @Inject
    Rows rows;

    private final String dataset = "db-test-" + UUID.randomUUID().toString().substring(0, 8);

    private static ConsumerRecord<String, String> record(String eventId, PublicationRequested request) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(EventType.PUBLICATION_REQUESTED.topic(), 0, 0,
                request.key(), EventJson.write(request));
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventType.PUBLICATION_REQUESTED.ceType()
                .getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private PublicationRequested requestFor(ObjectRef clean, int version) {
        return new PublicationRequested(UUID.randomUUID().toString(), "db-tests", dataset, version, "irve-statique",
                clean, null, Instant.now(), null);
    }

    @Test
    void aPublicationIsRecordedWithItsEventAndARedeliveryIsANoOp() {
        ObjectRef clean = store.put(storage.buckets().clean(), "db-tests/" + dataset + "/clean.csv",
                "id,nom\n1,Gare\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        PublicationRequested request = requestFor(clean, 1);
        String eventId = UUID.randomUUID().toString();

        consumer.onPublicationRequested(record(eventId, request)).await().atMost(PATIENCE);

        List<Object[]> published = rows.select("SELECT version, public_bucket, public_key FROM publication"
                + " WHERE organization = 'db-tests' AND dataset = ?1", dataset);
        assertEquals(1, published.size());
        assertEquals(storage.buckets().publicBucket(), published.get(0)[1]);
        assertEquals("db-tests/" + dataset + "/v1/" + dataset + ".csv", published.get(0)[2]);
        assertTrue(store.stat(storage.buckets().publicBucket(), (String) published.get(0)[2]).isPresent(),
                "the clean file was copied to the public bucket");
        assertEquals(1, eventsOf(request, EventType.PUBLICATION_COMPLETED));
        assertEquals(1, rows.count("SELECT count(*) FROM processed_event WHERE consumer = 'publish-portal'"
                + " AND event_id = ?1", eventId));

        // Delivered again (a rebalance, a crash before the commit of the offset): nothing more is written.
        consumer.onPublicationRequested(record(eventId, request)).await().atMost(PATIENCE);

        assertEquals(1, rows.count("SELECT count(*) FROM publication WHERE organization = 'db-tests'"
                + " AND dataset = ?1", dataset));
        assertEquals(1, eventsOf(request, EventType.PUBLICATION_COMPLETED));
        assertEquals(1, rows.count("SELECT count(*) FROM processed_event WHERE consumer = 'publish-portal'"
                + " AND event_id = ?1", eventId));
    }

    @Test
    void aCleanFileTheStoreDoesNotHaveFailsThePublicationWithItsEventAndNoRow() {
        PublicationRequested request = requestFor(new ObjectRef(storage.buckets().clean(),
                "db-tests/" + dataset + "/absent.csv", "abc", 12), 1);

        consumer.onPublicationRequested(record(UUID.randomUUID().toString(), request)).await().atMost(
                Duration.ofMinutes(4));

        assertEquals(0, rows.count("SELECT count(*) FROM publication WHERE organization = 'db-tests'"
                + " AND dataset = ?1", dataset));
        assertEquals(1, eventsOf(request, EventType.PUBLICATION_FAILED));
        assertEquals(0, eventsOf(request, EventType.PUBLICATION_COMPLETED));
    }

    private long eventsOf(PublicationRequested request, EventType type) {
        return rows.count("SELECT count(*) FROM outbox WHERE ce_type = ?1 AND payload LIKE ?2", type.ceType(),
                "%" + request.uploadId() + "%");
    }
}
