package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.Topics;
import fr.passerelle.contracts.UploadReceived;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A message that cannot be processed (its file is missing from S3) goes to the dead-letter topic
 * after bounded retries; once the cause is removed, an operator replays it and it flows.
 */
class DeadLetterReplayTest {

    private static final String ORG = "ops-test";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aDeadLetterIsListedThenReplayedOnceItsCauseIsFixed() throws Exception {
        String dataset = Pipeline.freshDataset("lettre");
        MissingFileUpload poison = MissingFileUpload.send(ORG, dataset); // quality cannot read its file yet
        String eventId = poison.eventId();
        UploadReceived event = poison.event();

        Map<String, Object> dead = awaitDeadLetter(eventId);
        assertEquals(Topics.UPLOAD_RECEIVED, dead.get("originalTopic"));
        assertNotNull(dead.get("reason"), "the dead letter says why: " + dead);
        assertTrue(Kafka.readAll(Topics.QUALITY_CHECKED, r -> event.subject().equals(Kafka.header(r, CloudEventHeaders.SUBJECT)))
                .isEmpty(), "no verdict without the file");

        poison.putTheFile();
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", dead.get("id"))
                .then().statusCode(200);

        ConsumerRecord<String, String> checked = Kafka.await(Topics.QUALITY_CHECKED,
                r -> event.subject().equals(Kafka.header(r, CloudEventHeaders.SUBJECT)));
        assertTrue(checked.value().contains("\"verdict\":\"VALID\""), checked.value());
        assertTrue(pending().stream().noneMatch(letter -> eventId.equals(letter.get("ceId"))),
                "a replayed dead letter leaves the list");
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", dead.get("id"))
                .then().statusCode(409);
        String metrics = given().baseUri(Stack.INGEST).when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("passerelle_dead_letters_replayed_total{topic=\"passerelle.upload.received.v1\"}"),
                "replays are counted");
    }

    @Test
    void anUnknownDeadLetterIdIsRefusedClearly() {
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", "pas-un-id")
                .then().statusCode(400);
        given().baseUri(Stack.INGEST).when()
                .post("/api/v1/ops/dead-letters/{id}/replay", Topics.deadLetterOf(Topics.DROPS) + ":0:999999999")
                .then().statusCode(404);
    }

    private static List<Map<String, Object>> pending() {
        return given().baseUri(Stack.INGEST).queryParam("topic", Topics.UPLOAD_RECEIVED)
                .when().get("/api/v1/ops/dead-letters").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> awaitDeadLetter(String eventId) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> letter : pending()) {
                if (eventId.equals(letter.get("ceId"))) {
                    return letter;
                }
            }
            Pipeline.sleep(500);
        }
        throw new AssertionError("Dead letter " + eventId + " not listed within " + Pipeline.PATIENCE);
    }
}
