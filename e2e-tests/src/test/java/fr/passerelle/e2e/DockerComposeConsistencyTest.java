package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine): this keeps it in line with what the
 * services read, the topics the contracts name, and the buckets the services use.
 */
class DockerComposeConsistencyTest {

    private static final Map<String, Object> COMPOSE = readCompose();

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "quality-service", "catalog-service", "publish-service"})
    void eachServiceGetsTheConfigurationItReads(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Map<String, Object> definition = service(service);
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) definition.get("environment");

        assertEquals(List.of(properties.getProperty("quarkus.http.port") + ":" + properties.getProperty("quarkus.http.port")),
                definition.get("ports"), "published port of " + service);
        assertEquals(properties.getProperty("quarkus.flyway.schemas"), environment.get("QUARKUS_DATASOURCE_USERNAME"),
                "a service logs in with the role that owns its schema");
        assertEquals(properties.getProperty("quarkus.datasource.username"), environment.get("QUARKUS_DATASOURCE_USERNAME"));
        assertTrue(String.valueOf(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/passerelle"));
        for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_PASSWORD",
                "PASSERELLE_S3_ENDPOINT", "PASSERELLE_S3_ACCESS_KEY", "PASSERELLE_S3_SECRET_KEY")) {
            assertNotNull(environment.get(variable), variable + " for " + service);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) definition.get("build");
        assertTrue(Files.exists(Stack.root().resolve(String.valueOf(build.get("dockerfile")))));
    }

    @Test
    void kafkaInitCreatesEveryTopicOfTheContracts() {
        String script = String.join("\n", commandOf("kafka-init"));
        for (String topic : Topics.all()) {
            assertTrue(script.contains(topic + " ") || script.contains(topic + ";") || script.contains(topic + "\n"),
                    "kafka-init creates " + topic);
        }
    }

    @Test
    void minioSendsDropzoneEventsToTheDropsTopicAndCreatesTheBuckets() {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) service("minio").get("environment");
        assertEquals(Topics.DROPS, environment.get("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY"));
        String script = String.join("\n", commandOf("minio-init"));
        assertTrue(script.contains("for bucket in raw clean public dropzone"), script);
        assertTrue(script.contains("mc event add local/dropzone"), script);
    }

    @SuppressWarnings("unchecked")
    private static List<String> commandOf(String service) {
        return (List<String>) service(service).get("command");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) COMPOSE.get("services");
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertNotNull(service, "docker-compose.yml defines " + name);
        return service;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Stack.root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, Object> readCompose() {
        try (Reader reader = Files.newBufferedReader(Stack.root().resolve("docker-compose.yml"))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
