package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's webhooks on the real stack: an organisation's admin registers a receiver (on 127.0.0.1, the local stack's
 * allowed host), an upload goes through the pipeline, and the receiver gets each outcome once, as a signed CloudEvent
 * in structured mode, verified here as the README tells a receiver to.
 */
class WebhooksTest {

    private static final String NOTIFICATION = System.getProperty("passerelle.notification.url", "http://127.0.0.1:8086");
    private static final String ORG = "hook-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String SCHEMA = "stationnement-cyclable";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String id, String timestamp, String signature, String contentType, String body) {
    }

    @Test
    void theOrganisationsReceiverGetsEachOutcomeOnceAsASignedCloudEvent() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String admin = Auth.as("admin@" + ORG + ".fr", ORG, "admin");
            Response created = Auth.with(admin).baseUri(NOTIFICATION).contentType("application/json")
                    .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                    .when().post("/api/v1/organizations/{org}/webhooks", ORG);
            assertEquals(201, created.statusCode(), created.asString());
            String secret = created.jsonPath().getString("secret");
            String webhook = created.jsonPath().getString("id");

            String dataset = Pipeline.freshDataset("arceaux");
            String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "arceaux.csv",
                    Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
            Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");

            List<String> expected = List.of("fr.passerelle.quality.checked.v1", "fr.passerelle.version.recorded.v1");
            Instant deadline = Instant.now().plus(Pipeline.PATIENCE);
            while (!types(received).containsAll(expected) && Instant.now().isBefore(deadline)) {
                Pipeline.sleep(200);
            }
            assertTrue(types(received).containsAll(expected), "the receiver got " + types(received));
            // Time for a redelivery or a second send to show.
            Pipeline.sleep(3000);

            Map<String, Long> perEvent = received.stream().collect(Collectors.groupingBy(r -> event(r).get("id").asText(),
                    Collectors.counting()));
            assertTrue(perEvent.values().stream().allMatch(count -> count == 1), "each event once: " + perEvent);
            for (Received request : received) {
                assertEquals("application/cloudevents+json; charset=utf-8", request.contentType());
                assertTrue(verifies(secret, request), "the signature verifies: " + request.signature());
                JsonNode event = event(request);
                assertEquals("1.0", event.get("specversion").asText());
                assertEquals(dataset, event.get("data").get("dataset").asText(), request.body());
                assertEquals(upload, event.get("data").get("uploadId").asText(), request.body());
            }

            Response log = Auth.with(admin).baseUri(NOTIFICATION)
                    .when().get("/api/v1/organizations/{org}/webhooks/{id}/deliveries", ORG, webhook);
            assertEquals(200, log.statusCode(), log.asString());
            assertEquals(received.size(), log.jsonPath().getList("findAll { it.status == 'DELIVERED' }").size(),
                    log.asString());
        } finally {
            receiver.stop(0);
        }
    }

    private static List<String> types(List<Received> received) {
        return received.stream().map(r -> event(r).get("type").asText()).toList();
    }

    private static JsonNode event(Received request) {
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    /** The README's verification, as a receiver writes it. */
    private static boolean verifies(String secret, Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : request.signature().split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
}
