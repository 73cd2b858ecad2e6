package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Nothing doubled, nothing blocked: a redelivered event is a no-op, a poison message goes to the
 * dead-letter topic and the messages behind it on the same partition still flow.
 */
class DeliveryGuaranteesTest {

    private static final String ORG = "metropole-test";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockItsPartition() throws Exception {
        String dataset = Pipeline.freshDataset("poison");
        String key = ORG + "/" + dataset;
        String marker = UUID.randomUUID().toString();
        var poison = new ProducerRecord<String, String>(Topics.UPLOAD_RECEIVED, key, "{pas du json " + marker);
        poison.headers().add(CloudEventHeaders.ID, marker.getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.TYPE, EventType.UPLOAD_RECEIVED.ceType().getBytes(StandardCharsets.UTF_8));
        Kafka.send(poison);

        // Same key, so same partition, sent after the poison message: it must still be processed.
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                java.nio.file.Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv")));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");

        ConsumerRecord<String, String> dead = Kafka.await(Topics.deadLetterOf(Topics.UPLOAD_RECEIVED),
                record -> record.value() != null && record.value().contains(marker));
        assertEquals(key, dead.key());
        String reason = Kafka.header(dead, "dead-letter-reason");
        assertNotNull(reason, "the dead letter says why");
    }

    @Test
    void aRedeliveredEventIsProcessedOnlyOnce() throws Exception {
        String dataset = Pipeline.freshDataset("doublon");
        byte[] content = java.nio.file.Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv"));
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", content);
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");

        ConsumerRecord<String, String> received = Kafka.await(Topics.UPLOAD_RECEIVED,
                record -> ("uploads/" + first).equals(Kafka.header(record, CloudEventHeaders.SUBJECT)));
        var again = new ProducerRecord<>(received.topic(), received.key(), received.value());
        received.headers().forEach(header -> again.headers().add(header));
        Kafka.send(again);

        // A later upload of the same dataset goes to the same partition, behind the duplicate: once
        // it is through, the duplicate has been consumed too.
        String second = Pipeline.accepted(ORG, dataset, null, "velos.csv", content);
        JsonPath secondStatus = Pipeline.awaitStatus(second, "AWAITING_APPROVAL");

        List<ConsumerRecord<String, String>> checks = Kafka.readAll(Topics.QUALITY_CHECKED,
                record -> ("uploads/" + first).equals(Kafka.header(record, CloudEventHeaders.SUBJECT)));
        assertEquals(1, checks.size(), "one quality verdict for one upload, whatever the redeliveries");
        assertEquals(2, secondStatus.getInt("version"), "the duplicate did not create a version");
        assertTrue(Kafka.readAll(Topics.deadLetterOf(Topics.UPLOAD_RECEIVED),
                record -> record.value() != null && record.value().contains(first)).isEmpty(),
                "a duplicate is not an error");
    }

    @Test
    void everyEventIsABinaryModeCloudEventKeyedByDataset() throws Exception {
        String dataset = Pipeline.freshDataset("ce");
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                java.nio.file.Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv")));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");

        for (String topic : List.of(Topics.UPLOAD_RECEIVED, Topics.QUALITY_CHECKED, Topics.VERSION_RECORDED)) {
            ConsumerRecord<String, String> record = Kafka.await(topic,
                    r -> ("uploads/" + upload).equals(Kafka.header(r, CloudEventHeaders.SUBJECT)));
            assertEquals(ORG + "/" + dataset, record.key(), topic);
            assertEquals("1.0", Kafka.header(record, CloudEventHeaders.SPEC_VERSION), topic);
            assertEquals(EventType.fromCeType(Kafka.header(record, CloudEventHeaders.TYPE)).orElseThrow().topic(),
                    topic);
            assertNotNull(Kafka.header(record, CloudEventHeaders.ID), topic);
            assertTrue(Kafka.header(record, CloudEventHeaders.SOURCE).startsWith("/passerelle/"), topic);
            assertTrue(record.value().contains(upload), "the payload is JSON about the upload: " + topic);
        }
    }

    @Test
    void anUploadSentAgainWithItsIdempotencyKeyIsTheSameUpload() throws Exception {
        String dataset = Pipeline.freshDataset("renvoi");
        byte[] content = java.nio.file.Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv"));
        String key = UUID.randomUUID().toString();

        var first = Pipeline.upload(Stack.INGEST, ORG, dataset, SCHEMA, "velos.csv", content, key);
        // The client lost the answer and sends the same request again.
        var again = Pipeline.upload(Stack.INGEST, ORG, dataset, SCHEMA, "velos.csv", content, key);

        assertEquals(202, first.statusCode(), first.asString());
        assertEquals(202, again.statusCode(), again.asString());
        String upload = first.jsonPath().getString("uploadId");
        assertEquals(upload, again.jsonPath().getString("uploadId"));
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        try (var connection = java.sql.DriverManager.getConnection(Stack.JDBC, "ingest",
                Stack.secret("PASSERELLE_DB_PASSWORD_INGEST"));
             var count = connection.prepareStatement("SELECT count(*) FROM upload WHERE organization = ?"
                     + " AND dataset = ?")) {
            count.setString(1, ORG);
            count.setString(2, dataset);
            try (var rows = count.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getLong(1), "one upload for the two requests");
            }
        }

        // The same key for other bytes: refused, in French, as JSON.
        var reused = Pipeline.upload(Stack.INGEST, ORG, dataset, SCHEMA, "velos.csv",
                (new String(content, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8), key);
        assertEquals(422, reused.statusCode(), reused.asString());
        assertEquals("idempotency-key-reused", reused.jsonPath().getString("code"));
        assertTrue(reused.jsonPath().getString("message").contains(upload), reused.asString());
    }
}
