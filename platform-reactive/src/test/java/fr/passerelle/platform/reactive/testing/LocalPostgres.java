package fr.passerelle.platform.reactive.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's PostgreSQL for the database tests: the test database {@code deploy/local/postgres.sh} makes beside
 * the stack's ({@code passerelle_test}, or {@code $PASSERELLE_PG_DATABASE_test}), with the service's role and its
 * password from {@code .passerelle/secrets.env}. {@code ./passerelle test} (and {@code up}) prepares it before the unit
 * tests; without it the tests fail, saying so: they are never skipped.
 *
 * <p>Kafka points at a closed port: an outbox row written here must never reach a broker that a stack on this machine
 * may be running, so the relay's passes fail and the rows stay.
 */
public abstract class LocalPostgres implements QuarkusTestResourceLifecycleManager {

    private final String role;

    /** For the service whose PostgreSQL role (and schema) is {@code role}: ingest, quality, catalog or publish. */
    protected LocalPostgres(String role) {
        this.role = role;
    }

    @Override
    public Map<String, String> start() {
        Path root = repositoryRoot();
        Path secrets = root.resolve(".passerelle/secrets.env");
        String password = secret(secrets, "PASSERELLE_DB_PASSWORD_" + role.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> new IllegalStateException(
                "The database tests need the local stack's PostgreSQL and its test database, and " + secrets
                        + " has no " + role + " password: run ./passerelle test (or ./passerelle up once) first"));
        String database = Optional.ofNullable(System.getenv("PASSERELLE_PG_DATABASE")).orElse("passerelle") + "_test";
        String jdbc = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (Connection connection = DriverManager.getConnection(jdbc, role, password)) {
            connection.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("The database tests need PostgreSQL on 127.0.0.1:5432 with the database "
                    + database + " and the role " + role + " (deploy/local/postgres.sh): run ./passerelle test, or"
                    + " ./passerelle up once. " + e.getMessage(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbc);
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + database);
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", password);
        config.put("kafka.bootstrap.servers", "127.0.0.1:1");
        config.put("passerelle.outbox.interval", "1h");
        // The object store is MemoryObjectStore here: its client needs keys to be built, never to connect.
        config.put("passerelle.s3.access-key", "test");
        config.put("passerelle.s3.secret-key", "test-secret");
        config.put("mp.jwt.verify.publickey.location", publicKeyFile().toString());
        return config;
    }

    @Override
    public void stop() {
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("passerelle")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }

    private static Optional<String> secret(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1)).findFirst();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** A key no token is signed with: the tests call beans, not the API, but the service needs one to start. */
    private static Path publicKeyFile() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            Path file = Files.createTempFile("passerelle-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
