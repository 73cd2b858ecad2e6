package fr.passerelle.ingest.dropzone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.MalformedEventException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an S3 event notification (the JSON MinIO sends to Kafka, in the AWS S3 event structure)
 * into the objects it reports as created.
 */
final class BucketNotification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketNotification() {
    }

    static List<DetectedObject> createdObjects(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("Not an S3 event notification: " + e.getMessage());
        }
        if (root == null || !root.path("Records").isArray()) {
            throw new MalformedEventException("S3 event notification without Records");
        }
        List<DetectedObject> created = new ArrayList<>();
        for (JsonNode record : root.get("Records")) {
            if (!record.path("eventName").asText().startsWith("s3:ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = s3.path("object").path("key").asText(null);
            if (bucket == null || key == null) {
                throw new MalformedEventException("S3 event record without bucket or key");
            }
            // Keys are URL-encoded in S3 notifications (a space arrives as '+').
            created.add(new DetectedObject(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8),
                    s3.path("object").path("eTag").asText("").replace("\"", ""),
                    s3.path("object").path("size").asLong(0), "notification"));
        }
        return created;
    }
}
