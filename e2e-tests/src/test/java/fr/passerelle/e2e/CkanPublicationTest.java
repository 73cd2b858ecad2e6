package fr.passerelle.e2e;

import fr.passerelle.portals.CkanContractServer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publication on a CKAN portal (DataSud…), against a local server enforcing CKAN's action API shapes. */
class CkanPublicationTest {

    private static final String ORG = "ville-ckan";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aNewVersionPatchesTheSameCkanResource() throws Exception {
        try (CkanContractServer ckan = new CkanContractServer()) {
            String dataset = Pipeline.freshDataset("velos");
            List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(rows));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            configure(dataset, ckan.apiUrl());
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(first, "PUBLISHED");

            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            String packageId = (String) target.get("remoteDatasetId");
            String resourceId = (String) target.get("remoteResourceId");
            assertEquals(ORG + "-" + dataset, ckan.packages.get(packageId).path("name").asText());
            assertEquals("fr-lo", ckan.packages.get(packageId).path("license_id").asText());
            assertEquals(packageId, ckan.resourcePackage.get(resourceId));

            List<List<String>> next = new ArrayList<>(rows);
            List<String> row = new ArrayList<>(rows.get(1));
            row.set(rows.get(0).indexOf("id_local"), "STSI03");
            next.add(row);
            String second = Pipeline.accepted(ORG, dataset, null, "velos.csv", Csv.asFrenchExcelExport(next));
            Pipeline.awaitStatus(second, "PUBLISHED");
            Map<String, Object> updated = Pipeline.awaitRemoteTarget(ORG, dataset, 2);

            assertEquals("PUBLISHED", updated.get("lastStatus"), String.valueOf(updated));
            assertEquals(resourceId, updated.get("remoteResourceId"));
            assertEquals(1, ckan.packages.size(), "package_patch, not a second package");
            assertEquals(1, ckan.uploads.size(), "resource_patch, not a second resource");
            assertEquals(2, ckan.uploads.get(resourceId).size());
            byte[] latest = Pipeline.latestCsv(ORG, dataset).asByteArray();
            assertArrayEquals(latest, ckan.uploads.get(resourceId).get(1));
            assertTrue(new String(latest, java.nio.charset.StandardCharsets.UTF_8).contains("STSI03"));
        }
    }

    @Test
    void anApprovedIrveFileIsPublicOnCkanWithItsSchemaUrlAndMetadata() throws Exception {
        try (CkanContractServer ckan = new CkanContractServer()) {
            String dataset = Pipeline.freshDataset("bornes");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185"),
                    d -> configure(d, ckan.apiUrl()));
            assertEquals("PUBLISHED", target.get("lastStatus"), String.valueOf(target));
            String packageId = (String) target.get("remoteDatasetId");
            String resourceId = (String) target.get("remoteResourceId");
            assertTrue(ckan.isPublic(packageId), "public once the resource and its schema are in place");
            assertEquals(IrveDataset.SCHEMA_URL, ckan.resourceFields.get(resourceId).get("schema"));
            assertEquals("success", ckan.resourceFields.get(resourceId).get("validation_status"),
                    "the clean file passes ckanext-validation against the schema it declares");
            assertTrue(String.valueOf(target.get("schemaDeclaration")).contains(IrveDataset.SCHEMA_URL),
                    "the publisher reads where the schema is declared: " + target);
            var pkg = ckan.packages.get(packageId);
            assertEquals("donnees@ville.fr", pkg.path("maintainer_email").asText());
            assertTrue(pkg.path("extras").toString().contains("{\"key\":\"temporal_start\",\"value\":\"2026-01-01\"}"),
                    pkg.toString());
            assertTrue(pkg.path("extras").toString().contains("frequency/MONTHLY"), pkg.toString());
            assertEquals("mobilité électrique", pkg.path("tags").get(1).path("name").asText());
        }
    }

    @Test
    void aSchemaTheCkanCannotReadIsShownInFrenchAndThePackageStaysPrivate() throws Exception {
        // A CKAN whose validation cannot read the IRVE schema: the resource is refused, as ckanext-validation does.
        try (CkanContractServer ckan = new CkanContractServer(Map.of("etalab/schema-lieux-covoiturage",
                List.of("0.3.0")))) {
            String dataset = Pipeline.freshDataset("bornes-schema");
            Map<String, Object> target = IrveDataset.approvedAndPushed(ORG, dataset, List.of("38185"),
                    d -> configure(d, ckan.apiUrl()));
            assertEquals("FAILED", target.get("lastStatus"));
            assertTrue(String.valueOf(target.get("lastError")).contains("a refusé le schéma déclaré"),
                    String.valueOf(target));
            assertEquals(1, ckan.packages.size(), "the draft exists");
            assertTrue(ckan.packages.keySet().stream().noneMatch(ckan::isPublic), "nothing left public");
            assertTrue(ckan.uploads.isEmpty(), "no resource written");
        }
    }

    private static void configure(String dataset, String apiUrl) {
        given().baseUri(Stack.PUBLISH).contentType("application/json")
                .body(Map.of("apiUrl", apiUrl, "organizationId", CkanContractServer.ORGANIZATION,
                        "apiKey", CkanContractServer.TOKEN))
                .when().put("/api/v1/targets/{org}/{dataset}/ckan", ORG, dataset).then().statusCode(200);
    }
}
