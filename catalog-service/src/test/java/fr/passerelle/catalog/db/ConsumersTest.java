package fr.passerelle.catalog.db;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.publication.PublicationOutcomeConsumer;
import fr.passerelle.catalog.version.QualityCheckedConsumer;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.platform.reactive.Transactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three consumers on the real database, called as the Kafka channels call them (the channels are off in tests):
 * the effects, their outbox rows and the event's {@code processed_event} record commit together, and a redelivered
 * event writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
class ConsumersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    QualityCheckedConsumer versionsConsumer;
    @Inject
    PublicationOutcomeConsumer outcomes;
    @Inject
    Datasets datasets;
    @Inject
    Transactions transactions;
    @Inject
    Vertx vertx;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private Rows rows;

    @BeforeEach
    void rows() {
        rows = new Rows(jdbc);
    }

    @Test
    void aValidFileBecomesAVersionAwaitingApprovalOnceAndARedeliveryWritesNothing() {
        QualityChecked checked = Events.valid(org, "velos", "stationnement-cyclable");
        ConsumerRecord<String, String> record = Events.record(EventType.QUALITY_CHECKED, checked);

        versionsConsumer.onQualityChecked(record).await().atMost(PATIENCE);

        assertEquals("AWAITING_APPROVAL", rows.one("SELECT state FROM version WHERE organization = ? AND dataset = 'velos'"
                + " AND number = 1", org));
        assertEquals(Events.traceparent(record), rows.one("SELECT traceparent FROM version WHERE organization = ?", org),
                "the upload's trace, for a publication approved later");
        assertEquals(1, recorded(checked, "passerelle.version.recorded.v1"));
        assertTrue(((String) rows.one("SELECT payload FROM outbox WHERE payload LIKE ?", "%" + checked.uploadId() + "%"))
                .contains("\"awaitingApproval\":true"));
        assertEquals(Events.traceparent(record), rows.one("SELECT traceparent FROM outbox WHERE payload LIKE ?",
                "%" + checked.uploadId() + "%"), "the event continues the upload's trace");
        assertEquals(0, recorded(checked, "passerelle.publication.requested.v1"), "a new dataset waits for a publisher");
        assertEquals(1, rows.count("SELECT count(*) FROM processed_event WHERE consumer = 'catalog-versions'"
                + " AND event_id = ?", Events.id(record)));

        versionsConsumer.onQualityChecked(record).await().atMost(PATIENCE);
        assertEquals(1, rows.count("SELECT count(*) FROM version WHERE organization = ?", org));
        assertEquals(1, recorded(checked, "passerelle.version.recorded.v1"), "announced once");
    }

    @Test
    void onAnApprovedDatasetAVersionIsSentToPublicationWithTheDatasetsMetadata() {
        QualityChecked first = Events.valid(org, "velos", "stationnement-cyclable");
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, first)).await().atMost(PATIENCE);
        OnVertx.await(vertx, () -> transactions.inTransaction(session -> datasets.approve(org, "velos", "publieur")));

        QualityChecked second = Events.valid(org, "velos", "stationnement-cyclable");
        ConsumerRecord<String, String> record = Events.record(EventType.QUALITY_CHECKED, second);
        versionsConsumer.onQualityChecked(record).await().atMost(PATIENCE);

        assertEquals("PUBLICATION_REQUESTED", rows.one("SELECT state FROM version WHERE organization = ?"
                + " AND number = 2", org));
        assertEquals(1, recorded(second, "passerelle.publication.requested.v1"));
        String request = (String) rows.one("SELECT payload FROM outbox WHERE topic = 'passerelle.publication.requested.v1'"
                + " AND payload LIKE ?", "%" + second.uploadId() + "%");
        assertTrue(request.contains("\"title\":\"velos\""), request);
        assertTrue(request.contains("etalab/schema-stationnement-cyclable"), "the catalogue schema travels: " + request);
        assertEquals(Events.traceparent(record), rows.one("SELECT traceparent FROM outbox WHERE topic ="
                + " 'passerelle.publication.requested.v1' AND payload LIKE ?", "%" + second.uploadId() + "%"));
        assertTrue(((String) rows.one("SELECT payload FROM outbox WHERE topic = 'passerelle.version.recorded.v1'"
                + " AND payload LIKE ?", "%" + second.uploadId() + "%")).contains("\"awaitingApproval\":false"));
    }

    @Test
    void aVersionWithAnotherSchemaWithdrawsTheApprovalAndWaits() {
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED,
                Events.valid(org, "velos", "stationnement-cyclable"))).await().atMost(PATIENCE);
        OnVertx.await(vertx, () -> transactions.inTransaction(session -> datasets.approve(org, "velos", "publieur")));

        QualityChecked other = Events.valid(org, "velos", "autre-schema");
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, other)).await().atMost(PATIENCE);

        assertEquals("AWAITING_APPROVAL", rows.one("SELECT state FROM version WHERE organization = ? AND number = 2", org));
        assertEquals(Boolean.FALSE, rows.one("SELECT approved FROM dataset WHERE organization = ?", org));
        assertEquals("autre-schema", rows.one("SELECT schema_name FROM dataset WHERE organization = ?", org));
        assertEquals("système", rows.one("SELECT actor FROM approval_event WHERE organization = ?"
                + " AND action = 'APPROVAL_WITHDRAWN'", org));
        assertEquals(0, recorded(other, "passerelle.publication.requested.v1"));
    }

    @Test
    void aFileThatFailedIsShownOnItsDatasetAndCreatesNone() {
        QualityChecked invalid = new QualityChecked(UUID.randomUUID().toString(), org, "velos", "s",
                QualityVerdict.INVALID, 50, 2, 1, "1 erreur", null, new ObjectRef("clean", "r.json", null, 1),
                Instant.now());
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, invalid)).await().atMost(PATIENCE);
        assertEquals(0, rows.count("SELECT count(*) FROM dataset WHERE organization = ?", org));

        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, Events.valid(org, "velos", "s")))
                .await().atMost(PATIENCE);
        QualityChecked again = new QualityChecked(UUID.randomUUID().toString(), org, "velos", "s",
                QualityVerdict.INVALID, 50, 2, 1, "1 erreur", null, new ObjectRef("clean", "r.json", null, 1),
                Instant.now());
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, again)).await().atMost(PATIENCE);
        assertEquals(again.uploadId(), rows.one("SELECT CAST(last_failed_upload_id AS text) FROM dataset"
                + " WHERE organization = ?", org));
        assertEquals(1, rows.count("SELECT count(*) FROM version WHERE organization = ?", org),
                "the version in place stays");
    }

    @Test
    void aValidEventWithoutItsCleanFileIsGivenUpAtOnceAndRecordsNothing() {
        QualityChecked broken = new QualityChecked(UUID.randomUUID().toString(), org, "velos", "s",
                QualityVerdict.VALID, 100, 2, 0, "ok", null, null, Instant.now());
        ConsumerRecord<String, String> record = Events.record(EventType.QUALITY_CHECKED, broken);
        assertThrows(MalformedEventException.class, () -> versionsConsumer.onQualityChecked(record).await()
                .atMost(Duration.ofSeconds(5)), "no retry for an event no attempt would read better");
        assertEquals(0, rows.count("SELECT count(*) FROM processed_event WHERE event_id = ?", Events.id(record)),
                "not recorded: a replay from the dead letters handles it");
        assertEquals(0, rows.count("SELECT count(*) FROM dataset WHERE organization = ?", org));
    }

    @Test
    void aPublicationsOutcomeIsRecordedOnceAndAFailureNeverUndoesAPublication() {
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, Events.valid(org, "velos", "s")))
                .await().atMost(PATIENCE);
        ConsumerRecord<String, String> completed = Events.record(EventType.PUBLICATION_COMPLETED,
                new PublicationCompleted(UUID.randomUUID().toString(), org, "velos", 1, "http://portail/v1.csv",
                        Instant.now()));
        outcomes.onCompleted(completed).await().atMost(PATIENCE);
        assertEquals("PUBLISHED", rows.one("SELECT state FROM version WHERE organization = ?", org));
        assertEquals("http://portail/v1.csv", rows.one("SELECT public_url FROM version WHERE organization = ?", org));
        assertEquals(1, rows.count("SELECT count(*) FROM processed_event WHERE consumer = 'catalog-publications'"
                + " AND event_id = ?", Events.id(completed)));

        outcomes.onFailed(Events.record(EventType.PUBLICATION_FAILED, new PublicationFailed(UUID.randomUUID().toString(),
                org, "velos", 1, "portail injoignable", Instant.now()))).await().atMost(PATIENCE);
        assertEquals("PUBLISHED", rows.one("SELECT state FROM version WHERE organization = ?", org));

        // The same completion delivered again, after the version changed by other means: nothing is written.
        OnVertx.await(vertx, () -> transactions.inTransaction(session -> session.createNativeQuery(
                "UPDATE version SET public_url = 'changé' WHERE organization = ?1").setParameter(1, org).executeUpdate()));
        outcomes.onCompleted(completed).await().atMost(PATIENCE);
        assertEquals("changé", rows.one("SELECT public_url FROM version WHERE organization = ?", org),
                "a redelivery is a no-op");
    }

    private long recorded(QualityChecked checked, String topic) {
        return rows.count("SELECT count(*) FROM outbox WHERE topic = ? AND payload LIKE ?", topic,
                "%" + checked.uploadId() + "%");
    }
}
