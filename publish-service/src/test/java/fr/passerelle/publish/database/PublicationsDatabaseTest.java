package fr.passerelle.publish.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.publish.publication.Publications;
import fr.passerelle.publish.publication.Publications.PublishedVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code publication} table through its repository, on the local stack's PostgreSQL. */
@QuarkusTest
@Tag("database")
class PublicationsDatabaseTest {

    @Inject
    Publications publications;
    @Inject
    Transactions transactions;
    @Inject
    ReactiveOutbox outbox;
    @Inject
    FromWorker worker;
    @Inject
    Rows rows;

    /** A dataset of this run only, so the stack's rows and earlier runs never answer for it. */
    private final String dataset = "db-test-" + UUID.randomUUID().toString().substring(0, 8);

    static PublicationRequested request(String dataset, int version, String title) {
        return new PublicationRequested(UUID.randomUUID().toString(), "db-tests", dataset, version, "irve-statique",
                new ObjectRef("public", "db-tests/" + dataset + "/v" + version + "/" + dataset + ".csv", "abc", 12),
                new DatasetMetadata(title, "Une description", List.of("bornes", "recharge"), "etalab-2.0", null),
                Instant.now(), new CatalogueSchema("etalab/schema-irve-statique", "2.3.1",
                "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json"));
    }

    private void record(PublicationRequested request) {
        worker.await(() -> transactions.inTransaction(session -> publications.record(request, request.clean())));
    }

    @Test
    void recordedVersionsAreReadBackNewestFirstAndTheRequestWithThem() {
        PublicationRequested first = request(dataset, 1, "Bornes v1");
        PublicationRequested second = request(dataset, 2, "Bornes v2");
        // Recorded out of order: the newest is the highest version, not the last recorded.
        record(second);
        record(first);

        List<PublishedVersion> history = worker.await(() -> publications.history("db-tests", dataset));
        assertEquals(List.of(2, 1), history.stream().map(PublishedVersion::version).toList());
        assertEquals("Bornes v2", history.get(0).title());
        assertEquals(second.clean(), history.get(0).file());
        assertTrue(history.get(0).publishedAt().isAfter(Instant.now().minusSeconds(300)), "published_at is now()");

        assertEquals(2, worker.await(() -> publications.latest("db-tests", dataset)).orElseThrow().version());
        PublicationRequested again = worker.await(() -> publications.latestRequest("db-tests", dataset)).orElseThrow();
        assertEquals(second.uploadId(), again.uploadId());
        assertEquals(second.metadata(), again.metadata(), "the metadata as the catalogue sent it, keywords included");
        assertEquals(second.catalogueSchema(), again.catalogueSchema(), "what the portals are told of the schema");
        assertEquals(1, rows.count("SELECT count(*) FROM publication WHERE dataset = ?1 AND version = 2"
                + " AND request ->> 'uploadId' = ?2", dataset, second.uploadId()), "the request is a JSON object");
        assertEquals(second.clean(), again.clean(), "the public file stands as the clean one for a push again");

        List<PublishedVersion> home = worker.await(() -> publications.latestOfEachDataset(dataset));
        assertEquals(1, home.size(), "one line per dataset, its newest version");
        assertEquals(2, home.get(0).version());
        assertTrue(worker.await(() -> publications.latestOfEachDataset(dataset + "-nothing")).isEmpty());
    }

    @Test
    void aVersionRecordedTwiceKeepsItsFirstRow() {
        PublicationRequested first = request(dataset, 1, "Premier");
        record(first);
        record(new PublicationRequested(UUID.randomUUID().toString(), "db-tests", dataset, 1, "irve-statique",
                first.clean(), new DatasetMetadata("Second", null, null, null, null), Instant.now(), null));

        assertEquals(1, rows.count("SELECT count(*) FROM publication WHERE organization = 'db-tests' AND dataset = ?1",
                dataset));
        assertEquals("Premier", worker.await(() -> publications.latest("db-tests", dataset)).orElseThrow().title());
    }

    @Test
    void aWriteOutsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> worker.await(() -> publications.record(request(dataset, 1, "Seul"), request(dataset, 1, "x").clean())));
        assertFalse(worker.await(() -> publications.latest("db-tests", dataset)).isPresent());
    }

    @Test
    void thePublicationAndItsEventCommitOrRollBackTogether() {
        PublicationRequested committed = request(dataset, 1, "Gardée");
        PublicationRequested rolledBack = request(dataset, 2, "Annulée");

        worker.await(() -> transactions.inTransaction(session -> publications.record(committed, committed.clean())
                .chain(() -> outbox.publish(completed(committed)))));
        assertThrows(IllegalStateException.class, () -> worker.await(() -> transactions.inTransaction(session ->
                publications.record(rolledBack, rolledBack.clean())
                        .chain(() -> outbox.publish(completed(rolledBack)))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("after both writes"))))));

        assertEquals(List.of(1), worker.await(() -> publications.history("db-tests", dataset)).stream()
                .map(PublishedVersion::version).toList());
        assertEquals(1, outboxRowsOf(committed));
        assertEquals(0, outboxRowsOf(rolledBack), "the event left with its publication's rollback");
    }

    private static PublicationCompleted completed(PublicationRequested request) {
        return new PublicationCompleted(request.uploadId(), request.organization(), request.dataset(),
                request.version(), "http://127.0.0.1/latest.csv", Instant.now());
    }

    private long outboxRowsOf(PublicationRequested request) {
        return rows.count("SELECT count(*) FROM outbox WHERE payload LIKE ?1", "%" + request.uploadId() + "%");
    }
}
