package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * No upload without an outcome, on the real stack: a service that gives up on an upload's event (dead
 * letter) leaves the upload FAILED with a French reason and the dead letter's id; once the cause is
 * fixed, replaying the dead letter over the ops API moves the same upload on to its real outcome. The
 * same for a drop. The cause is real: the service's PostgreSQL role loses a privilege on its own table
 * (REVOKE through JDBC, as that role), which no retry can wait out, then gets it back (GRANT).
 */
class UploadOutcomeTest {

    private static final String ORG = "issue-treize";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final String NOTHING_TO_DO = "L'équipe d'exploitation a été prévenue ; vous n'avez rien à refaire.";

    @Test
    void aCheckThatDiesFailsTheUploadInFrenchThenItsReplayReachesTheRealOutcome() {
        String dataset = Pipeline.freshDataset("controle");
        byte[] content = Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        String uploadId;
        JsonPath failed;
        // Quality can read the file and check it, but may no longer record its report.
        try (RolePrivilege broken = RolePrivilege.revoke("quality", "INSERT", "quality.report")) {
            uploadId = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", content);
            failed = Pipeline.awaitStatus(uploadId, "FAILED");

            String reason = failed.getString("failureReason");
            assertEquals("Le contrôle n'a pas pu être fait : la base de données a refusé l'opération au service"
                    + " (droits insuffisants). " + NOTHING_TO_DO, reason);
            String deadLetterId = failed.getString("deadLetterId");
            assertNotNull(deadLetterId, "the dead letter is named: " + failed.prettify());
            assertTrue(deadLetterId.startsWith(Topics.deadLetterOf(Topics.UPLOAD_RECEIVED) + ":"), deadLetterId);
            assertTrue(failed.getList("stages.outcome").contains("dead-lettered"), failed.prettify());

            Map<String, Object> letter = pendingLetter(deadLetterId);
            assertEquals(uploadId, letter.get("uploadId"));
            assertEquals(ORG, letter.get("organization"));
            assertEquals("droits-base-de-donnees", letter.get("causeCode"));
            assertEquals("La base de données a refusé l'opération au service (droits insuffisants).",
                    letter.get("explanation"));
            assertNotNull(letter.get("deadAt"));
            assertNotNull(letter.get("reason"), "the technical reason stays beside the French one");

            broken.restore(); // the cause is fixed, then the dead letter replayed
            replay(deadLetterId);
        }
        JsonPath done = Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");
        assertNull(done.get("deadLetterId"), done.prettify());
        assertNull(done.get("failureReason"), done.prettify());
        assertEquals("VALID", done.getString("verdict"));
        List<String> outcomes = done.getList("stages.outcome");
        assertTrue(outcomes.indexOf("dead-lettered") < outcomes.indexOf("replayed"), done.prettify());
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", failed.getString("deadLetterId"))
                .then().statusCode(409);
    }

    @Test
    void aDropThatDiesIsAFailedDropWithAReasonUntilItsReplay() {
        String dataset = Pipeline.freshDataset("depot");
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        // The dataset's first upload, with its schema: drops follow it.
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(rows));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");

        String key = ORG + "/" + dataset + "/export du matin.csv";
        // Other bytes than the first upload's (the same would be a duplicate): one more parking.
        List<List<String>> more = new ArrayList<>(rows);
        List<String> row = new ArrayList<>(rows.get(1));
        row.set(rows.get(0).indexOf("id_local"), "MATIN1");
        more.add(row);
        byte[] bytes = Csv.asFrenchExcelExport(more);
        Map<String, Object> failed;
        // Ingest may read the drop, but no longer record an upload.
        try (RolePrivilege broken = RolePrivilege.revoke("ingest", "INSERT", "ingest.upload")) {
            Kafka.warmUp(Topics.DROPS);
            S3.put("dropzone", key, bytes);
            Kafka.send(new ProducerRecord<>(Topics.DROPS, "dropzone/" + key, DropzoneTest.minioEvent("dropzone", key, bytes)));

            // The reconciler's failed attempts show FAILED too, without a dead letter: wait for the dead letter's.
            failed = awaitDrop(dataset, drop -> "FAILED".equals(drop.get("outcome")) && drop.get("deadLetterId") != null);
            assertEquals("Le fichier déposé n'a pas pu être pris en charge : la base de données a refusé l'opération"
                    + " au service (droits insuffisants). " + NOTHING_TO_DO, failed.get("reason"));
            assertNotNull(failed.get("deadLetterId"), failed.toString());
            assertEquals(key, failed.get("key"));
            assertTrue(S3.exists("dropzone", key), "the file waits in the dropzone for the replay");
        }
        replay((String) failed.get("deadLetterId"));
        Map<String, Object> ingested = awaitDrop(dataset, drop -> "INGESTED".equals(drop.get("outcome")));
        Pipeline.awaitStatus((String) ingested.get("uploadId"), "AWAITING_APPROVAL");
        assertFalse(drops(dataset).stream().anyMatch(drop -> "FAILED".equals(drop.get("outcome"))),
                "the failure was lifted by the replay: " + drops(dataset));
    }

    @Test
    void aDropTheReconcilerCannotTakeShowsWhyAndIsTakenOnceTheCauseIsFixed() {
        String dataset = Pipeline.freshDataset("releve");
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(rows));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        List<List<String>> more = new ArrayList<>(rows);
        List<String> row = new ArrayList<>(rows.get(1));
        row.set(rows.get(0).indexOf("id_local"), "SOIR1");
        more.add(row);
        String key = ORG + "/" + dataset + "/export du soir.csv";
        // No notification (S3Proxy sends none): the reconciler finds the file, and fails on it while the cause lasts.
        try (RolePrivilege broken = RolePrivilege.revoke("ingest", "INSERT", "ingest.upload")) {
            S3.put("dropzone", key, Csv.asFrenchExcelExport(more));
            Map<String, Object> failed = awaitDrop(dataset, drop -> "FAILED".equals(drop.get("outcome")));
            assertEquals("Le fichier déposé n'a pas pu être pris en charge : la base de données a refusé l'opération"
                    + " au service (droits insuffisants). Passerelle réessaie d'elle-même ; vous n'avez rien à refaire.",
                    failed.get("reason"));
            assertNull(failed.get("deadLetterId"), "no dead letter: the reconciler tries again by itself");
        }
        Map<String, Object> ingested = awaitDrop(dataset, drop -> "INGESTED".equals(drop.get("outcome")));
        Pipeline.awaitStatus((String) ingested.get("uploadId"), "AWAITING_APPROVAL");
    }

    private static void replay(String deadLetterId) {
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", deadLetterId)
                .then().statusCode(200);
    }

    private static Map<String, Object> pendingLetter(String id) {
        List<Map<String, Object>> letters = given().baseUri(Stack.INGEST).when().get("/api/v1/ops/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return letters.stream().filter(letter -> id.equals(letter.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("dead letter " + id + " not listed: " + letters));
    }

    private static List<Map<String, Object>> drops(String dataset) {
        return given().baseUri(Stack.INGEST).when()
                .get("/api/v1/organizations/{org}/datasets/{dataset}/drops", ORG, dataset)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> awaitDrop(String dataset, Predicate<Map<String, Object>> wanted) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        List<Map<String, Object>> last = List.of();
        while (System.nanoTime() < deadline) {
            last = drops(dataset);
            for (Map<String, Object> drop : last) {
                if (wanted.test(drop)) {
                    return drop;
                }
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError("No such drop within " + Pipeline.PATIENCE + ": " + last);
    }
}
