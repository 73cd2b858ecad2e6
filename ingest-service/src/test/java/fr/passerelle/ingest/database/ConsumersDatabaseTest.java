package fr.passerelle.ingest.database;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.ingest.audit.AuditConsumer;
import fr.passerelle.ingest.progress.DeadLetterConsumer;
import fr.passerelle.ingest.progress.PipelineProgressConsumer;
import fr.passerelle.ingest.upload.UploadStatus;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.reactive.Transactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ingest's consumers on the real database, called as their Kafka channels call them (the channels are off in tests):
 * the handler's writes and the event's {@code processed_event} record commit together, and the same event delivered
 * again writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class ConsumersDatabaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectRef RAW = new ObjectRef("raw", "k/velos.csv", "abc123", 40);

    @Inject
    PipelineProgressConsumer progress;
    @Inject
    AuditConsumer auditConsumer;
    @Inject
    DeadLetterConsumer deadLetters;
    @Inject
    Uploads uploads;
    @Inject
    Transactions transactions;
    @Inject
    Vertx vertx;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);

    private UUID anUpload() {
        UUID id = UUID.randomUUID();
        OnVertx.await(vertx, () -> transactions.inTransaction(session -> uploads.insert(id, org, "velos", null,
                "velos.csv", "upload", RAW).chain(() -> uploads.advance(id, UploadStatus.RECEIVED, "received", "ok",
                "reçu"))));
        return id;
    }

    private static ConsumerRecord<String, String> record(String eventId, EventType type, TopicEvent event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, 1L, event.key(),
                EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private long stages(UUID id) {
        return Sql.count(jdbc, "SELECT count(*) FROM upload_stage WHERE upload_id = ?", id);
    }

    @Test
    void aQualityVerdictMovesTheUploadRecordsItsQuestionsOnceAndARedeliveryWritesNothing() {
        UUID id = anUpload();
        QualityChecked checked = new QualityChecked(id.toString(), org, "velos", "stationnement-cyclable",
                QualityVerdict.BLOCKED, 87.5, 10, 2, "Une décision attend.", null, null, Instant.now(), null,
                List.of(new DecisionQuestion("donnees-personnelles:tel", "donnees-personnelles", "tel",
                        List.of("supprimer", "masquer"))));
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), EventType.QUALITY_CHECKED, checked);

        progress.onQualityChecked(record).await().atMost(PATIENCE);
        UploadView view = OnVertx.await(vertx, () -> uploads.find(id, "http://quality")).orElseThrow();
        assertEquals(UploadStatus.BLOCKED, view.status());
        assertEquals("BLOCKED", view.verdict());
        assertEquals(87.5, view.validityPercent());
        assertEquals("stationnement-cyclable", view.schema(), "the detected schema is the upload's");
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload_question WHERE upload_id = ?", id));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM processed_event WHERE consumer = 'ingest-progress'"
                + " AND event_id = ?", header(record)));
        long stagesAfterFirst = stages(id);
        assertEquals(2, stagesAfterFirst);

        progress.onQualityChecked(record).await().atMost(PATIENCE);
        assertEquals(stagesAfterFirst, stages(id), "a redelivery writes no stage");
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload_question WHERE upload_id = ?", id));
    }

    @Test
    void aPublicationIsRecordedWithItsVersionAndUrl() {
        UUID id = anUpload();
        PublicationCompleted completed = new PublicationCompleted(id.toString(), org, "velos", 3,
                "http://portal/" + org + "/velos", Instant.now());
        progress.onPublicationCompleted(record(UUID.randomUUID().toString(), EventType.PUBLICATION_COMPLETED,
                completed)).await().atMost(PATIENCE);
        UploadView view = OnVertx.await(vertx, () -> uploads.find(id, "http://quality")).orElseThrow();
        assertEquals(UploadStatus.PUBLISHED, view.status());
        assertEquals(3, view.version());
        assertEquals("http://portal/" + org + "/velos", view.publicUrl());
    }

    @Test
    void anEventOfAnUnknownUploadIsRecordedAndChangesNothing() {
        UUID unknown = UUID.randomUUID();
        PublicationCompleted completed = new PublicationCompleted(unknown.toString(), org, "velos", 1, "http://x",
                Instant.now());
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), EventType.PUBLICATION_COMPLETED,
                completed);
        progress.onPublicationCompleted(record).await().atMost(PATIENCE);
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE id = ?", unknown));
        assertEquals(0, stages(unknown));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM processed_event WHERE consumer = 'ingest-progress'"
                + " AND event_id = ?", header(record)));
    }

    @Test
    void anAuditEntryIsCollectedOnceWithTheServiceThatSentIt() {
        AuditRecorded entry = new AuditRecorded(UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), org, "velos", "publieur@test", "10.0.0.1",
                "dataset.approved", "Version 2 approuvée.");
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), EventType.AUDIT_RECORDED, entry);
        record.headers().add(CloudEventHeaders.SOURCE, "/passerelle/catalog-service".getBytes(StandardCharsets.UTF_8));
        auditConsumer.onAuditRecorded(record).await().atMost(PATIENCE);
        auditConsumer.onAuditRecorded(record).await().atMost(PATIENCE);
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM audit_entry WHERE organization = ?", org));
        assertEquals("catalog-service", Sql.one(jdbc, "SELECT source FROM audit_entry WHERE event_id = ?",
                entry.eventId()));
    }

    @Test
    void aDeadLetterFailsItsUploadOnceAndARedeliveryWritesNothing() {
        UUID id = anUpload();
        QualityChecked checked = new QualityChecked(id.toString(), org, "velos", null, QualityVerdict.VALID, 100, 1, 0,
                "ok", null, null, Instant.now());
        long deadAt = Instant.now().toEpochMilli();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-exception-class-name", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-reason", "boom".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> letter = new ConsumerRecord<>(EventType.QUALITY_CHECKED.topic() + ".dlq", 0,
                Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), deadAt, TimestampType.CREATE_TIME, -1,
                -1, checked.key(), EventJson.write(checked), headers, Optional.empty());

        deadLetters.onDeadLetter(letter).await().atMost(PATIENCE);
        UploadView view = OnVertx.await(vertx, () -> uploads.find(id, "http://quality")).orElseThrow();
        assertEquals(UploadStatus.FAILED, view.status(), "an unreplayed dead letter fails the upload");
        assertTrue(view.failureReason() != null && !view.failureReason().isBlank());
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload_dead_letter WHERE upload_id = ?", id));
        long stagesAfterFirst = stages(id);

        deadLetters.onDeadLetter(letter).await().atMost(PATIENCE);
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload_dead_letter WHERE upload_id = ?", id));
        assertEquals(stagesAfterFirst, stages(id), "a redelivery writes no stage");
    }

    @Test
    void aDeadLetterOfTheNotificationsLeavesTheUploadGoingOn() {
        UUID id = anUpload();
        QualityChecked checked = new QualityChecked(id.toString(), org, "velos", null, QualityVerdict.VALID, 100, 1, 0,
                "ok", null, null, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-exception-class-name", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-reason", "boom".getBytes(StandardCharsets.UTF_8));
        headers.add("passerelle-consumer-group", "notification-service".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> letter = new ConsumerRecord<>(EventType.QUALITY_CHECKED.topic() + ".dlq", 0,
                Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), Instant.now().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, -1, checked.key(), EventJson.write(checked), headers, Optional.empty());

        deadLetters.onDeadLetter(letter).await().atMost(PATIENCE);

        UploadView view = OnVertx.await(vertx, () -> uploads.find(id, "http://quality")).orElseThrow();
        assertEquals(UploadStatus.RECEIVED, view.status(), "a message not written is no failure of the upload");
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload_dead_letter WHERE upload_id = ?", id));
    }

    @Test
    void aHandlerThatFailsLeavesNoRecordSoTheEventIsNotLost() {
        // Not a UUID: the handler fails as the event is malformed, and nothing of it (not even its record) stays.
        PublicationCompleted malformed = new PublicationCompleted("pas-un-uuid", org, "velos", 1, "http://x",
                Instant.now());
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), EventType.PUBLICATION_COMPLETED,
                malformed);
        assertThrows(RuntimeException.class, () -> progress.onPublicationCompleted(record).await().atMost(PATIENCE));
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM processed_event WHERE consumer = 'ingest-progress'"
                + " AND event_id = ?", header(record)));
    }

    private static String header(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }
}
