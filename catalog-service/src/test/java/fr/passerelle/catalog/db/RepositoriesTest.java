package fr.passerelle.catalog.db;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.approval.ApprovalAction;
import fr.passerelle.catalog.approval.ApprovalEvent;
import fr.passerelle.catalog.approval.ApprovalEvents;
import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.catalog.diff.StoredDiffs;
import fr.passerelle.catalog.diff.VersionDiff;
import fr.passerelle.catalog.version.VersionState;
import fr.passerelle.catalog.version.VersionView;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each repository of catalog against the local stack's PostgreSQL, through Hibernate Reactive as the service uses it
 * (native queries: arrays, dates, jsonb, full-text search, {@code FOR UPDATE}); the state is read back with plain JDBC,
 * outside the service's sessions.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
class RepositoriesTest {

    @Inject
    Vertx vertx;
    @Inject
    Transactions transactions;
    @Inject
    Datasets datasets;
    @Inject
    Versions versions;
    @Inject
    ApprovalEvents journal;
    @Inject
    StoredDiffs diffs;
    @Inject
    ReactiveOutbox outbox;
    @Inject
    AgroalDataSource jdbc;

    /** An organisation of this run only: the test database is shared by runs, rows are never cleaned. */
    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private Rows rows;

    @BeforeEach
    void rows() {
        rows = new Rows(jdbc);
    }

    @Test
    void aDatasetIsCreatedOnceThenItsMetadataChangeFieldByField() {
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "stationnement-cyclable"));
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "autre-schema"));
        DatasetView created = find("velos");
        assertEquals("velos", created.title(), "the identifier until staff write a title");
        assertEquals("stationnement-cyclable", created.schema(), "created once: the second sight changes nothing");
        assertEquals("etalab-2.0", created.licence());
        assertEquals(List.of(), created.keywords());
        assertEquals(ApprovalState.NOT_YET_APPROVED, created.approvalState());
        assertNull(created.latestVersion());

        inTransaction(session -> datasets.updateMetadata(org, "velos", new MetadataUpdate("Stationnements vélo",
                "Arceaux et abris de la commune.", List.of("vélo", " arceaux ", "vélo"), "transport", "odbl",
                "monthly", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of("38185", "38"),
                "Mairie", "donnees@mairie.fr")));
        DatasetView described = find("velos");
        assertEquals("Stationnements vélo", described.title());
        assertEquals(List.of("vélo", "arceaux"), described.keywords(), "stripped, once each, in order");
        assertEquals(List.of("38185", "38"), described.spatial());
        assertEquals(LocalDate.of(2024, 1, 1), described.temporalStart());
        assertEquals(LocalDate.of(2024, 12, 31), described.temporalEnd());
        assertEquals("odbl", described.licence());
        assertEquals("monthly", described.frequency());
        assertEquals("donnees@mairie.fr", described.contactEmail());
        assertEquals("{vélo,arceaux}", rows.one("SELECT CAST(keywords AS text) FROM catalog.dataset"
                + " WHERE organization = ? AND slug = 'velos'", org), "a text[] column, not a JSON text");

        // Left out: kept; an empty list empties; an explicit null empties a date or the contact.
        inTransaction(session -> datasets.updateMetadata(org, "velos", new MetadataUpdate(null, null, List.of(), null,
                null, null, null, null, null, null, null).clearing(Set.of("temporalStart", "contactEmail"))));
        DatasetView cleared = find("velos");
        assertEquals("Stationnements vélo", cleared.title());
        assertEquals(List.of(), cleared.keywords());
        assertEquals(List.of("38185", "38"), cleared.spatial());
        assertNull(cleared.temporalStart());
        assertEquals(LocalDate.of(2024, 12, 31), cleared.temporalEnd());
        assertNull(cleared.contactEmail());
        assertEquals("Mairie", cleared.contactName());
    }

    @Test
    void theSearchFoldsAccentsAndStemsFrenchWordsWithinTheOrganisation() {
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s")
                .chain(() -> datasets.createIfAbsent(org, "bancs", "s"))
                .chain(() -> datasets.updateMetadata(org, "velos", new MetadataUpdate("Arceaux à vélos",
                        null, List.of("stationnements"), null, null, null, null, null, null, null, null))));
        List<DatasetView> found = await(() -> datasets.search(org, "VELOS", 10, 0));
        assertEquals(List.of("velos"), found.stream().map(DatasetView::dataset).toList(), "accents and case folded");
        assertEquals(List.of("velos"), await(() -> datasets.search(org, "stationnement", 10, 0)).stream()
                .map(DatasetView::dataset).toList(), "a keyword, stemmed");
        assertTrue(await(() -> datasets.search(org, "piscine", 10, 0)).isEmpty());
        assertTrue(await(() -> datasets.search(org + "-autre", "vélos", 10, 0)).isEmpty());
        assertEquals(List.of("bancs", "velos"), await(() -> datasets.list(org, 10, 0)).stream()
                .map(DatasetView::dataset).toList());
        assertEquals(List.of("velos"), await(() -> datasets.list(org, 10, 1)).stream()
                .map(DatasetView::dataset).toList());
    }

    @Test
    void theApprovalColumnsAreWrittenByTheDatasetRepositoryAlone() {
        assertEquals(Optional.empty(), inTransaction(session -> datasets.lockApproved(org, "inconnu")));
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s"));
        assertEquals(Optional.of(false), inTransaction(session -> datasets.lockApproved(org, "velos")));

        inTransaction(session -> datasets.approve(org, "velos", "publieur@ville.fr"));
        DatasetView approved = find("velos");
        assertTrue(approved.approved());
        assertEquals("publieur@ville.fr", approved.approvedBy());
        assertNotNull(approved.approvedAt());
        assertEquals(ApprovalState.APPROVED, approved.approvalState());

        inTransaction(session -> datasets.withdrawApproval(org, "velos", "Le titre a changé."));
        DatasetView withdrawn = find("velos");
        assertEquals(ApprovalState.WITHDRAWN, withdrawn.approvalState());
        assertEquals("Le titre a changé.", withdrawn.approvalWithdrawnReason());
        assertEquals("publieur@ville.fr", withdrawn.approvedBy(), "the last approval's author stays");

        inTransaction(session -> datasets.setAlwaysAsk(org, "velos", true)
                .chain(() -> datasets.changeSchema(org, "velos", "autre")));
        assertTrue(find("velos").alwaysAsk());
        assertEquals("autre", find("velos").schema());

        inTransaction(session -> datasets.approve(org, "velos", "autre@ville.fr"));
        DatasetView again = find("velos");
        assertEquals(ApprovalState.APPROVED, again.approvalState(), "a new approval ends the withdrawal");
        assertNull(again.approvalWithdrawnReason());
    }

    @Test
    void aFailedAttemptIsRecordedOnlyOnADatasetThatExists() {
        String upload = UUID.randomUUID().toString();
        assertFalse(this.<Boolean>inTransaction(session -> datasets.recordFailedAttempt(org, "velos", upload, "Non")));
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s"));
        assertTrue(this.<Boolean>inTransaction(session -> datasets.recordFailedAttempt(org, "velos", upload,
                "3 erreurs")));
        DatasetView.FailedAttempt failed = find("velos").lastFailedAttempt();
        assertEquals(upload, failed.uploadId());
        assertEquals("3 erreurs", failed.summary());
        assertTrue(failed.reportUrl().endsWith("/api/v1/reports/" + upload));
        assertTrue(failed.at().isAfter(Instant.now().minusSeconds(600)));
    }

    @Test
    void versionsAreNumberedInOrderAndMoveThroughTheirStates() {
        QualityChecked first = Events.valid(org, "velos", "stationnement-cyclable");
        QualityChecked second = Events.valid(org, "velos", "stationnement-cyclable");
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "stationnement-cyclable"));
        assertEquals(1, this.<Integer>inTransaction(session -> datasets.lockApproved(org, "velos")
                .chain(() -> versions.add(first, VersionState.AWAITING_APPROVAL, "00-trace-01"))));
        assertEquals(2, this.<Integer>inTransaction(session -> versions.add(second, VersionState.AWAITING_APPROVAL,
                null)));

        List<Versions.PendingVersion> waiting = await(() -> versions.awaitingApproval(org, "velos"));
        assertEquals(List.of(1, 2), waiting.stream().map(Versions.PendingVersion::number).toList());
        assertEquals(first.uploadId(), waiting.get(0).uploadId());
        assertEquals(first.clean(), waiting.get(0).clean());
        assertEquals("00-trace-01", waiting.get(0).traceparent());
        assertEquals(first.catalogueSchema(), waiting.get(0).catalogueSchema());

        long publishedBefore = await(() -> datasets.countPublished());
        inTransaction(session -> versions.markRequested(org, "velos", 1)
                .chain(() -> versions.markPublished(org, "velos", 1, "http://portail/velos.csv"))
                .chain(() -> versions.markFailed(org, "velos", 1, "trop tard"))
                .chain(() -> versions.markRefused(org, "velos", 1, "trop tard")));
        List<VersionView> listed = await(() -> versions.list(org, "velos"));
        assertEquals(List.of(2, 1), listed.stream().map(VersionView::version).toList(), "newest first");
        VersionView published = listed.get(1);
        assertEquals(VersionState.PUBLISHED, published.state(), "a published version is neither failed nor refused");
        assertEquals("http://portail/velos.csv", published.publicUrl());
        assertNotNull(published.publishedAt());
        assertEquals(first.catalogueSchema(), published.catalogueSchema());
        assertEquals(42, published.size());
        assertEquals(2, published.rowCount());
        assertEquals(publishedBefore + 1, await(() -> datasets.countPublished()));
        DatasetView view = find("velos");
        assertEquals(2, view.latestVersion());
        assertEquals(1, view.publishedVersion());
        assertEquals("http://portail/velos.csv", view.publicUrl());
        assertTrue(await(() -> datasets.published(500, 0)).stream().anyMatch(d -> d.organization().equals(org)));

        inTransaction(session -> versions.markRefused(org, "velos", 2, "Colonnes manquantes"));
        VersionView refused = await(() -> versions.list(org, "velos")).get(0);
        assertEquals(VersionState.REFUSED, refused.state());
        assertEquals("Colonnes manquantes", refused.failureReason());
        assertEquals(List.of(), await(() -> versions.awaitingApproval(org, "velos")));
        assertEquals(Optional.of(new Versions.CleanFile(2, "clean", second.clean().key(), 2)),
                await(() -> versions.cleanFile(org, "velos", 2)));
        assertEquals(Optional.empty(), await(() -> versions.cleanFile(org, "velos", 3)));
    }

    @Test
    void theJournalKeepsItsEntriesNewestFirstWithTheirVersions() {
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s")
                .chain(() -> journal.record(org, "velos", ApprovalAction.APPROVED, "publieur", "Approuvé", List.of(3, 1, 2)))
                .chain(() -> journal.record(org, "velos", ApprovalAction.ALWAYS_ASK_ON, "publieur", "Toujours",
                        List.of())));
        List<ApprovalEvent> events = await(() -> journal.list(org, "velos"));
        assertEquals(List.of(ApprovalAction.ALWAYS_ASK_ON, ApprovalAction.APPROVED),
                events.stream().map(ApprovalEvent::action).toList());
        assertEquals(List.of(3, 1, 2), events.get(1).versions());
        assertEquals(List.of(), events.get(0).versions());
        assertEquals("publieur", events.get(1).actor());
        assertTrue(events.get(1).at().isAfter(Instant.now().minusSeconds(600)));
    }

    @Test
    void aComparisonIsStoredOnceAsAJsonObject() {
        QualityChecked first = Events.valid(org, "velos", "s");
        QualityChecked second = Events.valid(org, "velos", "s");
        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s")
                .chain(() -> versions.add(first, VersionState.AWAITING_APPROVAL, null))
                .chain(() -> versions.add(second, VersionState.AWAITING_APPROVAL, null)));
        VersionDiff diff = new VersionDiff(2, 1, VersionDiff.Comparison.KEY, "id", 3, 4, 1, 0, 1L, 2,
                new VersionDiff.Columns(List.of("id", "nom"), List.of(), List.of()),
                new VersionDiff.Samples(List.of(java.util.Map.of("id", "4", "nom", "Gare")), List.of(), List.of()),
                List.of());
        assertEquals(Optional.empty(), await(() -> diffs.find(org, "velos", 2, 1)));
        inTransaction(session -> diffs.store(org, "velos", 2, 1, diff));
        VersionDiff other = new VersionDiff(2, 1, VersionDiff.Comparison.WHOLE_ROW, null, 3, 4, 9, 9, null, 0,
                diff.columns(), diff.samples(), List.of("autre"));
        inTransaction(session -> diffs.store(org, "velos", 2, 1, other));
        assertEquals(Optional.of(diff), await(() -> diffs.find(org, "velos", 2, 1)), "the first one stays");
        assertEquals("object", rows.one("SELECT jsonb_typeof(result) FROM catalog.version_diff"
                + " WHERE organization = ? AND dataset = 'velos'", org));
        assertEquals(1L, rows.count("SELECT count(*) FROM catalog.version_diff WHERE organization = ?", org));
    }

    @Test
    void aWriteOutsideATransactionIsRefusedAndWritesNothing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> await(() ->
                datasets.createIfAbsent(org, "velos", "s")));
        assertTrue(refused.getMessage().contains("outside a transaction"), refused.getMessage());
        assertEquals(0, rows.count("SELECT count(*) FROM catalog.dataset WHERE organization = ?", org));
    }

    /** The outbox guarantee: an event leaves only with the state change that caused it. */
    @Test
    void anOutboxRowIsWrittenInTheTransactionOfItsStateChangeRolledBackWithIt() {
        QualityChecked checked = Events.valid(org, "velos", "s");
        VersionRecorded recorded = new VersionRecorded(checked.uploadId(), org, "velos", 1, true, Instant.now());
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> inTransaction(session ->
                datasets.createIfAbsent(org, "velos", "s")
                        .chain(() -> versions.add(checked, VersionState.AWAITING_APPROVAL, null))
                        .chain(() -> outbox.publish(recorded))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("after the writes")))));
        assertEquals("after the writes", failure.getMessage());
        assertEquals(0, rows.count("SELECT count(*) FROM catalog.dataset WHERE organization = ?", org));
        assertEquals(0, rows.count("SELECT count(*) FROM catalog.version WHERE organization = ?", org));
        assertEquals(0, rows.count("SELECT count(*) FROM catalog.outbox WHERE payload LIKE ?",
                "%" + checked.uploadId() + "%"));

        inTransaction(session -> datasets.createIfAbsent(org, "velos", "s")
                .chain(() -> versions.add(checked, VersionState.AWAITING_APPROVAL, null))
                .chain(() -> outbox.publish(recorded)));
        assertEquals(1, rows.count("SELECT count(*) FROM catalog.version WHERE organization = ?", org));
        assertEquals(1, rows.count("SELECT count(*) FROM catalog.outbox WHERE payload LIKE ?"
                + " AND topic = 'passerelle.version.recorded.v1'", "%" + checked.uploadId() + "%"));
        assertThrows(IllegalStateException.class, () -> await(() -> outbox.publish(recorded)),
                "an event outside a transaction would leave without its state change");
    }

    private DatasetView find(String slug) {
        return await(() -> datasets.find(org, slug)).orElseThrow();
    }

    private <T> T inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return await(() -> transactions.inTransaction(work));
    }

    private <T> T await(Supplier<Uni<T>> work) {
        return OnVertx.await(vertx, work);
    }
}
