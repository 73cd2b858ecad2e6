package fr.passerelle.e2e;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.Topics;
import fr.passerelle.contracts.UploadReceived;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A poison message that can be cured: an upload.received CloudEvent whose raw file is not in S3
 * yet, so the quality service fails on it and dead-letters it; {@link #putTheFile()} removes the
 * cause, after which a replay succeeds.
 */
record MissingFileUpload(String eventId, String rawKey, byte[] content, UploadReceived event) {

    private static final String SCHEMA = "stationnement-cyclable";

    static MissingFileUpload send(String organization, String dataset) throws IOException {
        String uploadId = UUID.randomUUID().toString();
        String rawKey = organization + "/" + dataset + "/" + uploadId + "/velos.csv";
        byte[] content = Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv"));
        var event = new UploadReceived(uploadId, organization, dataset, SCHEMA, "velos.csv", "upload",
                new ObjectRef("raw", rawKey, null, content.length), Instant.now());
        String eventId = UUID.randomUUID().toString();
        var record = new ProducerRecord<>(Topics.UPLOAD_RECEIVED, event.key(), EventJson.write(event));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventType.UPLOAD_RECEIVED.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT, event.subject().getBytes(StandardCharsets.UTF_8));
        Kafka.send(record);
        return new MissingFileUpload(eventId, rawKey, content, event);
    }

    void putTheFile() {
        S3.put("raw", rawKey, content);
    }
}
