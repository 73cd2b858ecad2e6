package fr.passerelle.ingest.database;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.ingest.dropzone.DetectedObject;
import fr.passerelle.ingest.dropzone.DropIngestor;
import fr.passerelle.ingest.dropzone.DropOutcome;
import fr.passerelle.ingest.dropzone.DropView;
import fr.passerelle.ingest.dropzone.Drops;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.platform.audit.Actor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files that come without a person, on the real database, called from a plain thread as the reconciler's and the
 * puller's schedulers call them (no Vert.x context of their own): the intake holds its JDBC advisory lock and awaits its
 * reactive steps, the same bytes make no second upload, and a drop for an unknown dataset is set aside with its reason.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class IntakeDatabaseTest {

    @Inject
    UploadService uploads;
    @Inject
    DropIngestor ingestor;
    @Inject
    Drops drops;
    @Inject
    MemoryObjectStore store;
    @Inject
    Vertx vertx;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSameBytesPulledTwiceMakeOneUpload() throws Exception {
        assertEquals(null, Vertx.currentContext(), "a plain thread, as a scheduler's");
        Path file = Files.createTempFile("ingest-db-test-", ".csv");
        Files.writeString(file, "nom;capacite\nArceau gare;8\n", StandardCharsets.UTF_8);

        UploadService.Intake first = uploads.receiveIfNew(org, "velos", "export.csv", file, "pull",
                Actor.SCHEDULED_PULL);
        UploadService.Intake second = uploads.receiveIfNew(org, "velos", "export.csv", file, "pull",
                Actor.SCHEDULED_PULL);

        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertEquals(first.sha256(), second.sha256());
        UploadView view = first.upload();
        assertEquals("pull", view.source());
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE topic = 'passerelle.audit.v1'"
                + " AND payload LIKE ? AND payload LIKE '%relève automatique%'", "%" + view.uploadId() + "%"));
        Files.deleteIfExists(file);
    }

    @Test
    void aDropForAnUnknownDatasetIsSetAsideWithItsReasonAndNeverTakenAgain() {
        String key = org + "/inconnu/export.csv";
        store.objects.put("dropzone/" + key, "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        DetectedObject object = new DetectedObject("dropzone", key, "etag-" + org, 8, "reconciler");

        Optional<DropOutcome> outcome = ingestor.ingest(object);

        assertEquals(Optional.of(DropOutcome.REJECTED), outcome);
        assertFalse(store.objects.containsKey("dropzone/" + key), "the dropzone only holds what is still to handle");
        assertTrue(store.objects.keySet().stream().anyMatch(k -> k.endsWith(key + ".motif.txt")), store.objects.keySet()
                .toString());
        List<DropView> recent = OnVertx.await(vertx, () -> drops.recent(org, "inconnu", 10));
        assertEquals(1, recent.size());
        assertEquals(DropOutcome.REJECTED, recent.get(0).outcome());
        assertTrue(recent.get(0).reason().contains("inconnu"), recent.get(0).reason());
        assertEquals(Optional.empty(), ingestor.ingest(object), "the same object version is handled once");
        assertEquals(0, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
    }
}
