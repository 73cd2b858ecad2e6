package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Who uploaded, changed metadata, approved, configured a target or the settings of an organisation,
 * when and from where: its admins read it, nobody else does, and no secret is in it.
 */
class AuditLogTest {

    private static final String ORG = "ville-audit";

    @Test
    void theAdminsReadWhoDidWhatAndFromWhere() {
        String dataset = Pipeline.freshDataset("journal");
        String contributor = Auth.as("agent@" + ORG + ".fr", ORG, "contributor");
        String publisher = Auth.as("publieur@" + ORG + ".fr", ORG, "publisher");
        String admin = Auth.as("admin@" + ORG + ".fr", ORG, "admin");

        Response upload = Auth.with(contributor).baseUri(Stack.INGEST)
                .multiPart("file", "arceaux.csv", Csv.asFrenchExcelExport(Csv.rows(Csv.example("stationnement-cyclable",
                        "exemple-valide.csv"))), "text/csv")
                .multiPart("schema", "stationnement-cyclable")
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", ORG, dataset);
        assertEquals(202, upload.statusCode(), upload.asString());
        String uploadId = upload.jsonPath().getString("uploadId");
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");

        Auth.with(contributor).baseUri(Stack.CATALOG).contentType("application/json").body("{\"title\":\"Arceaux vélo\",\"description\":\"Les arceaux de la ville.\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        Auth.with(publisher).baseUri(Stack.CATALOG).contentType("application/json").body("{}")
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", ORG, dataset).then().statusCode(200);
        String secret = "CLE-SECRETE-" + dataset;
        // The local stack's one allowed portal host (a public name is checked by DNS, which these machines lack);
        // nothing listens on port 9 and nothing is sent when a target is saved.
        Auth.with(publisher).baseUri(Stack.PUBLISH).contentType("application/json")
                .body(Map.of("apiUrl", "http://127.0.0.1:9/api/3/action", "organizationId", "org-ckan", "apiKey", secret))
                .when().put("/api/v1/targets/{org}/{dataset}/ckan", ORG, dataset).then().statusCode(200);
        Auth.with(publisher).baseUri(Stack.QUALITY).contentType("application/json")
                .body("{\"columnMapping\":{},\"privacyDecisions\":{}}")
                .when().put("/api/v1/datasets/{org}/{dataset}/settings", ORG, dataset).then().statusCode(200);

        List<Map<String, Object>> entries = awaitEntries(admin, dataset, found -> found.size() >= 5);
        Map<String, Object> uploaded = only(entries, "upload.accepted");
        assertEquals("agent@" + ORG + ".fr", uploaded.get("actor"));
        assertEquals("127.0.0.1", uploaded.get("address"));
        assertTrue(String.valueOf(uploaded.get("detail")).contains(uploadId), uploaded.toString());
        assertEquals("agent@" + ORG + ".fr", only(entries, "dataset.metadata.changed").get("actor"));
        assertEquals("publieur@" + ORG + ".fr", only(entries, "dataset.approved").get("actor"));
        assertEquals("publieur@" + ORG + ".fr", only(entries, "target.configured").get("actor"));
        assertEquals("publieur@" + ORG + ".fr", only(entries, "settings.changed").get("actor"));
        assertFalse(entries.toString().contains(secret), "no API key in the audit log");
        List<String> times = entries.stream().map(entry -> String.valueOf(entry.get("occurredAt"))).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");
    }

    @Test
    void onlyTheOrganisationsAdminsReadIt() {
        String path = "/api/v1/organizations/{org}/audit";
        Auth.anonymous().baseUri(Stack.INGEST).when().get(path, ORG).then().statusCode(401);
        Auth.with(Auth.as("agent@" + ORG + ".fr", ORG, "contributor", "publisher")).baseUri(Stack.INGEST)
                .when().get(path, ORG).then().statusCode(403);
        Auth.with(Auth.as("admin@voisine.fr", "ville-voisine", "admin")).baseUri(Stack.INGEST)
                .when().get(path, ORG).then().statusCode(403);
        Auth.with(Auth.ops()).baseUri(Stack.INGEST).when().get(path, ORG).then().statusCode(403);
        JsonPath bad = Auth.with(Auth.as("admin@" + ORG + ".fr", ORG, "admin")).baseUri(Stack.INGEST)
                .queryParam("before", "hier").when().get(path, ORG).then().statusCode(400).extract().jsonPath();
        assertEquals("invalid-before", bad.getString("code"));
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String action) {
        List<Map<String, Object>> found = entries.stream().filter(entry -> action.equals(entry.get("action"))).toList();
        assertEquals(1, found.size(), action + " in " + entries);
        return found.get(0);
    }

    /** The entries of {@code dataset}, polled until {@code enough}: they travel through Kafka. */
    private static List<Map<String, Object>> awaitEntries(String admin, String dataset,
                                                          Predicate<List<Map<String, Object>>> enough) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        List<Map<String, Object>> mine = List.of();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> all = Auth.with(admin).baseUri(Stack.INGEST).queryParam("limit", 1000)
                    .when().get("/api/v1/organizations/{org}/audit", ORG).then().statusCode(200).extract().jsonPath()
                    .getList("$");
            mine = all.stream().filter(entry -> dataset.equals(entry.get("dataset"))).toList();
            if (enough.test(mine)) {
                return mine;
            }
            Pipeline.sleep(300);
        }
        throw new AssertionError("audit entries of " + dataset + " still incomplete: " + mine);
    }
}
