package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions compared row by row, the approval journal, a material change that withdraws the approval,
 * and "always ask", on the national stationnement-cyclable example.
 */
class VersionsAndApprovalTest {

    private static final String ORG = "grenoble-versions";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final List<List<String>> EXAMPLE = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
    private static final List<String> HEADER = EXAMPLE.get(0);

    @Test
    void aVersionIsComparedWithThePreviousOneByItsIdentifier() {
        String dataset = Pipeline.freshDataset("arceaux-diff");
        publishFirst(dataset, file(row("STSI01"), row("STSI02"), row("STSI03")));
        String second = Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv",
                file(row("STSI01", "capacite", "12"), row("STSI03"), row("STSI04")));
        Pipeline.awaitStatus(second, "PUBLISHED");

        JsonPath diff = diff(dataset, "/versions/2/diff").then().statusCode(200).extract().jsonPath();
        assertEquals(2, diff.getInt("version"));
        assertEquals(1, diff.getInt("comparedWith"));
        assertEquals("KEY", diff.getString("comparison"), diff.prettify());
        assertEquals("id_local", diff.getString("keyColumn"));
        assertEquals(1, diff.getInt("added"));
        assertEquals(1, diff.getInt("removed"));
        assertEquals(1, diff.getInt("changed"));
        assertEquals(1, diff.getInt("unchanged"));
        assertEquals(List.of("STSI04"), diff.getList("samples.added.id_local"));
        assertEquals(List.of("STSI02"), diff.getList("samples.removed.id_local"));
        assertEquals(List.of("STSI01"), diff.getList("samples.changed.key"));
        List<Map<String, String>> changes = diff.getList("samples.changed[0].changes");
        assertEquals(List.of(Map.of("column", "capacite", "before", row("STSI01").get(HEADER.indexOf("capacite")),
                "after", "12")), changes);
        assertTrue(diff.getList("notes").isEmpty(), diff.prettify());

        JsonPath again = diff(dataset, "/versions/2/diff?with=1").then().statusCode(200).extract().jsonPath();
        assertEquals(diff.getMap("$"), again.getMap("$"), "with=1 is the default, and read from the cache");
        JsonPath backwards = diff(dataset, "/versions/1/diff?with=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("STSI02"), backwards.getList("samples.added.id_local"));
        assertEquals(List.of("STSI04"), backwards.getList("samples.removed.id_local"));

        Response first = diff(dataset, "/versions/1/diff");
        assertEquals(404, first.statusCode());
        assertEquals("no-previous-version", first.jsonPath().getString("code"));
        Response unknown = diff(dataset, "/versions/9/diff");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown-version", unknown.jsonPath().getString("code"));
        assertTrue(unknown.jsonPath().getString("message").contains("version 9"));
        assertEquals(404, given().baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}/versions/2/diff", ORG, "inconnu-" + dataset)
                .statusCode());
    }

    @Test
    void aTitleChangeWithdrawsTheApprovalAndTheJournalSaysWhoDidWhat() {
        String dataset = Pipeline.freshDataset("arceaux-retrait");
        publishFirst(dataset, file(row("STSI01"), row("STSI02")));

        JsonPath keywords = put(dataset, "{\"keywords\":[\"vélo\"]}");
        assertTrue(keywords.getBoolean("approved"), "keywords are not material");

        JsonPath retitled = put(dataset, "{\"title\":\"Arceaux et abris vélo\"}");
        assertFalse(retitled.getBoolean("approved"));
        assertEquals("WITHDRAWN", retitled.getString("approvalState"));
        assertTrue(retitled.getString("approvalWithdrawnReason").contains("titre"), retitled.prettify());
        assertEquals(1, retitled.getInt("publishedVersion"), "the published version stays published");

        String second = Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv", file(row("STSI01"), row("STSI03")));
        JsonPath waiting = Pipeline.awaitStatus(second, "AWAITING_APPROVAL");
        assertEquals(2, waiting.getInt("version"));
        assertEquals("1", Pipeline.latestCsv(ORG, dataset).header("X-Passerelle-Version"));

        JsonPath journal = approvals(dataset);
        assertEquals(List.of("APPROVAL_WITHDRAWN", "APPROVED"), journal.getList("action"));
        assertEquals(List.of("agent@" + ORG + ".fr", "publieur@" + ORG + ".fr"), journal.getList("actor"),
                "the journal names the tokens' subjects");
        assertTrue(journal.getString("[0].reason").contains("titre"), journal.prettify());
        assertEquals(List.of(1), journal.getList("[1].versions"));

        JsonPath approved = Pipeline.approve(ORG, dataset);
        assertEquals("APPROVED", approved.getString("approvalState"));
        Pipeline.awaitStatus(second, "PUBLISHED");
        JsonPath after = approvals(dataset);
        assertEquals("APPROVED", after.getString("[0].action"));
        assertEquals(List.of(2), after.getList("[0].versions"));
        assertEquals(3, after.getList("action").size());
    }

    @Test
    void alwaysAskHoldsEveryVersionOfAnApprovedDataset() {
        String dataset = Pipeline.freshDataset("arceaux-toujours");
        publishFirst(dataset, file(row("STSI01")));

        JsonPath asking = put(dataset, "{\"alwaysAsk\":true}");
        assertTrue(asking.getBoolean("alwaysAsk"));
        assertTrue(asking.getBoolean("approved"), "a setting, not a material change");

        String second = Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv", file(row("STSI01"), row("STSI02")));
        Pipeline.awaitStatus(second, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(second, "PUBLISHED");
        JsonPath journal = approvals(dataset);
        assertEquals(List.of("VERSION_APPROVED", "ALWAYS_ASK_ON", "APPROVED"), journal.getList("action"));
        assertEquals(List.of(2), journal.getList("[0].versions"));

        assertFalse(put(dataset, "{\"alwaysAsk\":false}").getBoolean("alwaysAsk"));
        String third = Pipeline.accepted(ORG, dataset, SCHEMA, "v3.csv",
                file(row("STSI01"), row("STSI02"), row("STSI03")));
        Pipeline.awaitStatus(third, "PUBLISHED");
        assertEquals("ALWAYS_ASK_OFF", approvals(dataset).getString("[0].action"));
    }

    @Test
    void aRefusedVersionIsNeverPublishedAndTheJournalKeepsThePublishersReason() {
        String dataset = Pipeline.freshDataset("arceaux-refus");
        publishFirst(dataset, file(row("STSI01")));
        put(dataset, "{\"alwaysAsk\":true}");
        String second = Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv", file(row("STSI01"), row("STSI02")));
        Pipeline.awaitStatus(second, "AWAITING_APPROVAL");
        String publisher = Auth.as("publieur@" + ORG + ".fr", ORG, "publisher");

        Response withoutReason = Auth.with(publisher).baseUri(Stack.CATALOG)
                .when().post("/api/v1/datasets/{org}/{dataset}/refusal", ORG, dataset);
        assertEquals(400, withoutReason.statusCode(), withoutReason.asString());
        assertEquals("refusal-reason-required", withoutReason.jsonPath().getString("code"));

        Auth.with(publisher).baseUri(Stack.CATALOG).contentType("application/json")
                .body(Map.of("comment", "La capacité de STSI02 est fausse."))
                .when().post("/api/v1/datasets/{org}/{dataset}/refusal", ORG, dataset).then().statusCode(200);
        JsonPath versions = given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}/versions", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("REFUSED", "PUBLISHED"), versions.getList("state"));
        JsonPath journal = approvals(dataset);
        assertEquals("REFUSED", journal.getString("[0].action"));
        assertEquals("La capacité de STSI02 est fausse.", journal.getString("[0].reason"));
        assertEquals(List.of(2), journal.getList("[0].versions"));
        // The upload that brought it says so, with the publisher's words, rather than waiting for ever.
        JsonPath upload = Pipeline.awaitStatus(second, "REFUSED");
        assertEquals("approval", upload.getString("stages[-1].stage"));
        assertEquals("Version 2 refusée par un publieur : La capacité de STSI02 est fausse.",
                upload.getString("stages[-1].detail"));

        Response again = Auth.with(publisher).baseUri(Stack.CATALOG).contentType("application/json")
                .body(Map.of("comment", "encore")).when().post("/api/v1/datasets/{org}/{dataset}/refusal", ORG, dataset);
        assertEquals(409, again.statusCode(), "nothing waits any more");
        Pipeline.approve(ORG, dataset);
        Pipeline.sleep(2000);
        assertEquals("1", Pipeline.latestCsv(ORG, dataset).header("X-Passerelle-Version"), "the refused version stays unpublished");
    }

    private static void publishFirst(String dataset, byte[] content) {
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "v1.csv", content);
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(first, "PUBLISHED");
    }

    /** The national example's row under another identifier, with one cell changed if asked. */
    private static List<String> row(String id, String... columnAndValue) {
        List<String> row = new ArrayList<>(EXAMPLE.get(1));
        row.set(HEADER.indexOf("id_local"), id);
        for (int i = 0; i + 1 < columnAndValue.length; i += 2) {
            row.set(HEADER.indexOf(columnAndValue[i]), columnAndValue[i + 1]);
        }
        return row;
    }

    @SafeVarargs
    private static byte[] file(List<String>... rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(rows));
        return Csv.asFrenchExcelExport(all);
    }

    private static Response diff(String dataset, String path) {
        return given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/" + ORG + "/" + dataset + path);
    }

    private static JsonPath put(String dataset, String body) {
        return given().baseUri(Stack.CATALOG).contentType("application/json").body(body)
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath approvals(String dataset) {
        return given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}/approvals", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
    }
}
