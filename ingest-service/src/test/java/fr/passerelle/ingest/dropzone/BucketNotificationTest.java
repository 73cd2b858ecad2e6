package fr.passerelle.ingest.dropzone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.MalformedEventException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketNotificationTest {

    private static String event(String eventName, String key) {
        return """
                {"EventName":"%s","Key":"dropzone/x","Records":[{"eventVersion":"2.0","eventSource":"minio:s3",
                "eventName":"%s","s3":{"bucket":{"name":"dropzone"},
                "object":{"key":"%s","size":42,"eTag":"\\"d41d8cd98f00b204e9800998ecf8427e\\""}}}]}
                """.formatted(eventName, eventName, key);
    }

    @Test
    void readsTheCreatedObjectWithItsDecodedKey() {
        List<DetectedObject> created = BucketNotification.createdObjects(
                event("s3:ObjectCreated:Put", "grenoble%2Fvelos%2Fexport+du+soir%C3%A9.csv"));
        assertEquals(List.of(new DetectedObject("dropzone", "grenoble/velos/export du soiré.csv",
                "d41d8cd98f00b204e9800998ecf8427e", 42, "notification")), created);
    }

    @Test
    void multipartCompletionsCountAsCreationsButDeletionsDoNot() {
        assertEquals(1, BucketNotification.createdObjects(
                event("s3:ObjectCreated:CompleteMultipartUpload", "a%2Fb%2Fc.csv")).size());
        assertTrue(BucketNotification.createdObjects(event("s3:ObjectRemoved:Delete", "a%2Fb%2Fc.csv")).isEmpty());
    }

    @Test
    void anythingElseIsAMalformedMessage() {
        assertThrows(MalformedEventException.class, () -> BucketNotification.createdObjects("pas du json"));
        assertThrows(MalformedEventException.class, () -> BucketNotification.createdObjects("{}"));
        assertThrows(MalformedEventException.class, () -> BucketNotification.createdObjects(null));
        assertThrows(MalformedEventException.class, () -> BucketNotification.createdObjects(
                "{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{}}]}"));
    }
}
