package fr.passerelle.publish.remote;

import fr.passerelle.portals.OdsContractServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdsPublisherTest {

    @TempDir
    Path dir;

    private OdsContractServer ods;
    private final OdsPublisher publisher = new OdsPublisher(LocalGuard.GUARD);
    /** The ids the publisher hands over, in order, as RemotePublications would store them. */
    private final List<String[]> remembered = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        ods = new OdsContractServer();
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    static PublicationRequested request(int version, DatasetMetadata metadata) {
        return new PublicationRequested(UUID.randomUUID().toString(), "grenoble", "velos", version, "stationnement-cyclable",
                new ObjectRef("clean", "grenoble/velos/v" + version + ".csv", "00", 10), metadata, Instant.now());
    }

    static DatasetMetadata metadata() {
        return new DatasetMetadata("Stationnements vélos", "Les arceaux de la ville.", List.of("vélo", "mobilité"),
                "etalab-2.0", "monthly");
    }

    private RemoteTarget target(String apiKey, String datasetUid, String resourceUid) {
        return new RemoteTarget("grenoble", "velos", OdsPublisher.KIND, ods.apiUrl(), "127.0.0.1", apiKey,
                datasetUid, resourceUid);
    }

    private Path csv(String content) throws IOException {
        Path file = Files.createTempFile(dir, "clean-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void publish(RemoteTarget target, int version, Path file) throws RemoteFailure {
        publisher.publish(target, request(version, metadata()), file,
                (datasetId, resourceId) -> remembered.add(new String[] {datasetId, resourceId}));
    }

    @Test
    void theFirstPublicationCreatesTheDatasetUploadsTheFileAndPublishes() throws Exception {
        Path file = csv("id_local,nom\nST01,Gare\nST02,Hôtel de Ville\n");

        publish(target(OdsContractServer.API_KEY, null, null), 1, file);

        assertEquals(1, ods.datasets.size());
        String datasetUid = ods.datasets.keySet().iterator().next();
        OdsContractServer.Dataset dataset = ods.datasets.get(datasetUid);
        JsonNode metadata = dataset.body.path("metadata").path("default");
        assertEquals("grenoble-velos", dataset.body.path("dataset_id").asText());
        assertEquals("Stationnements vélos", metadata.path("title").path("value").asText());
        assertEquals("Les arceaux de la ville.", metadata.path("description").path("value").asText());
        assertEquals("mobilité", metadata.path("keyword").path("value").get(1).asText());

        assertEquals(1, dataset.resources.size());
        String resourceUid = dataset.resources.keySet().iterator().next();
        String fileUid = dataset.resources.get(resourceUid).get(0);
        assertArrayEquals(Files.readAllBytes(file), dataset.files.get(fileUid), "the resource points at the uploaded file");
        assertEquals(1, dataset.publications);

        assertEquals(datasetUid, remembered.get(0)[0], "the dataset uid is handed over as soon as it exists");
        assertNull(remembered.get(0)[1]);
        assertEquals(resourceUid, remembered.get(1)[1]);
        String api = OdsContractServer.BASE + "/datasets/" + datasetUid;
        assertEquals(List.of("POST " + OdsContractServer.BASE + "/datasets/", "POST " + api + "/resources/files/",
                "POST " + api + "/resources/", "POST " + api + "/publish/", "GET " + api + "/status/"), ods.calls());
    }

    @Test
    void aNewVersionReplacesTheSameResourceWithoutASecondDataset() throws Exception {
        publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id_local\nST01\n"));
        String datasetUid = remembered.get(1)[0];
        String resourceUid = remembered.get(1)[1];
        Path second = csv("id_local\nST01\nST02\n");

        publish(target(OdsContractServer.API_KEY, datasetUid, resourceUid), 2, second);

        assertEquals(1, ods.datasets.size(), "no duplicate dataset");
        OdsContractServer.Dataset dataset = ods.datasets.get(datasetUid);
        assertEquals(1, dataset.resources.size(), "no duplicate resource");
        List<String> files = dataset.resources.get(resourceUid);
        assertEquals(2, files.size(), "the resource was repointed at the new file");
        assertArrayEquals(Files.readAllBytes(second), dataset.files.get(files.get(1)));
        assertEquals(2, dataset.publications);
        assertEquals(2, remembered.size(), "no new remote id on an update");
        assertTrue(ods.calls().contains("PUT " + OdsContractServer.BASE + "/datasets/" + datasetUid + "/"), "metadata updated in place");
        assertTrue(ods.calls().contains("PUT " + OdsContractServer.BASE + "/datasets/" + datasetUid + "/resources/" + resourceUid + "/"));
    }

    @Test
    void aRefusedKeyIsAFrenchRefusalThatIsNotRetried() throws Exception {
        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target("mauvaise-cle", null, null), 1, csv("id\n1\n")));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("clé d'API a été refusée"), failure.getMessage());
        assertTrue(failure.getMessage().contains("(401)"), failure.getMessage());
        assertTrue(ods.datasets.isEmpty());
    }

    @Test
    void aTargetOutsideTheAllowListIsRefusedBeforeAnyRequestLeaves() throws Exception {
        OdsPublisher guarded = new OdsPublisher(fr.passerelle.platform.outbound.OutboundAddressGuard.allowing(List.of()));

        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> guarded.publish(
                target(OdsContractServer.API_KEY, null, null), request(1, metadata()), csv("id\n1\n"), (d, r) -> { }));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("mène à la machine du service elle-même"), failure.getMessage());
        assertTrue(ods.calls().isEmpty(), "no request reached the portal: " + ods.calls());
    }

    @Test
    void aDatasetDeletedOnThePortalIsReportedAsMissing() throws Exception {
        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, "da_disparu", "re_disparu"), 2, csv("id\n1\n")));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("n'existe pas (ou plus)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("(404)"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Dataset not found"), "the portal's own words are never shown");
    }

    @Test
    void aFileTooLargeForThePortalIsRefusedWithoutRetry() throws Exception {
        ods.maxUploadBytes = 64;

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id,nom\n" + "1,Gare\n".repeat(50))));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("trop volumineux"), failure.getMessage());
        assertEquals(1, remembered.size(), "the dataset created before the refusal is remembered for the next try");
    }

    @Test
    void aServerErrorIsWorthRetrying() throws Exception {
        ods.failNext("/publish/", 503);

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id\n1\n")));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("en difficulté (503)"), failure.getMessage());
    }

    @Test
    void aPortalStillProcessingThePreviousVersionIsRetriedLater() throws Exception {
        ods.failNext("/publish/", 400);

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id\n1\n")));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("traite encore le jeu de données"), failure.getMessage());
        assertFalse(failure.getMessage().contains("The dataset is being processed."), "the portal's words stay in the log");
    }

    @Test
    void aValidationRefusalElsewhereIsNotRetried() throws Exception {
        ods.failNext("POST " + OdsContractServer.BASE + "/datasets/", 400);

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id\n1\n")));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("a refusé la demande (400)"), failure.getMessage());
    }

    @Test
    void aPortalOverItsSubscriptionLimitFailsWithTheReason() throws Exception {
        ods.statusAfterPublish = OdsPublisher.LIMIT_REACHED;

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(target(OdsContractServer.API_KEY, null, null), 1, csv("id\n1\n")));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("limite de son abonnement"), failure.getMessage());
    }

    @Test
    void withoutCatalogueMetadataTheDatasetStillHasATitleAndNoKeywords() throws Exception {
        JsonNode body = OdsPublisher.dataset(request(1, null));

        assertEquals("velos", body.path("metadata").path("default").path("title").path("value").asText());
        assertTrue(body.path("metadata").path("default").path("description").path("value").asText().contains("velos"));
        assertTrue(body.path("metadata").path("default").path("keyword").isMissingNode());
    }

    @Test
    void keywordsRemovedFromTheCatalogueAreRemovedOnThePortalToo() throws Exception {
        JsonNode body = OdsPublisher.dataset(request(2, new DatasetMetadata("Vélos", null, List.of(), "odbl", null)));

        assertTrue(body.path("metadata").path("default").path("keyword").path("value").isArray());
        assertEquals(0, body.path("metadata").path("default").path("keyword").path("value").size());
    }

    @Test
    void theResourceReadsTheCleanFileAsUtf8CommaSeparatedWithHeaders() {
        JsonNode resource = OdsPublisher.resource(request(1, null), "velos.csv-1");

        assertEquals("csvfile", resource.path("type").asText());
        assertEquals("uploaded_file", resource.path("datasource").path("type").asText());
        assertEquals("velos.csv-1", resource.path("datasource").path("file").path("uid").asText());
        assertEquals(",", resource.path("params").path("separator").asText());
        assertTrue(resource.path("params").path("headers_first_row").asBoolean());
        assertNotNull(resource.path("title").asText(null));
    }

    @Test
    void aFailureBetweenCreationAndPublicationLeavesTheDatasetUnpublished() throws Exception {
        ods.failNext("/resources/", 413);

        assertThrows(RemoteFailure.class, () -> publish(target(OdsContractServer.API_KEY, null, null), 1,
                csv("id\n1\n")));

        assertEquals(1, ods.datasets.size(), "the dataset was created");
        assertFalse(ods.isPublic(ods.datasets.keySet().iterator().next()), "but never published");
        assertTrue(ods.calls().stream().noneMatch(call -> call.endsWith("/publish/")));
    }

    @Test
    void aDomainWithoutTheDcatTemplateIsSaidInFrenchAndNothingIsCreated() throws Exception {
        ods.close();
        ods = new OdsContractServer(java.util.Set.of("default", "internal"));
        DatasetMetadata described = new DatasetMetadata("Vélos", null, List.of(), "etalab-2.0", "monthly", null, null,
                null, null, "Service mobilité", null);

        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> publisher.publish(
                target(OdsContractServer.API_KEY, null, null), request(1, described), csv("id\n1\n"), (d, r) -> { }));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("a refusé les métadonnées DCAT (le modèle « dcat » n'est pas activé"),
                failure.getMessage());
        assertTrue(ods.datasets.isEmpty());
    }

    @Test
    void whatOpenDataSoftCouldNotTakeIsToldInFrenchBeforeAnyRequest() throws Exception {
        DatasetMetadata bad = new DatasetMetadata("Vélos", null, List.of(), "etalab-2.0", "fortnightly", null, null,
                null, List.of("38185", "Grenoble"), null, null);

        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> publisher.publish(
                target(OdsContractServer.API_KEY, null, null), request(1, bad), csv("id\n1\n"), (d, r) -> { }));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().startsWith("Rien n'a été envoyé à OpenDataSoft"), failure.getMessage());
        assertTrue(failure.getMessage().contains("fréquence « fortnightly »"), failure.getMessage());
        assertTrue(failure.getMessage().contains("« Grenoble » n'est pas un code INSEE"), failure.getMessage());
        assertTrue(ods.calls().isEmpty(), "not one request");
    }
}
