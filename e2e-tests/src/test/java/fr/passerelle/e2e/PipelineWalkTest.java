package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walk of the issue, through the real services, Kafka, PostgreSQL and S3: a Windows-1252
 * semicolon export is uploaded, checked, held for approval, approved, published and downloaded as
 * UTF-8; a second version then publishes on its own.
 */
class PipelineWalkTest {

    private static final String ORG = "grenoble-alpes";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void firstVersionWaitsForApprovalThenLaterVersionsPublishOnTheirOwn() {
        String dataset = Pipeline.freshDataset("velos");
        List<List<String>> original = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        assertTrue(original.size() >= 2, "the national example has a header and data rows");

        Response accepted = Pipeline.upload(ORG, dataset, SCHEMA, "Stationnements vélo 2026.csv",
                Csv.asFrenchExcelExport(original));
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String firstUpload = accepted.jsonPath().getString("uploadId");
        assertTrue(accepted.header("Location").endsWith("/api/v1/uploads/" + firstUpload));
        assertEquals("RECEIVED", accepted.jsonPath().getString("status"));

        JsonPath awaiting = Pipeline.awaitStatus(firstUpload, "AWAITING_APPROVAL");
        assertEquals("VALID", awaiting.getString("verdict"));
        assertEquals(1, awaiting.getInt("version"));
        assertTrue(awaiting.getList("stages.stage").containsAll(List.of("received", "quality", "catalog")),
                awaiting.prettify());
        assertEquals(404, Pipeline.latestCsv(ORG, dataset).statusCode(), "nothing is public before approval");

        JsonPath report = given().when().get(awaiting.getString("reportUrl")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("VALID", report.getString("verdict"));
        assertEquals("windows-1252", report.getString("details.encoding").toLowerCase());
        assertEquals(original.size() - 1, report.getInt("details.rowCount"));

        JsonPath approved = Pipeline.approve(ORG, dataset);
        assertTrue(approved.getBoolean("approved"));
        assertEquals("publieur@" + ORG + ".fr", approved.getString("approvedBy"), "the token's subject");

        JsonPath published = Pipeline.awaitStatus(firstUpload, "PUBLISHED");
        assertEquals(Stack.PUBLISH + "/portal/" + ORG + "/" + dataset + "/latest.csv", published.getString("publicUrl"));
        byte[] downloaded = downloadLatest(dataset, "1");
        assertEquals(Csv.trimmed(original), Csv.rows(downloaded), "the portal serves the file's content, re-encoded");
        assertTrue(new String(downloaded, StandardCharsets.UTF_8).contains("Grenoble Métropole"),
                "accents survive the Windows-1252 → UTF-8 conversion");

        List<List<String>> secondContent = new ArrayList<>(original);
        List<String> newRow = new ArrayList<>(original.get(1));
        newRow.set(original.get(0).indexOf("id_local"), "STSI02");
        secondContent.add(newRow);
        String secondUpload = Pipeline.accepted(ORG, dataset, null, "export-nuit.csv",
                Csv.asFrenchExcelExport(secondContent));
        JsonPath second = Pipeline.awaitStatus(secondUpload, "PUBLISHED");
        assertEquals(2, second.getInt("version"));
        assertEquals(SCHEMA, second.getString("schema"), "a later upload follows the dataset's schema");
        assertEquals(Csv.trimmed(secondContent), Csv.rows(downloadLatest(dataset, "2")));

        JsonPath versions = given().baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}/versions", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 1), versions.getList("version"));
        assertEquals(List.of("PUBLISHED", "PUBLISHED"), versions.getList("state"));
        assertEquals(List.of(secondUpload, firstUpload), versions.getList("uploadId"));

        String portal = given().baseUri(Stack.PUBLISH).when().get("/").then().statusCode(200).extract().asString();
        assertTrue(portal.contains("/portal/" + ORG + "/" + dataset + "/latest.csv"), "the portal lists the dataset");
    }

    private static byte[] downloadLatest(String dataset, String expectedVersion) {
        Response response = Pipeline.latestCsv(ORG, dataset);
        assertEquals(200, response.statusCode(), response.asString());
        assertNotNull(response.contentType());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertEquals(expectedVersion, response.header("X-Passerelle-Version"));
        return response.asByteArray();
    }
}
