package fr.passerelle.e2e;

import fr.passerelle.portals.UdataContractServer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publication on data.gouv.fr (udata API 1), against a local server that enforces udata's request
 * shapes: the first version creates the remote dataset and resource, the next one replaces that
 * same resource's file; a refused API key leaves the target FAILED without touching the portal.
 */
class UdataPublicationTest {

    private static final String ORG = "ville-udata";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aNewVersionReplacesTheSameRemoteResource() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String dataset = Pipeline.freshDataset("velos");
            List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(rows));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            configure(dataset, udata.apiUrl(), UdataContractServer.API_KEY);
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(first, "PUBLISHED");

            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            assertNull(target.get("apiKey"), "the API key is never returned");
            String remoteDataset = (String) target.get("remoteDatasetId");
            String remoteResource = (String) target.get("remoteResourceId");
            assertNotNull(remoteDataset);
            assertEquals(1, udata.datasets.size());
            assertEquals("lov2", udata.datasets.get(remoteDataset).path("license").asText(), "Licence Ouverte 2.0");
            assertArrayEquals(Pipeline.latestCsv(ORG, dataset).asByteArray(),
                    udata.resources.get(remoteDataset).get(remoteResource).get(0), "the portal's file is uploaded");

            List<List<String>> next = new ArrayList<>(rows);
            List<String> row = new ArrayList<>(rows.get(1));
            row.set(rows.get(0).indexOf("id_local"), "STSI02");
            next.add(row);
            String second = Pipeline.accepted(ORG, dataset, null, "velos.csv", Csv.asFrenchExcelExport(next));
            Pipeline.awaitStatus(second, "PUBLISHED");
            Map<String, Object> updated = Pipeline.awaitRemoteTarget(ORG, dataset, 2);

            assertEquals("PUBLISHED", updated.get("lastStatus"));
            assertEquals(remoteDataset, updated.get("remoteDatasetId"), "same remote dataset");
            assertEquals(remoteResource, updated.get("remoteResourceId"), "same remote resource");
            assertEquals(1, udata.datasets.size(), "no duplicate dataset");
            assertEquals(1, udata.resources.get(remoteDataset).size(), "no duplicate resource");
            List<byte[]> uploads = udata.resources.get(remoteDataset).get(remoteResource);
            assertEquals(2, uploads.size(), "the file was replaced");
            assertArrayEquals(Pipeline.latestCsv(ORG, dataset).asByteArray(), uploads.get(1));
            assertTrue(udata.calls.contains("PUT /api/1/datasets/" + remoteDataset + "/"), "metadata updated in place");
        }
    }

    @Test
    void aRefusedApiKeyLeavesTheTargetFailedAndThePortalPublished() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String dataset = Pipeline.freshDataset("velos-cle");
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                    Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            configure(dataset, udata.apiUrl(), "mauvaise-cle");
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(first, "PUBLISHED");

            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("clé d'API a été refusée"), String.valueOf(target));
            assertEquals(200, Pipeline.latestCsv(ORG, dataset).statusCode(), "the embedded portal is not blocked");
            assertTrue(udata.datasets.isEmpty());
        }
    }

    @Test
    void anApprovedIrveFileIsPublicOnDataGouvWithItsSchemaZonesAndCoverage() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String dataset = Pipeline.freshDataset("bornes");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185", "38421"),
                    d -> configure(d, udata.apiUrl(), UdataContractServer.API_KEY));
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            IrveDataset.assertCatalogueSchemaRecorded(ORG, dataset);
            String id = (String) target.get("remoteDatasetId");
            String rid = (String) target.get("remoteResourceId");
            assertTrue(udata.isPublic(id), "public once resource and schema are in place");
            JsonNode schema = udata.resourceMetadata.get(rid).path("schema");
            assertEquals(IrveDataset.CATALOGUE_NAME, schema.path("name").asText());
            assertEquals(IrveDataset.CATALOGUE_VERSION, schema.path("version").asText(), "the version checked");
            assertEquals("Schéma déclaré sur la ressource : « " + IrveDataset.CATALOGUE_NAME + " » version "
                    + IrveDataset.CATALOGUE_VERSION + ".", target.get("schemaDeclaration"));
            JsonNode remote = udata.datasets.get(id);
            assertEquals("[\"fr:commune:38185\",\"fr:commune:38421\"]", remote.at("/spatial/zones").toString());
            assertEquals("fr:commune", remote.at("/spatial/granularity").asText());
            assertEquals("2026-01-01", remote.at("/temporal_coverage/start").asText());
            assertEquals("2026-12-31", remote.at("/temporal_coverage/end").asText());
            assertEquals("monthly", remote.path("frequency").asText());
            assertEquals("lov2", remote.path("license").asText());
            assertEquals("Bornes de recharge de la ville", remote.path("title").asText());
            assertTrue(udata.calls.indexOf("POST /api/1/datasets/") < udata.calls.indexOf(
                    "PUT /api/1/datasets/" + id + "/resources/" + rid + "/"), "created as a draft first");
            assertTrue(udata.calls.get(0).startsWith("POST") && udata.datasets.size() == 1);
        }
    }

    @Test
    void aZoneDataGouvDoesNotKnowIsShownInFrenchAndNothingIsPublic() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String dataset = Pipeline.freshDataset("bornes-zone");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38999"),
                    d -> configure(d, udata.apiUrl(), UdataContractServer.API_KEY));
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("a refusé la couverture spatiale"),
                    String.valueOf(target));
            assertTrue(udata.datasets.keySet().stream().noneMatch(udata::isPublic), "nothing left public");
            assertEquals(200, Pipeline.latestCsv(ORG, dataset).statusCode(), "the embedded portal is not blocked");
        }
    }

    @Test
    void aSchemaTheCatalogueDoesNotHoldIsShownInFrenchAndTheDatasetStaysPrivate() throws Exception {
        // A data.gouv.fr whose schema catalogue has no IRVE: the declaration is refused, as udata refuses it.
        try (UdataContractServer udata = new UdataContractServer(Map.of("etalab/schema-lieux-covoiturage",
                List.of("0.3.0")))) {
            String dataset = Pipeline.freshDataset("bornes-schema");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185"),
                    d -> configure(d, udata.apiUrl(), UdataContractServer.API_KEY));
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("a refusé le schéma déclaré"),
                    String.valueOf(target));
            assertEquals(1, udata.datasets.size(), "the draft exists");
            assertTrue(udata.datasets.keySet().stream().noneMatch(udata::isPublic), "nothing left public");
        }
    }

    @Test
    void anIncompleteTargetIsRefused() {
        given().baseUri(Stack.PUBLISH).contentType("application/json").body("{\"apiUrl\":\"pas une adresse\"}")
                .when().put("/api/v1/targets/{org}/{dataset}/udata", ORG, "velos")
                .then().statusCode(400);
    }

    private static void configure(String dataset, String apiUrl, String apiKey) {
        given().baseUri(Stack.PUBLISH).contentType("application/json")
                .body(Map.of("apiUrl", apiUrl, "organizationId", UdataContractServer.ORGANIZATION, "apiKey", apiKey))
                .when().put("/api/v1/targets/{org}/{dataset}/udata", ORG, dataset)
                .then().statusCode(200);
    }
}
