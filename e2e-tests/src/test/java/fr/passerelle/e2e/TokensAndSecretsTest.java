package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An organisation's admin issues tokens for its people and machines, sees them listed without the token,
 * and revokes them; the portals' API keys are stored encrypted and never come back.
 */
class TokensAndSecretsTest {

    private static final String ORG = "ville-jetons";
    private static final String OTHER = "ville-jetons-voisine";

    @Test
    void anAdminIssuesAMachineTokenThatUploadsUntilItIsRevoked() {
        String admin = Auth.as("admin@" + ORG + ".fr", ORG, "admin");
        Response issued = Auth.with(admin).baseUri(Stack.INGEST).contentType("application/json")
                .body(Map.of("subject", "export-sig-voirie", "roles", List.of("contributor"), "kind", "machine"))
                .when().post("/api/v1/organizations/{org}/tokens", ORG);
        assertEquals(201, issued.statusCode(), issued.asString());
        String token = issued.jsonPath().getString("token");
        String id = issued.jsonPath().getString("id");
        assertNotNull(token);

        String dataset = Pipeline.freshDataset("export");
        Response upload = Auth.with(token).baseUri(Stack.INGEST)
                .multiPart("file", "arceaux.csv", Csv.asFrenchExcelExport(Csv.rows(Csv.example("stationnement-cyclable",
                        "exemple-valide.csv"))), "text/csv")
                .multiPart("schema", "stationnement-cyclable")
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", ORG, dataset);
        assertEquals(202, upload.statusCode(), "the machine token uploads: " + upload.asString());

        JsonPath listed = Auth.with(admin).baseUri(Stack.INGEST).when().get("/api/v1/organizations/{org}/tokens", ORG)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(listed.getList("id").contains(id), listed.prettify());
        assertFalse(listed.prettify().contains(token), "the list never shows a token");
        assertEquals("admin@" + ORG + ".fr", listed.getString("find { it.id == '" + id + "' }.issuedBy"));

        // Another organisation's admin cannot tell the token exists.
        Response foreign = Auth.with(Auth.as("admin@" + OTHER + ".fr", OTHER, "admin")).baseUri(Stack.INGEST)
                .when().delete("/api/v1/organizations/{org}/tokens/{id}", OTHER, id);
        assertEquals(404, foreign.statusCode(), foreign.asString());

        Auth.with(token).baseUri(Stack.CATALOG).when().get("/api/v1/datasets").then().statusCode(200);
        Auth.with(admin).baseUri(Stack.INGEST).when().delete("/api/v1/organizations/{org}/tokens/{id}", ORG, id)
                .then().statusCode(204);
        // The other services learn it from the revocations topic, within moments.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        int catalog;
        do {
            catalog = Auth.with(token).baseUri(Stack.CATALOG).when().get("/api/v1/datasets").statusCode();
            if (catalog != 401) {
                Pipeline.sleep(200);
            }
        } while (catalog != 401 && System.nanoTime() < deadline);
        assertEquals(401, catalog, "catalog refuses the revoked token too");

        // Both are in the organisation's audit log, without the token itself.
        long auditDeadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        String log = "";
        while (System.nanoTime() < auditDeadline && !(log.contains("token.issued") && log.contains("token.revoked"))) {
            log = Auth.with(admin).baseUri(Stack.INGEST).when().get("/api/v1/organizations/{org}/audit", ORG).asString();
            Pipeline.sleep(200);
        }
        assertTrue(log.contains("token.issued") && log.contains("token.revoked") && log.contains(id), log);
        assertFalse(log.contains(token), "never the token in the audit log");
        Response refused = Auth.with(token).baseUri(Stack.INGEST)
                .multiPart("file", "arceaux.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", ORG, dataset);
        assertEquals(401, refused.statusCode(), "a revoked token is refused: " + refused.asString());
    }

    @Test
    void anAdminCannotGrantOpsNorIssueForAnotherOrganisation() {
        String admin = Auth.as("admin@" + ORG + ".fr", ORG, "admin");
        Response ops = Auth.with(admin).baseUri(Stack.INGEST).contentType("application/json")
                .body(Map.of("subject", "moi@" + ORG + ".fr", "roles", List.of("ops")))
                .when().post("/api/v1/organizations/{org}/tokens", ORG);
        assertEquals(400, ops.statusCode(), ops.asString());
        Response elsewhere = Auth.with(admin).baseUri(Stack.INGEST).contentType("application/json")
                .body(Map.of("subject", "moi@" + ORG + ".fr", "roles", List.of("admin")))
                .when().post("/api/v1/organizations/{org}/tokens", OTHER);
        assertEquals(403, elsewhere.statusCode(), elsewhere.asString());
    }

    @Test
    void aPortalsApiKeyIsStoredEncryptedAndNeverReturned() throws Exception {
        String dataset = Pipeline.freshDataset("cle");
        String key = "cle-secrete-" + dataset;
        // The local stack's one allowed portal host (a public name is checked by DNS, which these machines lack);
        // nothing listens on port 9 and nothing is sent when a target is saved.
        JsonPath configured = Auth.with(Auth.as("publieur@" + ORG + ".fr", ORG, "publisher")).baseUri(Stack.PUBLISH)
                .contentType("application/json")
                .body(Map.of("apiUrl", "http://127.0.0.1:9/api/1", "organizationId", "abc", "apiKey", key))
                .when().put("/api/v1/targets/{org}/{dataset}/udata", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(configured.prettify().contains(key));
        assertNull(configured.get("[0].apiKey"));
        try (Connection publish = DriverManager.getConnection(Stack.JDBC, "publish",
                Stack.secret("PASSERELLE_DB_PASSWORD_PUBLISH"));
             PreparedStatement query = publish.prepareStatement(
                     "SELECT api_key FROM remote_target WHERE organization = ? AND dataset = ?")) {
            query.setString(1, ORG);
            query.setString(2, dataset);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                String stored = row.getString(1);
                assertTrue(stored.startsWith("enc:v1:"), "stored encrypted: " + stored.substring(0, 10));
                assertFalse(stored.contains(key));
            }
        }
    }
}
