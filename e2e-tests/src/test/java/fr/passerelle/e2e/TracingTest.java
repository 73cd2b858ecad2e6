package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One upload is one trace: the trace id its status shows is in the W3C traceparent header of every
 * event it causes, in all four services, including the publication an approval triggers later.
 */
class TracingTest {

    private static final String ORG = "traces";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final List<String> TOPICS = List.of(Topics.UPLOAD_RECEIVED, Topics.QUALITY_CHECKED,
            Topics.VERSION_RECORDED, Topics.PUBLICATION_REQUESTED, Topics.PUBLICATION_COMPLETED);

    @Test
    void everyEventOfAnUploadCarriesTheTraceIdItsStatusShows() {
        String dataset = Pipeline.freshDataset("trace");
        byte[] content = Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", content);
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset); // a later request, with a trace of its own
        JsonPath status = Pipeline.awaitStatus(first, "PUBLISHED");

        String traceId = status.getString("traceId");
        assertNotNull(traceId, "the upload status shows its trace id");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        for (String topic : TOPICS) {
            ConsumerRecord<String, String> event = Kafka.await(topic,
                    r -> ("uploads/" + first).equals(Kafka.header(r, CloudEventHeaders.SUBJECT)));
            String traceparent = Kafka.header(event, "traceparent");
            assertNotNull(traceparent, topic + " carries a traceparent");
            assertEquals(traceId, traceparent.split("-")[1], topic + " is in the upload's trace");
        }

        List<Map<String, Object>> stages = status.getList("stages");
        assertTrue(stages.size() >= 4, "received, checked, recorded, published: " + stages);
        long total = stages.stream().mapToLong(stage -> ((Number) stage.get("durationMs")).longValue()).sum();
        assertTrue(total > 0, "the time spent per stage is shown: " + stages);
    }
}
