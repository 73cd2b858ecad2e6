package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the running local stack is: the URLs of the services and the mail server, and the credentials that
 * {@code ./passerelle up} generated into {@code .passerelle/secrets.env}.
 */
final class Stack {

    static final String INGEST = System.getProperty("passerelle.ingest.url", "http://127.0.0.1:8081");
    static final String QUALITY = System.getProperty("passerelle.quality.url", "http://127.0.0.1:8082");
    static final String CATALOG = System.getProperty("passerelle.catalog.url", "http://127.0.0.1:8083");
    static final String PUBLISH = System.getProperty("passerelle.publish.url", "http://127.0.0.1:8084");
    static final String NOTIFICATION = System.getProperty("passerelle.notification.url", "http://127.0.0.1:8086");
    static final String KAFKA = System.getProperty("passerelle.kafka", "127.0.0.1:9092");
    static final String S3 = System.getProperty("passerelle.s3.url", "http://127.0.0.1:9000");
    static final String JDBC = System.getProperty("passerelle.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/passerelle");
    /** GreenMail (deploy/local/greenmail.sh): SMTP for the services, a REST API to read what they sent. */
    static final String SMTP_HOST = System.getProperty("passerelle.smtp.host", "127.0.0.1");
    static final int SMTP_PORT = Integer.getInteger("passerelle.smtp.port", 3025);
    static final String MAIL_API = System.getProperty("passerelle.mail.url", "http://127.0.0.1:8025");

    private static final Map<String, String> SECRETS = readSecrets();

    static {
        // Every RestAssured request of the tests goes through it: see StaffTokenFilter.
        io.restassured.RestAssured.filters(new StaffTokenFilter());
    }

    private Stack() {
    }

    static Path root() {
        return Path.of(System.getProperty("passerelle.root", "..")).toAbsolutePath().normalize();
    }

    static Path home() {
        return Path.of(System.getProperty("passerelle.home", root().resolve(".passerelle").toString()));
    }

    /** The national schemas and their examples as the project ships them (in the quality engine's resources). */
    static Path shippedSchemas() {
        return root().resolve("quality-service/engine/src/main/resources/fr/passerelle/quality/engine/schemas");
    }

    static String secret(String name) {
        String value = SECRETS.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in .passerelle/secrets.env: is the stack up?");
        }
        return value;
    }

    private static Map<String, String> readSecrets() {
        Path file = home().resolve("secrets.env");
        Map<String, String> secrets = new HashMap<>();
        if (!Files.exists(file)) {
            return secrets;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                String key = trimmed.substring(0, trimmed.indexOf('=')).replaceFirst("^export\\s+", "");
                String value = trimmed.substring(trimmed.indexOf('=') + 1).replaceAll("^['\"]|['\"]$", "");
                secrets.put(key, value);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
