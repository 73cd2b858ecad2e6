package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What staff do with curl, as test steps: upload, follow, approve, download. */
final class Pipeline {

    static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("passerelle.e2e.patience-seconds", 90));
    private static final Set<String> FINAL = Set.of("PUBLISHED", "REJECTED", "BLOCKED", "REFUSED", "FAILED");

    private Pipeline() {
    }

    /** A dataset slug no earlier run used, so that runs never see each other's versions. */
    static String freshDataset(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response upload(String organization, String dataset, String schema, String filename, byte[] content) {
        return upload(Stack.INGEST, organization, dataset, schema, filename, content);
    }

    /** The same, to one ingest instance in particular (the ordering test alternates between two). */
    static Response upload(String ingest, String organization, String dataset, String schema, String filename,
                           byte[] content) {
        return upload(ingest, organization, dataset, schema, filename, content, null);
    }

    /** The same, with an {@code Idempotency-Key} (null: none), as a client that may send it again does. */
    static Response upload(String ingest, String organization, String dataset, String schema, String filename,
                           byte[] content, String idempotencyKey) {
        var request = given().baseUri(ingest)
                .multiPart("file", filename, content, "text/csv");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", "\"" + idempotencyKey + "\"");
        }
        if (schema != null) {
            request.multiPart("schema", schema);
        }
        return request.when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", organization, dataset);
    }

    /** Uploads and returns the upload id, asserting the 202. */
    static String accepted(String organization, String dataset, String schema, String filename, byte[] content) {
        Response response = upload(organization, dataset, schema, filename, content);
        if (response.statusCode() != 202) {
            fail("Upload refused: " + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath().getString("uploadId");
    }

    static JsonPath status(String uploadId) {
        return given().baseUri(Stack.INGEST).when().get("/api/v1/uploads/{id}", uploadId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls the upload until it reaches {@code expected}; fails early on another final status. */
    static JsonPath awaitStatus(String uploadId, String expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = status(uploadId);
            String status = last.getString("status");
            if (expected.equals(status)) {
                return last;
            }
            if (FINAL.contains(status)) {
                fail("Upload " + uploadId + " ended " + status + " instead of " + expected + ": " + last.prettify());
            }
            sleep(200);
        }
        fail("Upload " + uploadId + " did not reach " + expected + " within " + PATIENCE + "; last: "
                + (last == null ? "none" : last.prettify()));
        return last;
    }

    /**
     * Gives a dataset what its first publication needs (catalog refuses it otherwise): a readable title and a
     * description, only where they are missing, so that a test's own metadata stay as it set them.
     */
    static void describeForFirstPublication(String organization, String dataset) {
        JsonPath current = Auth.with(Auth.staff(organization)).baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}", organization, dataset)
                .then().statusCode(200).extract().jsonPath();
        if (current.getBoolean("approved") || current.get("publishedVersion") != null) {
            return;
        }
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        if (dataset.equals(current.getString("title"))) {
            missing.put("title", "Jeu de données de test " + dataset);
        }
        String description = current.getString("description");
        if (description == null || description.isBlank()) {
            missing.put("description", "Données de test publiées par les tests de bout en bout de Passerelle.");
        }
        if (!missing.isEmpty()) {
            Auth.with(Auth.as("agent@" + organization + ".fr", organization, "contributor"))
                    .baseUri(Stack.CATALOG).contentType("application/json").body(missing)
                    .when().put("/api/v1/datasets/{org}/{dataset}", organization, dataset)
                    .then().statusCode(200);
        }
    }

    /** Approves as a publisher of the organisation, after giving the dataset its first publication's metadata. */
    static JsonPath approve(String organization, String dataset) {
        describeForFirstPublication(organization, dataset);
        // The journal names the token's subject: a publisher of the organisation approves.
        return Auth.with(Auth.as("publieur@" + organization + ".fr", organization, "publisher"))
                .baseUri(Stack.CATALOG).contentType("application/json").body("{}")
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", organization, dataset)
                .then().statusCode(200).extract().jsonPath();
    }

    static Response latestCsv(String organization, String dataset) {
        return given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/latest.csv", organization, dataset);
    }

    /** Waits until the dataset's (first) remote target has handled {@code version}, and returns it. */
    static Map<String, Object> awaitRemoteTarget(String organization, String dataset, int version) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> all = given().baseUri(Stack.PUBLISH)
                    .when().get("/api/v1/targets/{org}/{dataset}", organization, dataset)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            last = all.isEmpty() ? null : all.get(0);
            if (last != null && Integer.valueOf(version).equals(last.get("lastVersion"))) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("Target not updated for version " + version + ": " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
