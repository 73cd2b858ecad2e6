package fr.passerelle.e2e;

import fr.passerelle.portals.OdsContractServer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publication on an OpenDataSoft portal (Automation API v1.0), against a local server that enforces
 * the API's request shapes: the first version creates the remote dataset, uploads the file, creates
 * a resource on it and publishes; the next one uploads the new file and repoints that same
 * resource; a refused API key leaves the target FAILED without touching the portal.
 */
class OdsPublicationTest {

    private static final String ORG = "ville-ods";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aNewVersionRepointsTheSameRemoteResource() throws Exception {
        try (OdsContractServer ods = new OdsContractServer()) {
            String dataset = Pipeline.freshDataset("velos");
            List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(rows));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            configure(dataset, ods.apiUrl(), OdsContractServer.API_KEY);
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(first, "PUBLISHED");

            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            assertEquals("ods", target.get("kind"));
            assertNull(target.get("apiKey"), "the API key is never returned");
            String remoteDataset = (String) target.get("remoteDatasetId");
            String remoteResource = (String) target.get("remoteResourceId");
            assertNotNull(remoteDataset);
            assertEquals(1, ods.datasets.size());
            OdsContractServer.Dataset created = ods.datasets.get(remoteDataset);
            assertEquals(ORG + "-" + dataset, created.body.path("dataset_id").asText());
            assertEquals(1, created.publications, "published after the upload");
            List<String> files = created.resources.get(remoteResource);
            assertArrayEquals(Pipeline.latestCsv(ORG, dataset).asByteArray(), created.files.get(files.get(0)),
                    "the portal's file is uploaded");

            List<List<String>> next = new ArrayList<>(rows);
            List<String> row = new ArrayList<>(rows.get(1));
            row.set(rows.get(0).indexOf("id_local"), "STSI04");
            next.add(row);
            String second = Pipeline.accepted(ORG, dataset, null, "velos.csv", Csv.asFrenchExcelExport(next));
            Pipeline.awaitStatus(second, "PUBLISHED");
            Map<String, Object> updated = Pipeline.awaitRemoteTarget(ORG, dataset, 2);

            assertEquals("PUBLISHED", updated.get("lastStatus"), String.valueOf(updated));
            assertEquals(remoteDataset, updated.get("remoteDatasetId"), "same remote dataset");
            assertEquals(remoteResource, updated.get("remoteResourceId"), "same remote resource");
            assertEquals(1, ods.datasets.size(), "no duplicate dataset");
            assertEquals(1, created.resources.size(), "no duplicate resource");
            assertEquals(2, files.size(), "the resource was repointed at the new file");
            byte[] latest = Pipeline.latestCsv(ORG, dataset).asByteArray();
            assertArrayEquals(latest, created.files.get(files.get(1)));
            assertTrue(new String(latest, java.nio.charset.StandardCharsets.UTF_8).contains("STSI04"));
            assertEquals(2, created.publications);
            assertTrue(ods.calls().contains("PUT " + OdsContractServer.BASE + "/datasets/" + remoteDataset + "/"),
                    "metadata updated in place");
        }
    }

    @Test
    void aRefusedApiKeyLeavesTheTargetFailedAndThePortalPublished() throws Exception {
        try (OdsContractServer ods = new OdsContractServer()) {
            String dataset = Pipeline.freshDataset("velos-cle");
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                    Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            configure(dataset, ods.apiUrl(), "mauvaise-cle");
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(first, "PUBLISHED");

            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("clé d'API a été refusée"), String.valueOf(target));
            assertEquals(200, Pipeline.latestCsv(ORG, dataset).statusCode(), "the embedded portal is not blocked");
            assertTrue(ods.datasets.isEmpty());
        }
    }

    @Test
    void anApprovedIrveFileIsPublishedOnOdsWithTheSchemaNamedAndTheTemplatesFilled() throws Exception {
        try (OdsContractServer ods = new OdsContractServer()) {
            String dataset = Pipeline.freshDataset("bornes");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185"),
                    d -> configure(d, ods.apiUrl(), OdsContractServer.API_KEY));
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            OdsContractServer.Dataset remote = ods.datasets.get((String) target.get("remoteDatasetId"));
            var metadata = remote.body.path("metadata");
            String description = metadata.at("/default/description/value").asText();
            assertTrue(description.contains("« " + IrveDataset.CATALOGUE_NAME + " » (version "
                    + IrveDataset.CATALOGUE_VERSION + ")") && description.contains(IrveDataset.SCHEMA_URL), description);
            assertTrue(metadata.at("/default/keyword/value").toString().contains(IrveDataset.CATALOGUE_NAME));
            assertEquals("donnees@ville.fr", metadata.at("/dcat/contact_email/value").asText());
            assertEquals("Mensuelle", metadata.at("/dcat/accrualperiodicity/value").asText());
            assertEquals("2026-01-01/2026-12-31", metadata.at("/dcat/temporal/value").asText());
            assertEquals("Codes INSEE : commune 38185", metadata.at("/dcat/spatial/value").asText());
            assertEquals(1, remote.publications, "published once everything is in place");
            assertTrue(String.valueOf(target.get("schemaDeclaration")).contains("nommé dans la description"),
                    String.valueOf(target));
            List<String> calls = ods.calls();
            assertTrue(calls.get(calls.size() - 2).endsWith("/publish/"), "publish comes last: " + calls);
        }
    }

    @Test
    void aDomainWithoutTheDcatTemplateIsShownInFrenchAndNothingIsPublished() throws Exception {
        try (OdsContractServer ods = new OdsContractServer(java.util.Set.of("default", "internal"))) {
            String dataset = Pipeline.freshDataset("bornes-dcat");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185"),
                    d -> configure(d, ods.apiUrl(), OdsContractServer.API_KEY));
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("les métadonnées DCAT"), String.valueOf(target));
            assertTrue(ods.datasets.keySet().stream().noneMatch(ods::isPublic), "nothing published");
            assertEquals(200, Pipeline.latestCsv(ORG, dataset).statusCode(), "the embedded portal is not blocked");
        }
    }

    @Test
    void aTargetWithoutAUsableDomainIsRefused() {
        given().baseUri(Stack.PUBLISH).contentType("application/json")
                .body(Map.of("domain", "pas un domaine", "apiKey", "cle"))
                .when().put("/api/v1/targets/{org}/{dataset}/ods", ORG, "velos")
                .then().statusCode(400);
    }

    private static void configure(String dataset, String apiUrl, String apiKey) {
        // apiUrl instead of domain: the contract server is plain http on a loopback port.
        given().baseUri(Stack.PUBLISH).contentType("application/json")
                .body(Map.of("apiUrl", apiUrl, "apiKey", apiKey))
                .when().put("/api/v1/targets/{org}/{dataset}/ods", ORG, dataset)
                .then().statusCode(200);
    }
}
