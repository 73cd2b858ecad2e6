package fr.passerelle.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final ObjectRef REF = new ObjectRef("clean", "ville/velos/u1/data.csv",
            "a".repeat(64), 42);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void jsonSchemaDescribesExactlyTheRecordComponents(EventType type) throws IOException {
        JsonNode schema = schemaOf(type);
        Set<String> components = new TreeSet<>();
        Arrays.stream(type.payloadType().getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(node -> required.add(node.asText()));

        assertEquals(components, properties, "properties of " + type.jsonSchemaResource());
        assertEquals(components, required, "required of " + type.jsonSchemaResource());
        assertEquals(type.ceType(), schema.get("title").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeIsBoundToAKnownTopic(EventType type) {
        assertTrue(Topics.EVENT_TOPICS.contains(type.topic()));
        assertTrue(type.ceType().startsWith("fr.passerelle.") && type.ceType().endsWith(".v1"));
        assertEquals(type, EventType.fromCeType(type.ceType()).orElseThrow());
    }

    @Test
    void payloadsSurviveARoundTripWithIsoDates() throws IOException {
        var checked = new QualityChecked("u1", "ville", "velos", "stationnement-cyclable",
                QualityVerdict.VALID, 99.5, 200, 1, "Conforme.", REF, REF, NOW);
        String json = EventJson.write(checked);

        assertEquals("2026-11-23T10:15:30Z", JSON.readTree(json).get("checkedAt").asText());
        assertEquals(checked, EventJson.read(json, QualityChecked.class));
        assertEquals("ville/velos", checked.key());
        assertEquals(EventType.QUALITY_CHECKED, EventType.of(checked));
    }

    @Test
    void theCatalogueSchemaAndTheWholeMetadataTravelWithAPublicationRequest() throws IOException {
        var schema = new CatalogueSchema("etalab/schema-irve-statique", "2.3.1",
                "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json");
        var metadata = new DatasetMetadata("Bornes", "Les bornes de recharge.", java.util.List.of("irve"), "etalab-2.0",
                "monthly", "Transports", java.time.LocalDate.of(2026, 1, 1), null, java.util.List.of("38185"),
                "Service données", "donnees@ville.fr");
        var request = new PublicationRequested("u1", "ville", "bornes", 3, "irve-statique", REF, metadata, NOW, schema);
        String json = EventJson.write(request);

        JsonNode tree = JSON.readTree(json);
        assertEquals("2026-01-01", tree.at("/metadata/temporalStart").asText(), "an ISO date, not an array");
        assertEquals("etalab/schema-irve-statique", tree.at("/catalogueSchema/name").asText());
        assertEquals(request, EventJson.read(json, PublicationRequested.class));
    }

    @Test
    void aPublicationRequestOfAnOlderProducerHasNoCatalogueSchemaNorCoverage() {
        String json = "{\"uploadId\":\"u1\",\"organization\":\"o\",\"dataset\":\"d\",\"version\":1,"
                + "\"schema\":\"irve-statique\",\"clean\":{\"bucket\":\"b\",\"key\":\"k\"},"
                + "\"metadata\":{\"title\":\"T\",\"licence\":\"odbl\"},\"requestedAt\":\"2026-11-23T10:15:30Z\"}";
        PublicationRequested request = EventJson.read(json, PublicationRequested.class);

        assertEquals(null, request.catalogueSchema());
        assertEquals("odbl", request.metadata().licence());
        assertEquals(null, request.metadata().spatial());
    }

    @Test
    void anAuditEntrySurvivesARoundTripKeyedByItsOrganization() throws IOException {
        var entry = new AuditRecorded("6f1c2a7e-0b7a-4a51-9d1e-3f4c5b6a7d8e", NOW, "ville", null,
                "agent@ville.fr", "203.0.113.7", "schema.custom.created", "Schéma « arbres » créé.");
        String json = EventJson.write(entry);

        JsonNode tree = JSON.readTree(json);
        Set<String> fields = new TreeSet<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(Set.of("eventId", "occurredAt", "organization", "dataset", "actor", "address",
                "action", "detail")), fields, "the key and subject are no payload fields");
        assertTrue(tree.get("dataset").isNull());
        assertEquals("2026-11-23T10:15:30Z", tree.get("occurredAt").asText());
        assertEquals(entry, EventJson.read(json, AuditRecorded.class));
        assertEquals("ville", entry.key());
        assertEquals("organizations/ville", entry.subject());
        assertEquals("organizations/ville/datasets/velos",
                new AuditRecorded("e", NOW, "ville", "velos", "a", null, "dataset.approved", null).subject());
        assertEquals(EventType.AUDIT_RECORDED, EventType.of(entry));
        assertEquals(Topics.AUDIT, EventType.of(entry).topic());
    }

    @Test
    void anAuditEntryWithoutActorOrActionIsMalformed() {
        assertThrows(MalformedEventException.class, () -> EventJson.read(
                "{\"eventId\":\"e\",\"occurredAt\":\"2026-11-23T10:15:30Z\",\"organization\":\"o\",\"action\":\"x.y\"}",
                AuditRecorded.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read(
                "{\"eventId\":\"e\",\"occurredAt\":\"2026-11-23T10:15:30Z\",\"organization\":\"o\",\"actor\":\"a\"}",
                AuditRecorded.class));
    }

    @Test
    void unknownFieldsFromANewerProducerAreTolerated() {
        String json = "{\"uploadId\":\"u1\",\"organization\":\"o\",\"dataset\":\"d\",\"version\":2,"
                + "\"publicUrl\":\"http://x/y\",\"completedAt\":\"2026-11-23T10:15:30Z\",\"newField\":1}";
        assertEquals(2, EventJson.read(json, PublicationCompleted.class).version());
    }

    @Test
    void aTokenRevocationIsKeyedByTokenAndNeedsItsExpiry() {
        TokenRevoked revoked = new TokenRevoked("e1", Instant.parse("2026-11-23T12:00:00Z"), "ville", "jti-1",
                Instant.parse("2026-12-23T12:00:00Z"), "admin@ville.fr");
        assertEquals("jti-1", revoked.key());
        assertEquals(revoked, EventJson.read(EventJson.write(revoked), TokenRevoked.class));
        assertEquals(EventType.TOKEN_REVOKED, EventType.of(revoked));
        assertTrue(Topics.COMPACTED.contains(EventType.TOKEN_REVOKED.topic()));
        assertThrows(MalformedEventException.class,
                () -> EventJson.read("{\"tokenId\":\"jti-1\",\"organization\":\"ville\"}", TokenRevoked.class));
    }

    @Test
    void garbageIsAMalformedEventNotAnUnexpectedCrash() {
        assertThrows(MalformedEventException.class, () -> EventJson.read("not json", UploadReceived.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("{}", UploadReceived.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("null", UploadReceived.class));
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTopicWithItsPayloadSchema() throws IOException {
        String asyncApi;
        try (InputStream in = EventType.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml");
            asyncApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Topics.EVENT_TOPICS.forEach(topic -> assertTrue(asyncApi.contains("\n  " + topic + ":\n"), topic));
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains("const: " + type.ceType()), type.ceType());
            assertTrue(asyncApi.contains("$ref: '." + type.jsonSchemaResource() + "'"), type.jsonSchemaResource());
        }
    }

    @Test
    void everyEventTopicHasADeadLetterTopic() {
        Set<String> all = new HashSet<>(Topics.all());
        Topics.EVENT_TOPICS.forEach(topic -> assertTrue(all.contains(topic + ".dlq")));
        assertEquals(Topics.EVENT_TOPICS.size() * 2, all.size());
    }

    private static JsonNode schemaOf(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.jsonSchemaResource())) {
            assertNotNull(in, "missing " + type.jsonSchemaResource());
            return JSON.readTree(in);
        }
    }
}
