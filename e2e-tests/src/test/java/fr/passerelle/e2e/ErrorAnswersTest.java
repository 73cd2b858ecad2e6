package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every unexpected error of the services, and every refusal of their HTTP layer (404, 405, 415,
 * unreadable JSON, a form field or body too large, a body longer than its length), answers the house's
 * French JSON with an {@code errorId} that is in the service's log: never an HTML page, an empty body
 * or a stack trace.
 */
class ErrorAnswersTest {

    private static final Map<String, String> SERVICES = Map.of(Stack.INGEST, "ingest", Stack.QUALITY, "quality",
            Stack.CATALOG, "catalog", Stack.PUBLISH, "publish", Stack.NOTIFICATION, "notification");

    @Test
    void anInternalErrorIsFrenchJsonWithAnIdThatIsInTheLog() throws Exception {
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            // The probe exists only under passerelle.diagnostics.internal-error-probe=true, which the local stack sets.
            Response response = given().baseUri(service.getKey()).accept("text/html")
                    .when().get("/api/v1/diagnostics/internal-error");

            String id = assertHouseError(response, 500, "internal-error", service.getValue());
            assertTrue(response.jsonPath().getString("message").contains("Une erreur interne"), response.asString());
            assertFalse(response.asString().contains("IllegalStateException"), "no stack trace: " + response.asString());
            assertTrue(logLine(service.getValue(), id).contains("IllegalStateException"),
                    "the log has the cause under the id");
        }
    }

    @Test
    void theHttpLayersOwnRefusalsAreFrenchJsonToo() throws Exception {
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            assertHouseError(given().baseUri(service.getKey()).accept("text/html").when().get("/api/v1/rien-ici"),
                    404, "not-found", service.getValue());
            assertHouseError(given().baseUri(service.getKey()).accept("text/html").when().get("/rien/du/tout.html"),
                    404, "not-found", service.getValue());
            assertHouseError(given().baseUri(service.getKey()).when().delete("/api/v1/diagnostics/internal-error"),
                    405, "method-not-allowed", service.getValue());
        }
        String dataset = Pipeline.freshDataset("erreurs");
        Map<String, String> jsonEndpoints = Map.of(
                Stack.INGEST, "/api/v1/organizations/ville/datasets/" + dataset + "/source",
                Stack.CATALOG, "/api/v1/datasets/ville/" + dataset,
                Stack.PUBLISH, "/api/v1/targets/ville/" + dataset + "/udata");
        for (Map.Entry<String, String> endpoint : jsonEndpoints.entrySet()) {
            String name = SERVICES.get(endpoint.getKey());
            assertHouseError(Auth.with(Auth.staff("ville")).baseUri(endpoint.getKey()).contentType("text/plain")
                    .body("url=x").when().put(endpoint.getValue()), 415, "unsupported-media-type", name);
            assertHouseError(Auth.with(Auth.staff("ville")).baseUri(endpoint.getKey()).contentType("application/json")
                    .body("{\"apiUrl\": ").when().put(endpoint.getValue()), 400, "invalid-json", name);
            assertHouseError(Auth.with(Auth.staff("ville")).baseUri(endpoint.getKey()).contentType("application/json")
                    .body("[1, 2]").when().put(endpoint.getValue()), 400, "invalid-json", name);
        }
    }

    @Test
    void aLongSchemaFieldIsAFrenchRefusalNotAnEmpty413() throws Exception {
        Response response = Pipeline.upload("ville", Pipeline.freshDataset("long"), "s".repeat(5_000), "a.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

        assertHouseError(response, response.statusCode() == 413 ? 413 : 400,
                response.statusCode() == 413 ? "request-too-large" : "invalid-slug", "ingest");
    }

    @Test
    void aMultipartBodyLongerThanItsContentLengthIsAFrenchRefusalInTheLog() throws Exception {
        URI ingest = URI.create(Stack.INGEST);
        String boundary = "passerelle-e2e";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "a,b\n1,2\n".repeat(200) + "\r\n--" + boundary + "--\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int declared = bytes.length / 2;
        String head = "POST /api/v1/organizations/ville/datasets/" + Pipeline.freshDataset("long") + "/uploads HTTP/1.1\r\n"
                + "Host: " + ingest.getHost() + ":" + ingest.getPort() + "\r\n"
                + "Authorization: Bearer " + Auth.staff("ville") + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + declared + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(ingest.getHost(), ingest.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            answer = readAnswer(socket.getInputStream());
        }

        String statusLine = answer.substring(0, answer.indexOf("\r\n"));
        assertTrue(statusLine.matches("HTTP/1.1 (400|413|500) .*"), answer);
        String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertTrue(headers.contains("content-type: application/json"), answer);
        Matcher id = Pattern.compile("\"errorId\":\"([0-9a-f-]{36})\"").matcher(answer);
        assertTrue(id.find(), "an error id: " + answer);
        assertTrue(answer.contains("\"message\":\""), answer);
        assertFalse(answer.contains("\"stack\""), answer);
        logLine("ingest", id.group(1));
    }

    /** The answer's error id, after checking it is the house's JSON error with a French message. */
    static String assertHouseError(Response response, int status, String code, String service) throws Exception {
        assertEquals(status, response.statusCode(), service + ": " + response.asString());
        assertTrue(response.contentType().startsWith("application/json"), service + ": " + response.contentType()
                + " " + response.asString());
        assertEquals(code, response.jsonPath().getString("code"), service + ": " + response.asString());
        String message = response.jsonPath().getString("message");
        assertTrue(message != null && !message.isBlank() && !message.contains("Exception"), message);
        assertFalse(response.asString().contains("<html"), response.asString());
        String id = response.jsonPath().getString("errorId");
        assertTrue(id != null && id.matches("[0-9a-f-]{36}"), service + ": no error id in " + response.asString());
        logLine(service, id);
        return id;
    }

    /** The line of {@code .passerelle/logs/<service>.log} naming {@code id}, waiting a little for it. */
    static String logLine(String service, String id) throws Exception {
        Path log = Stack.home().resolve("logs").resolve(service + ".log");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            if (Files.exists(log)) {
                // The whole log may be large: read it as bytes, lenient on encoding.
                String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                int at = text.indexOf(id);
                if (at >= 0) {
                    // The line and what follows it: an ERROR's stack trace comes on the next lines.
                    return text.substring(text.lastIndexOf('\n', at) + 1, Math.min(text.length(), at + 3_000));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("error id " + id + " is not in " + log);
            }
            Thread.sleep(200);
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        return new String(all, StandardCharsets.UTF_8);
    }
}
