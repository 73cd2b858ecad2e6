package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.portals.UdataContractServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The udata connector against the udata contract server, which checks what data.gouv.fr checks. */
class UdataPublisherTest {

    @TempDir
    Path dir;

    private UdataContractServer udata;
    private final UdataPublisher publisher = new UdataPublisher(LocalGuard.GUARD);
    private final List<String[]> remembered = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        udata = new UdataContractServer();
    }

    @AfterEach
    void stop() {
        udata.close();
    }

    private RemoteTarget target(String datasetId, String resourceId) {
        return new RemoteTarget("grenoble", "bornes", UdataPublisher.KIND, udata.apiUrl(),
                UdataContractServer.ORGANIZATION, UdataContractServer.API_KEY, datasetId, resourceId);
    }

    private void publish(RemoteTarget target, PublicationRequested request) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "clean-", ".csv"), "id_pdc_itinerance\nFRA01\n");
        publisher.publish(target, request, file, (d, r) -> remembered.add(new String[] {d, r}));
    }

    @Test
    void theDatasetIsADraftUntilItsResourceDeclaresItsSchemaThenPublic() throws Exception {
        publish(target(null, null), PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")),
                PortalFixtures.IRVE));

        String id = udata.datasets.keySet().iterator().next();
        String rid = udata.resources.get(id).keySet().iterator().next();
        String dataset = "/api/1/datasets/" + id + "/";
        assertEquals(List.of("POST /api/1/datasets/", "POST " + dataset + "upload/",
                "PUT " + dataset + "resources/" + rid + "/", "PUT " + dataset), udata.calls,
                "created private, file, schema, then public");
        assertTrue(udata.isPublic(id));
        assertEquals("{\"name\":\"etalab/schema-irve-statique\",\"version\":\"2.3.1\"}",
                udata.resourceMetadata.get(rid).path("schema").toString());
        assertEquals("[\"fr:commune:38185\"]", udata.datasets.get(id).at("/spatial/zones").toString());
        assertEquals("2026-01-01", udata.datasets.get(id).at("/temporal_coverage/start").asText());
    }

    @Test
    void aSchemaVersionTheCatalogueDoesNotListLeavesTheDatasetPrivateWithAFrenchReason() {
        CatalogueSchema unknown = new CatalogueSchema("etalab/schema-irve-statique", "9.9.9", PortalFixtures.IRVE.url());

        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> publish(target(null, null),
                PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")), unknown)));

        assertTrue(failure.getMessage().contains("a refusé le schéma déclaré"), failure.getMessage());
        assertEquals(400, failure.httpStatus());
        String id = udata.datasets.keySet().iterator().next();
        assertFalse(udata.isPublic(id), "nothing half-public");
        assertFalse(udata.calls.contains("PUT /api/1/datasets/" + id + "/"), "never made public");
    }

    @Test
    void aZoneUdataDoesNotKnowIsRefusedAtCreationAndNothingExists() {
        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> publish(target(null, null),
                PortalFixtures.request(1, PortalFixtures.metadata(List.of("99999")), PortalFixtures.IRVE)));

        assertTrue(failure.getMessage().contains("a refusé la couverture spatiale"), failure.getMessage());
        assertTrue(udata.datasets.isEmpty());
    }

    @Test
    void anOrganisationsOwnSchemaDeclaresNothingAndALaterVersionUpdatesInPlace() throws Exception {
        publish(target(null, null), PortalFixtures.request(1, PortalFixtures.metadata(null), null));
        String id = remembered.get(0)[0];
        String rid = remembered.get(1)[1];
        assertFalse(udata.resourceMetadata.get(rid).has("schema"));

        udata.calls.clear();
        publish(target(id, rid), PortalFixtures.request(2, PortalFixtures.metadata(null), null));

        assertEquals(List.of("POST /api/1/datasets/" + id + "/resources/" + rid + "/upload/",
                "PUT /api/1/datasets/" + id + "/resources/" + rid + "/", "PUT /api/1/datasets/" + id + "/"),
                udata.calls, "a public dataset is never made private again");
        assertEquals(2, udata.resources.get(id).get(rid).size());
        assertTrue(udata.isPublic(id));
    }

    @Test
    void invalidMetadataSendNothingAtAll() {
        var bad = new fr.passerelle.contracts.DatasetMetadata("T", "D", List.of(), "wtfpl", "monthly");

        assertThrows(RemoteFailure.class, () -> publish(target(null, null), PortalFixtures.request(1, bad, null)));

        assertTrue(udata.calls.isEmpty());
    }
}
