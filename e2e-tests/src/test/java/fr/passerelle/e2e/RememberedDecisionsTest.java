package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decisions staff make once: a file with a person's phone numbers leaves a question in its report; answered over
 * the API, the same file is checked again and published; the next version, dropped in the dropzone, has the
 * decision applied without the question being asked again; a version without the column is not blocked by it.
 */
class RememberedDecisionsTest {

    private static final String ORG = "decisions-test";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final String PHONE = "Téléphone agent";
    private static final String DECISION = "donnees-personnelles.telephone-agent";
    private static final Duration DROP_PATIENCE = Duration.ofSeconds(40);

    @Test
    void aDecisionMadeOnceOverTheApiIsAppliedToTheNextVersionsDropsIncluded() {
        String dataset = Pipeline.freshDataset("arceaux-decision");
        List<List<String>> example = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        String blocked = Pipeline.accepted(ORG, dataset, SCHEMA, "export.csv",
                Csv.asFrenchExcelExport(withPhone(example, "06 12 34 56 78")));
        Pipeline.awaitStatus(blocked, "BLOCKED");

        // The report asks the question, with its id and the four answers in French.
        JsonPath report = report(blocked);
        assertEquals(DECISION, report.getString("details.decisions[0].id"), report.prettify());
        assertEquals("donnees-personnelles", report.getString("details.decisions[0].kind"));
        assertEquals(PHONE, report.getString("details.decisions[0].subject"));
        assertEquals(List.of("supprimer", "masquer", "hacher", "publique"),
                report.getList("details.decisions[0].choices.value"));
        assertTrue(report.getString("details.decisions[0].choices[1].label").startsWith("Masquer"));

        // Wrong answers are refused in French, with the code and an errorId.
        Response unknown = decide(blocked, "colonne.inconnue", "ignorer");
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals("unknown-decision", unknown.jsonPath().getString("code"));
        assertTrue(unknown.jsonPath().getString("message").contains("ne pose pas la question"), unknown.asString());
        assertTrue(unknown.jsonPath().getString("errorId").matches("[0-9a-f-]{36}"), unknown.asString());
        Response badChoice = decide(blocked, DECISION, "effacer");
        assertEquals(400, badChoice.statusCode());
        assertEquals("invalid-choice", badChoice.jsonPath().getString("code"));
        assertTrue(badChoice.jsonPath().getString("hint").contains("supprimer, masquer, hacher, publique"));

        // Publishing the personal data as they are is a publisher's call: a contributor alone is refused.
        Response published = given().baseUri(Stack.INGEST).contentType("application/json")
                .header("Authorization", "Bearer " + Auth.token(ORG, List.of("contributor")))
                .body(Map.of("decisions", List.of(Map.of("id", DECISION, "choice", "publique"))))
                .when().post("/api/v1/uploads/{id}/decisions", blocked);
        assertEquals(403, published.statusCode(), published.asString());
        assertEquals("publisher-required", published.jsonPath().getString("code"));
        assertTrue(published.jsonPath().getString("message").contains("réservée aux publieurs"), published.asString());

        // « supprimer », alone: no extra-column error is left, the same file is checked again and goes on.
        Response decided = decide(blocked, DECISION, "supprimer");
        assertEquals(202, decided.statusCode(), decided.asString());
        String again = decided.jsonPath().getString("uploadId");
        JsonPath checked = Pipeline.awaitStatus(again, "AWAITING_APPROVAL");
        assertEquals("VALID", checked.getString("verdict"), checked.prettify());
        JsonPath rechecked = report(again);
        assertEquals(List.of(), rechecked.getList("details.decisions"), "nothing left to ask");
        assertEquals(true, rechecked.getBoolean("details.rememberedDecisions[0].applied"), rechecked.prettify());
        assertTrue(rechecked.getString("details.rememberedDecisions[0].message").contains("supprimée"));

        List<Map<String, Object>> remembered = rememberedDecisions(dataset);
        assertEquals(1, remembered.size());
        assertEquals(DECISION, remembered.get(0).get("id"));
        assertEquals("supprimer", remembered.get(0).get("choice"));

        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(again, "PUBLISHED");
        assertFalse(Pipeline.latestCsv(ORG, dataset).asString().contains("06 12"));

        // The next version comes through the dropzone, with another person's number: applied, not asked again.
        S3.put("dropzone", ORG + "/" + dataset + "/export-nuit.csv",
                Csv.asFrenchExcelExport(withPhone(example, "07 98 76 54 32")));
        String dropped = awaitDroppedUpload(dataset, 1);
        JsonPath second = Pipeline.awaitStatus(dropped, "PUBLISHED");
        assertEquals(2, second.getInt("version"), second.prettify());
        JsonPath secondReport = report(dropped);
        assertEquals(List.of(), secondReport.getList("details.decisions"), secondReport.prettify());
        assertEquals(true, secondReport.getBoolean("details.rememberedDecisions[0].applied"));
        assertFalse(Pipeline.latestCsv(ORG, dataset).asString().contains("07 98"));

        // A version without the column: the decision does not apply, and does not block the file.
        List<List<String>> changed = new ArrayList<>(example);
        changed.set(1, new ArrayList<>(example.get(1)));
        changed.get(1).set(example.get(0).indexOf("date_maj"), "2024-01-15");
        S3.put("dropzone", ORG + "/" + dataset + "/export-sans-telephone.csv", Csv.asFrenchExcelExport(changed));
        String third = awaitDroppedUpload(dataset, 2);
        Pipeline.awaitStatus(third, "PUBLISHED");
        JsonPath thirdReport = report(third);
        assertEquals(false, thirdReport.getBoolean("details.rememberedDecisions[0].applied"), thirdReport.prettify());
        assertTrue(thirdReport.getString("details.rememberedDecisions[0].message").contains("il n'a plus cette colonne"));

        // Forgotten, the decision no longer travels with the files.
        given().baseUri(Stack.INGEST).when().delete("/api/v1/organizations/{org}/datasets/{dataset}/decisions/{id}",
                ORG, dataset, DECISION).then().statusCode(204);
        assertEquals(List.of(), rememberedDecisions(dataset));
        Response gone = given().baseUri(Stack.INGEST).when()
                .delete("/api/v1/organizations/{org}/datasets/{dataset}/decisions/{id}", ORG, dataset, DECISION);
        assertEquals(404, gone.statusCode());
        assertEquals("unknown-decision", gone.jsonPath().getString("code"));
    }

    private static Response decide(String uploadId, String id, String choice) {
        return given().baseUri(Stack.INGEST).contentType("application/json")
                .body(Map.of("decisions", List.of(Map.of("id", id, "choice", choice))))
                .when().post("/api/v1/uploads/{id}/decisions", uploadId);
    }

    private static List<Map<String, Object>> rememberedDecisions(String dataset) {
        return given().baseUri(Stack.INGEST).when().get("/api/v1/organizations/{org}/datasets/{dataset}/decisions",
                ORG, dataset).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static JsonPath report(String uploadId) {
        return given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}", uploadId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The upload made of the dataset's {@code count}-th ingested drop. */
    private static String awaitDroppedUpload(String dataset, int count) {
        long deadline = System.nanoTime() + DROP_PATIENCE.toNanos();
        List<Map<String, Object>> drops = List.of();
        while (System.nanoTime() < deadline) {
            drops = given().baseUri(Stack.INGEST).when()
                    .get("/api/v1/organizations/{org}/datasets/{dataset}/drops", ORG, dataset)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            List<Map<String, Object>> ingested = drops.stream()
                    .filter(drop -> "INGESTED".equals(drop.get("outcome")) && drop.get("uploadId") != null).toList();
            if (ingested.size() >= count) {
                // The newest drop is the one just made.
                String uploadId = (String) ingested.stream().sorted((a, b) -> String.valueOf(b.get("detectedAt"))
                        .compareTo(String.valueOf(a.get("detectedAt")))).findFirst().orElseThrow().get("uploadId");
                // The drops list names no organisation: the test's token filter is told whose upload it is.
                StaffTokenFilter.remember(uploadId, ORG);
                return uploadId;
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError("No drop ingested for " + dataset + ": " + drops);
    }

    private static List<List<String>> withPhone(List<List<String>> example, String phone) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(example.get(0));
        header.add(PHONE);
        rows.add(header);
        for (int i = 1; i < example.size(); i++) {
            List<String> row = new ArrayList<>(example.get(i));
            row.add(i == 1 ? phone : "");
            rows.add(row);
        }
        return rows;
    }
}
