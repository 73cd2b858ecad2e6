package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each service, one consumer group and one schema per service: the successive
 * versions of a dataset, uploaded one after the other alternately to either ingest instance, become
 * catalogue versions in upload order, and the portal serves the last one. Each file carries its
 * upload's number (a marker in {@code id_local}). Starts and stops the second instances: runs with the
 * fault tests.
 */
@Tag("faults")
class TwoInstancesOrderingTest {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final String INGEST_2 = System.getProperty("passerelle.ingest-2.url", "http://127.0.0.1:8091");
    private static final List<String> SECOND_INSTANCES = List.of("ingest-2", "quality-2", "catalog-2", "publish-2");
    private static final int VERSIONS = Integer.getInteger("passerelle.ordering.versions", 10);
    private static final int DATASETS = 3;

    @Test
    void versionsOfADatasetFollowUploadOrderAcrossInstances() {
        StackControl.up(2, "ingest", "quality", "catalog", "publish");
        try {
            String organization = "ordre";
            List<String> datasets = new ArrayList<>();
            for (int d = 0; d < DATASETS; d++) {
                String dataset = Pipeline.freshDataset("versions-" + d);
                String first = Pipeline.accepted(organization, dataset, SCHEMA, "premier.csv", content(0));
                Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
                Pipeline.approve(organization, dataset);
                Pipeline.awaitStatus(first, "PUBLISHED");
                datasets.add(dataset);
            }
            // Upload i goes to instance i % 2; versions of all datasets interleave, none waits for the one before.
            Map<String, List<String>> uploadsOf = new HashMap<>();
            for (int i = 1; i <= VERSIONS; i++) {
                for (String dataset : datasets) {
                    String ingest = (i + datasets.indexOf(dataset)) % 2 == 0 ? Stack.INGEST : INGEST_2;
                    Response response = Pipeline.upload(ingest, organization, dataset, SCHEMA, "v" + i + ".csv", content(i));
                    assertEquals(202, response.statusCode(), ingest + ": " + response.asString());
                    uploadsOf.computeIfAbsent(dataset, d -> new ArrayList<>()).add(response.jsonPath().getString("uploadId"));
                }
            }
            for (String dataset : datasets) {
                List<String> uploads = uploadsOf.get(dataset);
                for (String uploadId : uploads) {
                    Pipeline.awaitStatus(uploadId, "PUBLISHED");
                }
                List<Map<String, Object>> versions = new ArrayList<>(given().baseUri(Stack.CATALOG)
                        .when().get("/api/v1/datasets/{org}/{dataset}/versions", organization, dataset)
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$"));
                versions.sort(Comparator.comparingInt(version -> ((Number) version.get("version")).intValue()));
                List<String> inVersionOrder = versions.stream().skip(1).map(version -> String.valueOf(version.get("uploadId")))
                        .toList();
                assertEquals(uploads, inVersionOrder, dataset + ": versions in upload order");
                Response latest = Pipeline.latestCsv(organization, dataset);
                assertEquals(String.valueOf(VERSIONS + 1), latest.header("X-Passerelle-Version"));
                assertTrue(java.util.regex.Pattern.compile("ORDRE" + VERSIONS + "\\b").matcher(latest.asString()).find(),
                        dataset + ": the portal serves the last upload's file");
            }
        } finally {
            for (String instance : SECOND_INSTANCES) {
                if (StackControl.alive(instance)) {
                    StackControl.terminate(instance);
                }
            }
        }
    }

    /** The national example whose id_local carries the upload's number. */
    private static byte[] content(int number) {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        List<String> header = rows.get(0);
        List<String> row = new ArrayList<>(rows.get(1));
        row.set(header.indexOf("id_local"), "ORDRE" + number);
        return Csv.asFrenchExcelExport(List.of(header, row));
    }
}
