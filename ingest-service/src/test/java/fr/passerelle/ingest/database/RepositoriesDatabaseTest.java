package fr.passerelle.ingest.database;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.ingest.audit.AuditEntry;
import fr.passerelle.ingest.audit.AuditLog;
import fr.passerelle.ingest.audit.AuditPage;
import fr.passerelle.ingest.decision.DatasetDecisions;
import fr.passerelle.ingest.decision.OpenQuestions;
import fr.passerelle.ingest.decision.RememberedDecision;
import fr.passerelle.ingest.dropzone.DetectedObject;
import fr.passerelle.ingest.dropzone.DropOutcome;
import fr.passerelle.ingest.dropzone.DropView;
import fr.passerelle.ingest.dropzone.Drops;
import fr.passerelle.ingest.pull.PullSource;
import fr.passerelle.ingest.pull.PullSources;
import fr.passerelle.ingest.token.IssuedToken;
import fr.passerelle.ingest.token.IssuedTokens;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.ingest.upload.UploadStatus;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ingest's repositories on the real database (the local stack's PostgreSQL, a test database of its own): each writes
 * only in its caller's transaction, a state change and its outbox row commit or roll back together, and what is
 * written reads back the same.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class RepositoriesDatabaseTest {

    @Inject
    Vertx vertx;
    @Inject
    Transactions transactions;
    @Inject
    ReactiveOutbox outbox;
    @Inject
    Uploads uploads;
    @Inject
    UploadService service;
    @Inject
    OpenQuestions questions;
    @Inject
    DatasetDecisions decisions;
    @Inject
    IssuedTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    Drops drops;
    @Inject
    PullSources sources;
    @Inject
    MemoryObjectStore store;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectRef RAW = new ObjectRef("raw", "k/velos.csv", "abc123", 40);

    private <T> T run(java.util.function.Supplier<Uni<T>> work) {
        return OnVertx.await(vertx, work);
    }

    private boolean check(java.util.function.Supplier<Uni<Boolean>> work) {
        return OnVertx.await(vertx, work);
    }

    @Test
    void aWriteOutsideATransactionIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run(() -> uploads.insert(
                UUID.randomUUID(), org, "velos", null, "velos.csv", "upload", RAW)));
        assertTrue(refused.getMessage().contains("outside a transaction"), refused.getMessage());
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
    }

    @Test
    void anUploadAndItsOutboxRowRollBackTogether() {
        UUID id = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> run(() -> transactions.inTransaction(
                session -> uploads.insert(id, org, "velos", "schema-a", "velos.csv", "upload", RAW)
                        .chain(() -> uploads.advance(id, UploadStatus.RECEIVED, "received", "ok", "reçu"))
                        .chain(() -> outbox.publish(new UploadReceived(id.toString(), org, "velos", "schema-a",
                                "velos.csv", "upload", RAW, Instant.now())))
                        .chain(() -> Uni.createFrom().<Void>failure(new IllegalStateException("after the outbox"))))));
        assertTrue(failure.getMessage().contains("after the outbox"), failure.getMessage());
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE id = ?", id));
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload_stage WHERE upload_id = ?", id));
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE payload LIKE ?", "%" + id + "%"));
    }

    @Test
    void aReceivedFileIsRecordedAnnouncedAndAuditedInOneTransactionWithS3OffTheEventLoop() throws Exception {
        Path file = Files.createTempFile("ingest-db-test-", ".csv");
        Files.writeString(file, "nom;capacite\nArceau mairie;12\n", StandardCharsets.UTF_8);
        UploadView view = run(() -> service.receive(org, "velos", "stationnement-cyclable", "vélos mairie.csv",
                file, "upload", new Actor("agent@test", "127.0.0.1")));

        assertEquals(UploadStatus.RECEIVED, view.status());
        assertEquals("stationnement-cyclable", view.schema());
        assertEquals(1, view.stages().size());
        assertEquals("received", view.stages().get(0).stage());
        assertTrue(store.objects.containsKey("raw/" + org + "/velos/" + view.uploadId() + "/" + view.filename()),
                store.objects.keySet().toString());
        assertFalse(store.threads.stream().anyMatch(thread -> thread.contains("eventloop")),
                "the object store's blocking client never runs on the event loop: " + store.threads);
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE topic = 'passerelle.upload.received.v1'"
                + " AND payload LIKE ?", "%" + view.uploadId() + "%"));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE topic = 'passerelle.audit.v1'"
                + " AND payload LIKE ? AND payload LIKE '%upload.accepted%'", "%" + view.uploadId() + "%"));
        // A dataset's next upload without a schema follows the last one's.
        assertEquals(Optional.of("stationnement-cyclable"), run(() -> uploads.lastSchemaOf(org, "velos")));
        assertTrue(check(() -> uploads.hasContent(org, "velos", view.sha256())));
        Files.deleteIfExists(file);
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsWritten() throws Exception {
        Path file = Files.createTempFile("ingest-db-test-", ".csv");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> run(() -> service.receive(org, "velos",
                null, "vide.csv", file, "upload", Actor.DROPZONE)));
        assertTrue(refused.getMessage().contains("vide"), refused.getMessage());
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
        Files.deleteIfExists(file);
    }

    @Test
    void aStatusOnlyMovesForwardAndEveryStageIsKept() {
        UUID id = UUID.randomUUID();
        run(() -> transactions.inTransaction(session -> uploads.insert(id, org, "velos", null, "velos.csv", "upload",
                RAW).chain(() -> uploads.advance(id, UploadStatus.PUBLISHED, "publication", "ok", "publié"))));
        assertTrue(check(() -> transactions.inTransaction(session -> uploads.advance(id, UploadStatus.CHECKED,
                "quality", "ok", "contrôlé, en retard"))));
        assertFalse(check(() -> transactions.inTransaction(session -> uploads.advance(UUID.randomUUID(),
                UploadStatus.CHECKED, "quality", "ok", "inconnu"))));
        UploadView view = run(() -> uploads.find(id, "http://quality")).orElseThrow();
        assertEquals(UploadStatus.PUBLISHED, view.status(), "never back");
        assertEquals(List.of("publication", "quality"), view.stages().stream().map(UploadView.Stage::stage).toList());
        assertNull(view.reportUrl(), "no verdict yet, no report");
    }

    @Test
    void questionsAndRememberedDecisionsReadBackAsWritten() {
        UUID id = UUID.randomUUID();
        run(() -> transactions.inTransaction(session -> uploads.insert(id, org, "velos", null, "velos.csv", "upload",
                RAW).chain(() -> questions.record(id, List.of(new DecisionQuestion("donnees-personnelles:tel",
                "donnees-personnelles", "tel", List.of("supprimer", "masquer")))))
                .chain(() -> decisions.save(org, "velos", "donnees-personnelles:tel", "donnees-personnelles", "tel",
                        "masquer", "agent@test"))
                .chain(() -> decisions.save(org, "velos", "quasi-doublons", "quasi-doublons", null, "garder",
                        "agent@test"))));
        List<DecisionQuestion> open = run(() -> questions.of(id));
        assertEquals(1, open.size());
        assertEquals(List.of("supprimer", "masquer"), open.get(0).choices());
        List<RememberedDecision> remembered = run(() -> decisions.of(org, "velos"));
        assertEquals(2, remembered.size());
        assertEquals("masquer", remembered.get(0).choice());
        assertNull(remembered.get(1).subject());
        assertTrue(check(() -> transactions.inTransaction(session -> decisions.forget(org, "velos", "quasi-doublons"))));
        assertEquals(1, run(() -> decisions.forEvent(org, "velos")).size());
    }

    @Test
    void anIssuedTokenKeepsItsRolesAndIsRevokedOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedToken token = new IssuedToken(UUID.randomUUID(), org, "robot", List.of("contributor", "publisher"),
                "machine", "admin@test", now, now.plus(90, ChronoUnit.DAYS), null, null);
        run(() -> transactions.inTransaction(session -> tokens.insert(token)));
        IssuedToken read = run(() -> tokens.find(org, token.id())).orElseThrow();
        assertEquals(List.of("contributor", "publisher"), read.roles());
        assertEquals(token.expiresAt(), read.expiresAt());
        run(() -> transactions.inTransaction(session -> tokens.revoke(org, token.id(), "first")));
        run(() -> transactions.inTransaction(session -> tokens.revoke(org, token.id(), "second")));
        IssuedToken revoked = run(() -> tokens.of(org)).get(0);
        assertEquals("first", revoked.revokedBy());
        assertTrue(revoked.revokedAt() != null);
    }

    @Test
    void anAuditEntrySentTwiceIsKeptOnceAndPagesNewestFirst() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditRecorded first = new AuditRecorded(UUID.randomUUID().toString(), at.minusSeconds(60), org, "velos",
                "agent@test", "127.0.0.1", "upload.accepted", "premier");
        AuditRecorded second = new AuditRecorded(UUID.randomUUID().toString(), at, org, null, "admin@test", null,
                "token.issued", "second");
        assertTrue(check(() -> transactions.inTransaction(session -> audit.add(first, "ingest-service"))));
        assertFalse(check(() -> transactions.inTransaction(session -> audit.add(first, "ingest-service"))));
        assertTrue(check(() -> transactions.inTransaction(session -> audit.add(second, "catalog-service"))));
        List<AuditEntry> page = run(() -> audit.page(org, AuditPage.of("10", null)));
        assertEquals(List.of("second", "premier"), page.stream().map(AuditEntry::detail).toList());
        assertEquals(at, page.get(0).occurredAt());
        List<AuditEntry> before = run(() -> audit.page(org, AuditPage.of("10", at.toString())));
        assertEquals(List.of("premier"), before.stream().map(AuditEntry::detail).toList());
    }

    @Test
    void aDroppedObjectIsClaimedOnceThenFinished() {
        DetectedObject object = new DetectedObject("dropzone", org + "/velos/export.csv", "etag-1", 12, "reconciler");
        Optional<UUID> claim = run(() -> transactions.inTransaction(session -> drops.claim(object)));
        assertTrue(claim.isPresent());
        assertTrue(run(() -> transactions.inTransaction(session -> drops.claim(object))).isEmpty(),
                "a second instance (or path) gets no claim while the first one holds it");
        run(() -> transactions.inTransaction(session -> drops.finish(claim.get(), DropOutcome.DUPLICATE, org, "velos",
                "abc", null, "Contenu identique")));
        List<DropView> recent = run(() -> drops.recent(org, "velos", 10));
        assertEquals(1, recent.size());
        assertEquals(DropOutcome.DUPLICATE, recent.get(0).outcome());
        assertNull(recent.get(0).uploadId());
        assertTrue(run(() -> transactions.inTransaction(session -> drops.claim(object))).isEmpty(),
                "a finished drop is never taken again");
    }

    @Test
    void aPullSourceIsDueUntilPulled() {
        run(() -> transactions.inTransaction(session -> sources.save(org, "velos", "https://example.org/v.csv", 60)));
        assertTrue(run(() -> sources.due()).stream().anyMatch(source -> source.organization().equals(org)));
        run(() -> transactions.inTransaction(session -> sources.recordPull(org, "velos", "DUPLICATE", "même contenu")));
        assertFalse(run(() -> sources.due()).stream().anyMatch(source -> source.organization().equals(org)));
        PullSource source = run(() -> sources.find(org, "velos")).orElseThrow();
        assertEquals("DUPLICATE", source.lastOutcome());
        assertEquals(60, source.intervalMinutes());
        assertTrue(source.lastPulledAt() != null);
        assertTrue(check(() -> transactions.inTransaction(session -> sources.remove(org, "velos"))));
        assertTrue(run(() -> sources.find(org, "velos")).isEmpty());
    }
}
