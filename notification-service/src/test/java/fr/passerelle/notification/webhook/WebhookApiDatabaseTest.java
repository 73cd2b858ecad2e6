package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The webhooks' HTTP API as the staff app calls it, with signed tokens: the secret shown once, the French refusals,
 * the admin role and the organisation scope.
 */
@QuarkusTest
@QuarkusTestResource(SignedTokens.class)
@Tag("database")
class WebhookApiDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = SignedTokens.token("admin@" + org + ".fr", org, List.of("admin"));

    /** This test's webhooks go with their deliveries: a later run's sender pass must not find them due. */
    @AfterEach
    void clean() throws SQLException {
        try (Connection connection = jdbc.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook WHERE organization = ?")) {
            delete.setString(1, org);
            delete.executeUpdate();
        }
    }

    @Test
    void anAdminCreatesAWebhookAndSeesItsSecretOnlyOnce() throws Exception {
        HttpResponse<String> created = call("POST", "", admin, "{\"url\":\"http://127.0.0.1:9/hook\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode webhook = JSON.readTree(created.body());
        assertTrue(webhook.get("secret").asText().startsWith("whsec_"));
        assertEquals("http://127.0.0.1:9/hook", webhook.get("url").asText());
        String id = webhook.get("id").asText();

        HttpResponse<String> listed = call("GET", "", admin, null);
        assertEquals(200, listed.statusCode());
        JsonNode list = JSON.readTree(listed.body());
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        assertTrue(list.get(0).get("enabled").asBoolean());
        assertEquals(0, list.get(0).get("consecutiveFailures").asInt());
        assertFalse(listed.body().contains("whsec_") || listed.body().contains("secret"), listed.body());

        HttpResponse<String> rotated = call("POST", "/" + id + "/secret", admin, null);
        assertEquals(200, rotated.statusCode());
        String secret = JSON.readTree(rotated.body()).get("secret").asText();
        assertTrue(secret.startsWith("whsec_"));
        assertFalse(secret.equals(webhook.get("secret").asText()));

        HttpResponse<String> test = call("POST", "/" + id + "/test", admin, null);
        assertEquals(202, test.statusCode());
        HttpResponse<String> log = call("GET", "/" + id + "/deliveries", admin, null);
        assertEquals(200, log.statusCode());
        JsonNode entry = JSON.readTree(log.body()).get(0);
        assertEquals(WebhookEvents.TEST_TYPE, entry.get("eventType").asText());
        assertEquals("PENDING", entry.get("status").asText());

        assertEquals(200, call("POST", "/" + id + "/enable", admin, null).statusCode());
        assertEquals(204, call("DELETE", "/" + id, admin, null).statusCode());
        HttpResponse<String> gone = call("GET", "/" + id + "/deliveries", admin, null);
        assertEquals(404, gone.statusCode());
        JsonNode error = JSON.readTree(gone.body());
        assertEquals("unknown-webhook", error.get("code").asText());
        assertTrue(error.get("errorId").asText().matches("[0-9a-f-]{36}"), gone.body());
    }

    @Test
    void aPrivateAddressIsRefusedWithAFrenchReason() throws Exception {
        HttpResponse<String> refused = call("POST", "", admin, "{\"url\":\"https://192.168.1.10/hook\"}");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("webhook-url-refused"), refused.body());
        assertTrue(refused.body().contains("réseau privé"), refused.body());
        HttpResponse<String> plain = call("POST", "", admin, "{\"url\":\"http://203.0.113.10/hook\"}");
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().contains("https://"), plain.body());
    }

    @Test
    void onlyTheOrganisationsAdminsMayManageItsWebhooks() throws Exception {
        String contributor = SignedTokens.token("c@" + org + ".fr", org, List.of("contributor", "publisher"));
        String otherAdmin = SignedTokens.token("admin@autre.fr", org + "-autre", List.of("admin"));
        assertEquals(403, call("GET", "", contributor, null).statusCode());
        assertEquals(403, call("GET", "", otherAdmin, null).statusCode());
        assertEquals(403, call("POST", "", otherAdmin, "{\"url\":\"http://127.0.0.1:9/hook\"}").statusCode());
        assertEquals(401, call("GET", "", null, null).statusCode());
        assertEquals(404, call("POST", "/not-an-id/enable", admin, null).statusCode());
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                        + "/api/v1/organizations/" + org + "/webhooks" + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
