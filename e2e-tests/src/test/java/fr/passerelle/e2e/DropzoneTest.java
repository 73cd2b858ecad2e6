package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.passerelle.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic republication: a file dropped in the dropzone bucket (seen by the reconciler, as with
 * S3Proxy which sends no notifications, or by a MinIO bucket notification on Kafka) or pulled from
 * an export URL is validated and, the dataset being approved, published as a new version.
 */
class DropzoneTest {

    private static final String ORG = "communaute-test";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final Duration DROP_PATIENCE = Duration.ofSeconds(20);

    private String dataset;
    private List<List<String>> example;

    /** A dataset created by a first REST upload (which names its schema) and approved. */
    @BeforeEach
    void publishedDataset() {
        dataset = Pipeline.freshDataset("depot");
        example = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(example));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(first, "PUBLISHED");
    }

    @Test
    void aDroppedFileIsPublishedAsANewVersionAndTheSameBytesAgainAreNot() {
        List<List<String>> nightly = withExtraRow("STSI02");
        byte[] content = Csv.asFrenchExcelExport(nightly);
        long start = System.nanoTime();
        S3.put("dropzone", ORG + "/" + dataset + "/export-nuit.csv", content);

        awaitLatestVersion(2);
        System.out.printf("drop → published in %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertEquals(Csv.trimmed(nightly), Csv.rows(Pipeline.latestCsv(ORG, dataset).asByteArray()));
        Map<String, Object> drop = awaitDrop(d -> "INGESTED".equals(d.get("outcome")));
        assertEquals("reconciler", drop.get("detectedBy"), "S3Proxy sends no notification: the reconciler found it");
        assertEquals("PUBLISHED", drop.get("uploadStatus"));
        assertFalse(S3.exists("dropzone", ORG + "/" + dataset + "/export-nuit.csv"), "a handled drop leaves the dropzone");

        S3.put("dropzone", ORG + "/" + dataset + "/export-nuit-bis.csv", content);
        Map<String, Object> duplicate = awaitDrop(d -> "DUPLICATE".equals(d.get("outcome")));
        assertEquals(ORG + "/" + dataset + "/export-nuit-bis.csv", duplicate.get("key"));
        assertEquals(2, versions().size(), "the same bytes make no new version");
    }

    @Test
    void anInvalidDropDoesNotReplaceThePublishedVersionAndIsShownOnTheDataset() {
        S3.put("dropzone", ORG + "/" + dataset + "/casse.csv",
                "id_local;capacite\nA1;beaucoup\n".getBytes(StandardCharsets.ISO_8859_1));

        Map<String, Object> drop = awaitDrop(d -> "INGESTED".equals(d.get("outcome"))
                && "REJECTED".equals(d.get("uploadStatus")));
        JsonPath catalogView = awaitDataset(view -> view.get("lastFailedAttempt") != null);
        assertEquals(drop.get("uploadId"), catalogView.getString("lastFailedAttempt.uploadId"));
        assertTrue(catalogView.getString("lastFailedAttempt.summary").contains("n'est pas conforme"));
        given().when().get(catalogView.getString("lastFailedAttempt.reportUrl")).then().statusCode(200);
        assertEquals(1, catalogView.getInt("publishedVersion"));
        assertEquals("1", Pipeline.latestCsv(ORG, dataset).header("X-Passerelle-Version"),
                "the previous version is still served");
    }

    @Test
    void aMinioBucketNotificationOnKafkaIsProcessed() {
        List<List<String>> content = withExtraRow("NOTIF1");
        String key = ORG + "/" + dataset + "/export du soir.csv";
        byte[] bytes = Csv.asFrenchExcelExport(content);
        Kafka.warmUp(Topics.DROPS);
        S3.put("dropzone", key, bytes);
        // Sent at once: the reconciler leaves objects younger than its grace period to notifications.
        Kafka.send(new ProducerRecord<>(Topics.DROPS, "dropzone/" + key, minioEvent("dropzone", key, bytes)));

        Map<String, Object> drop = awaitDrop(d -> "INGESTED".equals(d.get("outcome")));
        assertEquals("notification", drop.get("detectedBy"));
        assertEquals(key, drop.get("key"));
        awaitLatestVersion(2);
    }

    @Test
    void dropsThatCannotBeAttributedAreMovedAsideWithAReason() {
        String unknown = "organisation-inconnue/" + Pipeline.freshDataset("x") + "/fichier.csv";
        String misplaced = "Fichier Mal Place " + dataset + ".csv";
        S3.put("dropzone", unknown, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        S3.put("dropzone", misplaced, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

        for (String key : List.of(unknown, misplaced)) {
            String note = awaitObject("dropzone", "rejected/" + key + ".motif.txt");
            assertTrue(S3.exists("dropzone", "rejected/" + key), "the file is kept aside: " + key);
            assertFalse(S3.exists("dropzone", key), "and no longer waits in the dropzone: " + key);
            assertFalse(note.isBlank());
        }
        assertTrue(awaitObject("dropzone", "rejected/" + unknown + ".motif.txt").contains("est inconnu"));
        assertTrue(awaitObject("dropzone", "rejected/" + misplaced + ".motif.txt")
                .contains("organisation/jeu-de-donnees/fichier"));
    }

    @Test
    void anExportUrlIsPulledAndOnlyNewContentMakesAVersion() throws Exception {
        AtomicReference<byte[]> served = new AtomicReference<>(Csv.asFrenchExcelExport(withExtraRow("PULL01")));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/export/velos.csv", exchange -> {
            byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/export/velos.csv";
            given().baseUri(Stack.INGEST).contentType("application/json")
                    .body("{\"url\":\"" + url + "\",\"intervalMinutes\":1440}")
                    .when().put("/api/v1/organizations/{org}/datasets/{dataset}/source", ORG, dataset)
                    .then().statusCode(200);

            JsonPath first = pullNow();
            assertEquals("INGESTED", first.getString("lastOutcome"), first.prettify());
            awaitLatestVersion(2);

            assertEquals("DUPLICATE", pullNow().getString("lastOutcome"));
            assertEquals(2, versions().size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anExportUrlMustBeHttp() {
        given().baseUri(Stack.INGEST).contentType("application/json").body("{\"url\":\"file:///etc/passwd\"}")
                .when().put("/api/v1/organizations/{org}/datasets/{dataset}/source", ORG, dataset)
                .then().statusCode(400);
    }

    private JsonPath pullNow() {
        return given().baseUri(Stack.INGEST)
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/source/pull", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<List<String>> withExtraRow(String idLocal) {
        List<List<String>> rows = new ArrayList<>(example);
        List<String> row = new ArrayList<>(example.get(1));
        row.set(example.get(0).indexOf("id_local"), idLocal);
        rows.add(row);
        return rows;
    }

    private List<Object> versions() {
        return given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}/versions", ORG, dataset)
                .then().statusCode(200).extract().jsonPath().getList("version");
    }

    private void awaitLatestVersion(int version) {
        long deadline = System.nanoTime() + DROP_PATIENCE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = Pipeline.latestCsv(ORG, dataset).header("X-Passerelle-Version");
            if (String.valueOf(version).equals(last)) {
                return;
            }
            Pipeline.sleep(100);
        }
        throw new AssertionError("Version " + version + " not published within " + DROP_PATIENCE + " (last: " + last
                + "); drops: " + drops());
    }

    private List<Map<String, Object>> drops() {
        return given().baseUri(Stack.INGEST).when().get("/api/v1/organizations/{org}/datasets/{dataset}/drops", ORG, dataset)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private Map<String, Object> awaitDrop(Predicate<Map<String, Object>> wanted) {
        long deadline = System.nanoTime() + DROP_PATIENCE.toNanos();
        List<Map<String, Object>> last = List.of();
        while (System.nanoTime() < deadline) {
            last = drops();
            for (Map<String, Object> drop : last) {
                if (wanted.test(drop)) {
                    return drop;
                }
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError("No such drop within " + DROP_PATIENCE + ": " + last);
    }

    private JsonPath awaitDataset(Predicate<Map<String, Object>> wanted) {
        long deadline = System.nanoTime() + DROP_PATIENCE.toNanos();
        JsonPath view = null;
        while (System.nanoTime() < deadline) {
            view = given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}", ORG, dataset)
                    .then().statusCode(200).extract().jsonPath();
            if (wanted.test(view.getMap("$"))) {
                return view;
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError("Dataset not as expected within " + DROP_PATIENCE + ": " + view.prettify());
    }

    private static String awaitObject(String bucket, String key) {
        long deadline = System.nanoTime() + DROP_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (S3.exists(bucket, key)) {
                return new String(S3.get(bucket, key), StandardCharsets.UTF_8);
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError(bucket + "/" + key + " did not appear within " + DROP_PATIENCE);
    }

    /** The S3 event structure MinIO sends to Kafka for a PUT (keys URL-encoded, as MinIO does). */
    static String minioEvent(String bucket, String key, byte[] content) {
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
        return """
                {"EventName":"s3:ObjectCreated:Put","Key":"%s/%s","Records":[{"eventVersion":"2.0",
                "eventSource":"minio:s3","awsRegion":"","eventTime":"2026-11-23T10:00:00.000Z",
                "eventName":"s3:ObjectCreated:Put","userIdentity":{"principalId":"passerelle"},
                "requestParameters":{"sourceIPAddress":"127.0.0.1"},"responseElements":{},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"Config",
                "bucket":{"name":"%s","ownerIdentity":{"principalId":"passerelle"},"arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":%d,"eTag":"%s","contentType":"text/csv","sequencer":"1"}}}]}
                """.formatted(bucket, key, bucket, bucket, encodedKey, content.length, md5(content));
    }

    private static String md5(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
