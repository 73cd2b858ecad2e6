package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.notification.db.LocalPostgres;
import fr.passerelle.notification.outcome.Outcome;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The webhooks end to end on the local stack's PostgreSQL and a real HTTP receiver on 127.0.0.1 (allowed in the test
 * configuration, with retries at once and two deliveries given up to disable): the deliveries written with an outcome,
 * the sender's passes called by the test, and the rows read back with plain JDBC.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class WebhooksDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookService service;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookSender sender;
    @Inject
    Transactions transactions;
    @Inject
    FromWorker worker;
    @Inject
    AgroalDataSource jdbc;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** An organisation of this run only: the test database is shared by runs. */
    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final Actor admin = new Actor("admin@" + org + ".fr", "127.0.0.1");
    private final Receiver receiver = newReceiver();

    /**
     * The receiver goes, and so do this test's webhooks with their deliveries: one left pending would be sent by a
     * later run's pass to this receiver's port, which another receiver may then hold.
     */
    @AfterEach
    void close() throws SQLException {
        receiver.close();
        update("DELETE FROM webhook WHERE organization = ?", org);
    }

    @Test
    void anEventEnqueuedTwiceIsDeliveredOnceWithASignatureTheReceiverVerifies() throws Exception {
        CreatedWebhook webhook = create(receiver.url());
        Outcome outcome = outcome();
        enqueue(outcome);
        enqueue(outcome); // a redelivered or replayed event
        assertEquals(1, count("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?", webhook.id()));

        sender.pass();
        sender.pass();

        List<Receiver.Received> received = receiver.received();
        assertEquals(1, received.size());
        Receiver.Received request = received.get(0);
        assertEquals("application/cloudevents+json; charset=utf-8", request.contentType());
        assertTrue(StandardWebhooksVerifier.verifies(webhook.secret(), request.id(), request.timestamp(),
                request.body(), request.signature()), "the signature verifies with the secret shown at creation");
        assertFalse(StandardWebhooksVerifier.verifies(create(receiver.url()).secret(), request.id(),
                request.timestamp(), request.body(), request.signature()), "and with no other");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())) < 60);
        JsonNode event = JSON.readTree(request.body());
        assertEquals(outcome.eventId(), event.get("id").asText());
        assertEquals("fr.passerelle.publication.completed.v1", event.get("type").asText());
        assertEquals(3, event.get("data").get("version").asInt());

        Map<String, Object> row = row("SELECT id, status, attempts, last_status_code, delivered_at FROM"
                + " webhook_delivery WHERE webhook_id = ?", webhook.id());
        assertEquals(request.id(), row.get("id").toString(), "webhook-id is the delivery's id");
        assertEquals("DELIVERED", row.get("status"));
        assertEquals(1, row.get("attempts"));
        assertEquals(204, row.get("last_status_code"));
        assertTrue(row.get("delivered_at") != null);

        Webhook listed = worker.await(() -> service.of(org)).stream().filter(w -> w.id().equals(webhook.id()))
                .findFirst().orElseThrow();
        assertEquals("DELIVERED", listed.lastDelivery());
        List<DeliveryLogEntry> log = worker.await(() -> service.deliveries(org, webhook.id()));
        assertEquals(List.of(outcome.eventId()), log.stream().map(DeliveryLogEntry::eventId).toList());
    }

    @Test
    void twoSendersAtOnceSendEachDeliveryOnce() throws Exception {
        CreatedWebhook webhook = create(receiver.url());
        for (int i = 0; i < 6; i++) {
            enqueue(outcome());
        }
        receiver.delay(100);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(sender::pass);
            var second = pool.submit(sender::pass);
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            second.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        List<String> ids = receiver.received().stream().map(Receiver.Received::id).toList();
        assertEquals(6, ids.size());
        assertEquals(6, ids.stream().distinct().count());
        assertEquals(6, count("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ? AND status = 'DELIVERED'"
                + " AND attempts = 1", webhook.id()));
    }

    @Test
    void theSecretIsStoredSealedAndNeverInTheAuditTrail() throws Exception {
        CreatedWebhook webhook = create(receiver.url());
        String key = webhook.secret().substring("whsec_".length());
        String stored = (String) row("SELECT secret FROM webhook WHERE id = ?", webhook.id()).get("secret");
        assertFalse(stored.contains(key));
        NewSecret rotated = worker.await(() -> service.rotate(admin, org, webhook.id()));
        List<String> audit = strings("SELECT payload FROM outbox WHERE payload LIKE ? ORDER BY seq", "%" + org + "%");
        assertEquals(2, audit.size());
        assertTrue(audit.get(0).contains("webhook.created"));
        assertTrue(audit.get(1).contains("webhook.secret.rotated"));
        for (String entry : audit) {
            assertFalse(entry.contains(key) || entry.contains(rotated.secret().substring("whsec_".length())));
        }
    }

    @Test
    void afterARotationEachRequestIsSignedWithTheNewAndThePreviousSecret() throws Exception {
        CreatedWebhook webhook = create(receiver.url());
        NewSecret rotated = worker.await(() -> service.rotate(admin, org, webhook.id()));
        enqueue(outcome());
        sender.pass();

        Receiver.Received request = receiver.received().get(0);
        String[] signatures = request.signature().split(" ");
        assertEquals(2, signatures.length);
        assertTrue(StandardWebhooksVerifier.verifies(rotated.secret(), request.id(), request.timestamp(),
                request.body(), signatures[0]), "the new secret signs first");
        assertTrue(StandardWebhooksVerifier.verifies(webhook.secret(), request.id(), request.timestamp(),
                request.body(), signatures[1]), "the previous one still signs");
    }

    @Test
    void aFailingReceiverIsRetriedThenTheWebhookIsDisabledAndTheAdminsAreTold() throws Exception {
        update("INSERT INTO person (organization, login, email, roles) VALUES (?, ?, ?, 'admin,publisher')",
                org, admin.name(), admin.name());
        receiver.answer(500);
        double failedBefore = failedAttempts();
        CreatedWebhook webhook = create(receiver.url());
        enqueue(outcome());
        enqueue(outcome());

        for (int pass = 0; pass < 3; pass++) { // three attempts each: the first and two retries
            sender.pass();
        }

        List<Receiver.Received> received = receiver.received();
        assertEquals(6, received.size());
        assertEquals(6, failedAttempts() - failedBefore, "each failed attempt is counted");
        Map<String, Long> attemptsById = received.stream()
                .collect(Collectors.groupingBy(Receiver.Received::id, Collectors.counting()));
        assertEquals(Map.of(3L, 2L), attemptsById.values().stream()
                .collect(Collectors.groupingBy(n -> n, Collectors.counting())), "each delivery tried 3 times, same id");
        assertEquals(List.of("FAILED|3|500", "FAILED|3|500"), strings("SELECT status || '|' || attempts || '|'"
                + " || last_status_code FROM webhook_delivery WHERE webhook_id = ?", webhook.id()));

        Map<String, Object> state = row("SELECT enabled, disabled_reason, consecutive_failures FROM webhook"
                + " WHERE id = ?", webhook.id());
        assertEquals(false, state.get("enabled"));
        assertEquals(2, state.get("consecutive_failures"));
        assertTrue(((String) state.get("disabled_reason")).contains("2 envois échoués de suite"));
        Map<String, Object> message = row("SELECT recipient, subject, body_text FROM message WHERE kind ="
                + " 'webhook.disabled' AND organization = ?", org);
        assertEquals(admin.name(), message.get("recipient"));
        assertTrue(((String) message.get("subject")).startsWith("[Passerelle] Webhook désactivé"));
        String text = (String) message.get("body_text");
        assertTrue(text.contains("Le récepteur a répondu 500"), text);
        assertTrue(text.contains("/administration/webhooks"), text);
        List<String> audit = strings("SELECT payload FROM outbox WHERE payload LIKE ? AND payload LIKE ?",
                "%" + org + "%", "%webhook.disabled%");
        assertEquals(1, audit.size(), "the disabling is in the organisation's audit log");
        assertTrue(audit.get(0).contains("envoi des webhooks"), audit.get(0));

        // Disabled: a new event adds nothing, another pass sends nothing and writes no second message.
        enqueue(outcome());
        sender.pass();
        assertEquals(6, receiver.received().size());
        assertEquals(2, count("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?", webhook.id()));
        assertEquals(1, count("SELECT count(*) FROM message WHERE kind = 'webhook.disabled' AND organization = ?",
                org));

        // A ping reaches it even so, once, and does not count; re-enabled, it starts again from no failure.
        receiver.answer(200);
        worker.await(() -> service.test(org, webhook.id()));
        sender.pass();
        assertEquals(7, receiver.received().size());
        Webhook enabled = worker.await(() -> service.enable(admin, org, webhook.id()));
        assertTrue(enabled.enabled());
        assertEquals(0, enabled.consecutiveFailures());
        assertNull(enabled.disabledReason());
    }

    @Test
    void finishedDeliveriesOlderThanTheRetentionAreForgottenPendingOnesStay() throws Exception {
        CreatedWebhook webhook = create(receiver.url());
        for (String status : List.of("DELIVERED", "FAILED", "PENDING")) {
            update("INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, body, status, created_at,"
                    + " next_attempt_at) VALUES (gen_random_uuid(), ?, ?, 'fr.passerelle.test.v1', '{}', ?,"
                    + " now() - interval '40 days', now() + interval '1 day')", webhook.id(), "old-" + status, status);
        }
        enqueue(outcome());
        sender.pass(); // a recent delivery, delivered now

        assertTrue(deliveries.forget(java.time.Duration.ofDays(30)) >= 2);
        assertEquals(List.of("DELIVERED|" + true, "PENDING|" + false), strings("SELECT status || '|' ||"
                + " (created_at > now() - interval '1 day') FROM webhook_delivery WHERE webhook_id = ? ORDER BY status",
                webhook.id()));
    }

    @Test
    void privateAndLoopbackAddressesOtherThanTheAllowedHostAreRefused() {
        ApiException refused = assertThrows(ApiException.class, () -> create("https://10.0.0.1/hook"));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("réseau privé"), refused.getMessage());
        assertThrows(ApiException.class, () -> create("http://localhost:8080/hook"));
        assertEquals(0, count("SELECT count(*) FROM webhook WHERE organization = ?", org));
    }

    @Test
    void anotherOrganisationsWebhookIsUnknown() {
        CreatedWebhook webhook = create(receiver.url());
        ApiException unknown = assertThrows(ApiException.class,
                () -> worker.await(() -> service.rotate(admin, org + "-autre", webhook.id())));
        assertEquals(404, unknown.status());
        worker.await(() -> service.delete(admin, org, webhook.id()));
        assertEquals(0, count("SELECT count(*) FROM webhook WHERE id = ?", webhook.id()));
    }

    private double failedAttempts() {
        return registry.counter(WebhookSender.ATTEMPTS, "outcome", "failed", "type",
                "fr.passerelle.publication.completed.v1").count();
    }

    private CreatedWebhook create(String url) {
        return worker.await(() -> service.create(admin, org, new WebhookRequest(url)));
    }

    private Outcome outcome() {
        return new Outcome(UUID.randomUUID().toString(), "fr.passerelle.publication.completed.v1",
                "/passerelle/publish-service", "uploads/u-1", Instant.now(), org, "velos", null,
                "{\"organization\":\"" + org + "\",\"dataset\":\"velos\",\"version\":3}");
    }

    private void enqueue(Outcome outcome) {
        worker.await(() -> transactions.inTransaction(session -> deliveries.enqueue(outcome)));
    }

    private static Receiver newReceiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).values().iterator().next()).longValue();
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private Map<String, Object> row(String sql, Object... parameters) {
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next(), "a row for " + sql);
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
