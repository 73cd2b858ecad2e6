package fr.passerelle.publish.remote;

import fr.passerelle.portals.OdsContractServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenDataSoft target in the shared publication flow: retries with backoff, state per dataset, dry run. */
class OdsRetryTest {

    private static final long BACKOFF_MS = 40;

    @TempDir
    Path dir;

    private OdsContractServer ods;
    private InMemoryTargets targets;
    private Path file;

    /** The remote_target table of one dataset, in memory (the real one needs PostgreSQL). */
    static final class InMemoryTargets extends RemoteTargets {
        RemoteTarget target;
        Integer lastVersion;
        String lastStatus;
        String lastError;
        Integer lastHttpStatus;

        InMemoryTargets(RemoteTarget target) {
            super(null, null);
            this.target = target;
        }

        @Override
        public Uni<List<RemoteTarget>> of(String organization, String dataset) {
            return Uni.createFrom().item(() -> List.of(target));
        }

        @Override
        public Uni<Void> rememberRemoteIds(RemoteTarget t, String datasetId, String resourceId) {
            return Uni.createFrom().item(() -> {
                target = new RemoteTarget(t.organization(), t.dataset(), t.kind(), t.apiUrl(), t.remoteOrganization(),
                        t.apiKey(), datasetId, resourceId);
                return null;
            });
        }

        @Override
        public Uni<Void> recordOutcome(RemoteTarget t, int version, String status, String error, Integer httpStatus) {
            return Uni.createFrom().item(() -> {
                lastHttpStatus = httpStatus;
                lastVersion = version;
                lastStatus = status;
                lastError = error;
                return null;
            });
        }
    }

    @BeforeEach
    void start() throws IOException {
        ods = new OdsContractServer();
        file = Files.writeString(dir.resolve("velos.csv"), "id_local,nom\nST01,Gare\n");
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    private RemotePublications publications(String apiKey, boolean dryRun) {
        targets = new InMemoryTargets(new RemoteTarget("grenoble", "velos", OdsPublisher.KIND, ods.apiUrl(), "127.0.0.1",
                apiKey, null, null));
        return new RemotePublications(targets, List.of(new OdsPublisher(LocalGuard.GUARD)), null, dryRun, BACKOFF_MS);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingDelaysThenThePublicationSucceeds() {
        RemotePublications publications = publications(OdsContractServer.API_KEY, false);
        ods.failNext("POST " + OdsContractServer.BASE + "/datasets/", 503);
        ods.failNext("POST " + OdsContractServer.BASE + "/datasets/", 502);

        long start = System.nanoTime();
        publications.publishOn(targets.target, OdsPublisherTest.request(1, OdsPublisherTest.metadata()), file);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals("PUBLISHED", targets.lastStatus, targets.lastError);
        assertTrue(elapsedMs >= BACKOFF_MS + 2 * BACKOFF_MS, "waited " + elapsedMs + " ms, expected the doubled backoff");
        assertEquals(3, ods.calls().stream().filter(c -> c.equals("POST " + OdsContractServer.BASE + "/datasets/")).count());
        assertEquals(1, ods.datasets.size());
        assertNotNull(targets.target.remoteDatasetId());
        assertNotNull(targets.target.remoteResourceId());
    }

    @Test
    void aRetryAfterTheDatasetWasCreatedReusesItInsteadOfCreatingASecondOne() {
        RemotePublications publications = publications(OdsContractServer.API_KEY, false);
        ods.failNext("/resources/files/", 500);

        publications.publishOn(targets.target, OdsPublisherTest.request(1, OdsPublisherTest.metadata()), file);

        assertEquals("PUBLISHED", targets.lastStatus, targets.lastError);
        assertEquals(1, ods.datasets.size(), "no duplicate dataset after a failed attempt");
        assertEquals(1, ods.calls().stream().filter(c -> c.equals("POST " + OdsContractServer.BASE + "/datasets/")).count());
        assertEquals(1, ods.datasets.values().iterator().next().resources.size());
    }

    @Test
    void aPublishRefusedWhileThePortalProcessesIsRetriedOnTheSameResource() {
        RemotePublications publications = publications(OdsContractServer.API_KEY, false);
        ods.failNext("/publish/", 400);

        publications.publishOn(targets.target, OdsPublisherTest.request(1, OdsPublisherTest.metadata()), file);

        assertEquals("PUBLISHED", targets.lastStatus, targets.lastError);
        OdsContractServer.Dataset dataset = ods.datasets.values().iterator().next();
        assertEquals(1, ods.datasets.size());
        assertEquals(1, dataset.resources.size(), "the retry repoints the resource of the first attempt");
        assertEquals(1, dataset.publications);
    }

    @Test
    void aPortalStillFailingAfterThreeAttemptsLeavesTheTargetFailedWithTheFrenchReason() {
        RemotePublications publications = publications(OdsContractServer.API_KEY, false);
        for (int i = 0; i < 3; i++) {
            ods.failNext("POST " + OdsContractServer.BASE + "/datasets/", 503);
        }

        publications.publishOn(targets.target, OdsPublisherTest.request(4, null), file);

        assertEquals("FAILED", targets.lastStatus);
        assertEquals(4, targets.lastVersion);
        assertTrue(targets.lastError.contains("en difficulté (503)"), targets.lastError);
        assertEquals(3, ods.calls().size());
    }

    @Test
    void aRefusedKeyIsRecordedAtOnceWithoutRetry() {
        RemotePublications publications = publications("mauvaise-cle", false);

        publications.publishOn(targets.target, OdsPublisherTest.request(1, null), file);

        assertEquals("FAILED", targets.lastStatus);
        assertTrue(targets.lastError.contains("clé d'API a été refusée"), targets.lastError);
        assertEquals(1, ods.calls().size());
    }

    @Test
    void aDryRunSendsNothingAndSaysSo() {
        RemotePublications publications = publications(OdsContractServer.API_KEY, true);

        publications.publishOn(targets.target, OdsPublisherTest.request(1, null), file);

        assertEquals("DRY_RUN", targets.lastStatus);
        assertNull(targets.lastError);
        assertTrue(ods.calls().isEmpty());
    }
}
