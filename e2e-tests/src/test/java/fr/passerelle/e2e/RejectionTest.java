package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file that does not conform ends REJECTED with a report a person can read; nothing is published. */
class RejectionTest {

    private static final String ORG = "ville-de-lyon";

    @Test
    void anInvalidFileIsRejectedWithAReportInFrench() throws Exception {
        String dataset = Pipeline.freshDataset("parkings");
        byte[] invalid = Files.readAllBytes(Csv.example("lieux-stationnement", "exemple-invalide.csv"));

        String upload = Pipeline.accepted(ORG, dataset, "lieux-stationnement", "parkings.csv", invalid);
        JsonPath rejected = Pipeline.awaitStatus(upload, "REJECTED");

        assertEquals("INVALID", rejected.getString("verdict"));
        assertNull(rejected.getString("publicUrl"));
        assertTrue(rejected.getString("summary").contains("n'est pas conforme"), rejected.getString("summary"));

        JsonPath report = given().when().get(rejected.getString("reportUrl")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("INVALID", report.getString("verdict"));
        List<Map<String, Object>> samples = report.getList("details.samples");
        assertFalse(samples.isEmpty(), "the report shows the errors");
        for (Map<String, Object> error : samples) {
            assertFalse(String.valueOf(error.get("message")).isBlank(), "every error has a message: " + error);
            assertFalse(String.valueOf(error.get("hint")).isBlank(), "every error has a hint: " + error);
        }
        assertEquals(404, given().baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}", ORG, dataset).statusCode(),
                "a rejected file does not create a version");
        assertEquals(404, Pipeline.latestCsv(ORG, dataset).statusCode());
    }

    @Test
    void aFileForAnUnknownSchemaIsRejectedWithTheListOfKnownSchemas() {
        String dataset = Pipeline.freshDataset("inconnu");
        String upload = Pipeline.accepted(ORG, dataset, "schema-qui-n-existe-pas", "a.csv",
                "a,b\n1,2\n".getBytes());
        JsonPath rejected = Pipeline.awaitStatus(upload, "REJECTED");

        JsonPath report = given().when().get(rejected.getString("reportUrl")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("unknown-schema", report.getString("problem.code"));
        assertTrue(report.getString("problem.hint").contains("stationnement-cyclable"), report.prettify());
    }
}
