package fr.passerelle.catalog.db;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.approval.ApprovalService;
import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.MetadataChanges;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.catalog.diff.VersionDiff;
import fr.passerelle.catalog.diff.VersionDiffs;
import fr.passerelle.catalog.version.QualityCheckedConsumer;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.web.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services that open the catalogue's transactions, on the real database: an approval, a refusal and a metadata
 * change write their rows, their journal entry, their events and their audit entry together, or nothing; a comparison
 * of versions reads the clean files on a worker and is stored once.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
class ServicesTest {

    private static final Actor PUBLISHER = new Actor("publieur@ville.fr", "127.0.0.1");

    @Inject
    ApprovalService approvals;
    @Inject
    MetadataChanges changes;
    @Inject
    VersionDiffs diffs;
    @Inject
    QualityCheckedConsumer versionsConsumer;
    @Inject
    MemoryObjectStore store;
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
    void aFirstApprovalWithoutADescriptionWritesNothingThenPublishesTheWaitingVersionsOldestFirst() {
        QualityChecked first = arrive("velos");
        QualityChecked second = arrive("velos");

        ApiException incomplete = assertThrows(ApiException.class, () -> await(() ->
                approvals.approve(org, "velos", "publieur@ville.fr", null, PUBLISHER)));
        assertEquals(422, incomplete.status());
        assertEquals(0, rows.count("SELECT count(*) FROM approval_event WHERE organization = ?", org));
        assertEquals(0, rows.count("SELECT count(*) FROM outbox WHERE topic = 'passerelle.audit.v1' AND payload LIKE ?",
                "%" + org + "%"));

        DatasetView described = await(() -> changes.update(org, "velos", new MetadataUpdate("Stationnements vélo",
                "Arceaux et abris vélo de la commune, avec leur capacité.", null, null, null, null, null, null, null,
                null, null, null, "contributeur@ville.fr"), PUBLISHER));
        assertEquals("Stationnements vélo", described.title());
        assertEquals(1, rows.count("SELECT count(*) FROM outbox WHERE topic = 'passerelle.audit.v1'"
                + " AND payload LIKE ? AND payload LIKE '%dataset.metadata.changed%'", "%" + org + "%"));

        DatasetView approved = await(() -> approvals.approve(org, "velos", "publieur@ville.fr", "Vérifié", PUBLISHER));
        assertEquals(ApprovalState.APPROVED, approved.approvalState());
        assertEquals(List.of("PUBLICATION_REQUESTED", "PUBLICATION_REQUESTED"), states());
        long firstRequest = outboxId(first, "passerelle.publication.requested.v1");
        long secondRequest = outboxId(second, "passerelle.publication.requested.v1");
        assertTrue(firstRequest < secondRequest, "oldest first");
        assertTrue(((String) rows.one("SELECT payload FROM outbox WHERE seq = ?", secondRequest))
                .contains("\"title\":\"Stationnements vélo\""));
        assertEquals("APPROVED", rows.one("SELECT action FROM approval_event WHERE organization = ?", org));
        assertEquals("Vérifié", rows.one("SELECT reason FROM approval_event WHERE organization = ?", org));
        assertEquals("{1,2}", rows.one("SELECT CAST(versions AS text) FROM approval_event WHERE organization = ?", org));
        assertEquals(1, rows.count("SELECT count(*) FROM outbox WHERE topic = 'passerelle.audit.v1'"
                + " AND payload LIKE ? AND payload LIKE '%dataset.approved%'", "%" + org + "%"));

        // Approved with nothing waiting: nothing changes, nothing is recorded.
        await(() -> approvals.approve(org, "velos", "publieur@ville.fr", null, PUBLISHER));
        assertEquals(1, rows.count("SELECT count(*) FROM approval_event WHERE organization = ?", org));
    }

    @Test
    void aMaterialChangeWithdrawsTheApprovalInTheSameTransaction() {
        arrive("velos");
        await(() -> changes.update(org, "velos", new MetadataUpdate("Titre", "Une description.", null, null, null,
                null, null, null, null, null, null, null, "c"), PUBLISHER));
        await(() -> approvals.approve(org, "velos", "p", null, PUBLISHER));

        DatasetView changed = await(() -> changes.update(org, "velos", new MetadataUpdate(null, null,
                List.of("vélo"), null, "odbl", null, null, null, null, null, null, true, "contributeur"), PUBLISHER));
        assertEquals(ApprovalState.WITHDRAWN, changed.approvalState());
        assertTrue(changed.approvalWithdrawnReason().contains("licence"), changed.approvalWithdrawnReason());
        assertTrue(changed.alwaysAsk());
        assertEquals(List.of("vélo"), changed.keywords());
        assertEquals(List.of("ALWAYS_ASK_ON", "APPROVAL_WITHDRAWN", "APPROVED"), journal());
    }

    @Test
    void aRefusalMarksTheWaitingVersionsAndTellsTheirUploads() {
        QualityChecked waiting = arrive("velos");
        ApiException noReason = assertThrows(ApiException.class, () -> approvals.refuse(org, "velos", "p", " ",
                PUBLISHER));
        assertEquals(400, noReason.status());

        await(() -> approvals.refuse(org, "velos", "p", "Colonnes inversées", PUBLISHER));
        assertEquals(List.of("REFUSED"), states());
        assertEquals(1, outboxCount(waiting, "passerelle.version.refused.v1"));
        assertEquals(List.of("REFUSED"), journal());

        ApiException nothing = assertThrows(ApiException.class, () -> await(() ->
                approvals.refuse(org, "velos", "p", "Encore", PUBLISHER)));
        assertEquals(409, nothing.status());
        ApiException unknown = assertThrows(ApiException.class, () -> await(() ->
                approvals.refuse(org, "inconnu", "p", "Non", PUBLISHER)));
        assertEquals(404, unknown.status());
        assertEquals(1, rows.count("SELECT count(*) FROM approval_event WHERE organization = ?", org));
    }

    @Test
    void aComparisonReadsTheCleanFilesOnAWorkerAndIsStoredOnce() {
        QualityChecked first = arrive("velos");
        QualityChecked second = arrive("velos");
        store.objects.put("clean/" + first.clean().key(), "id,nom\n1,Gare\n2,Mairie\n".getBytes(StandardCharsets.UTF_8));
        store.objects.put("clean/" + second.clean().key(), "id,nom\n1,Gare\n2,Hôtel de ville\n3,École\n"
                .getBytes(StandardCharsets.UTF_8));
        int reads = store.threads.size();

        VersionDiff diff = await(() -> diffs.diff(org, "velos", 2, null));
        assertEquals(1, diff.added());
        assertEquals(1L, diff.changed());
        assertEquals(1, diff.unchanged());
        List<String> threads = store.threads.subList(reads, store.threads.size());
        assertFalse(threads.isEmpty());
        assertFalse(threads.stream().anyMatch(thread -> thread.contains("eventloop")),
                "the object store's blocking client never runs on the event loop: " + threads);
        assertEquals(1, rows.count("SELECT count(*) FROM version_diff WHERE organization = ?", org));

        int after = store.threads.size();
        assertEquals(diff, await(() -> diffs.diff(org, "velos", 2, 1)));
        assertEquals(after, store.threads.size(), "read from version_diff, the files not read again");

        ApiException unknown = assertThrows(ApiException.class, () -> await(() -> diffs.diff(org, "velos", 3, null)));
        assertEquals("unknown-version", unknown.error().code());
    }

    private QualityChecked arrive(String dataset) {
        QualityChecked checked = Events.valid(org, dataset, "stationnement-cyclable");
        versionsConsumer.onQualityChecked(Events.record(EventType.QUALITY_CHECKED, checked)).await()
                .atMost(Duration.ofSeconds(60));
        return checked;
    }

    private List<String> states() {
        return strings("SELECT array_agg(state ORDER BY number) FROM version WHERE organization = ?");
    }

    private List<String> journal() {
        return strings("SELECT array_agg(action ORDER BY id DESC) FROM approval_event WHERE organization = ?");
    }

    private List<String> strings(String sql) {
        try {
            return List.of((String[]) ((java.sql.Array) rows.one(sql, org)).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxId(QualityChecked checked, String topic) {
        return ((Number) rows.one("SELECT seq FROM outbox WHERE topic = ? AND payload LIKE ?", topic,
                "%" + checked.uploadId() + "%")).longValue();
    }

    private long outboxCount(QualityChecked checked, String topic) {
        return rows.count("SELECT count(*) FROM outbox WHERE topic = ? AND payload LIKE ?", topic,
                "%" + checked.uploadId() + "%");
    }

    private <T> T await(Supplier<Uni<T>> work) {
        return OnVertx.await(vertx, work);
    }
}
