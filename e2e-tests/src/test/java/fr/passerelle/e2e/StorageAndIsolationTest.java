package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Files really are in S3, and each service's schema really is its own. */
class StorageAndIsolationTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void theRawFileIsKeptByteForByteInTheRawBucket() throws Exception {
        String dataset = Pipeline.freshDataset("brut");
        byte[] content = Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv"));
        String upload = Pipeline.accepted("ville", dataset, SCHEMA, "../../etc/passwd velos.csv", content);
        JsonPath status = Pipeline.status(upload);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertEquals(sha256, status.getString("sha256"));
        assertEquals("passwd_velos.csv", status.getString("filename"), "no path in a stored name");

        byte[] stored = S3.get("raw", "ville/" + dataset + "/" + upload + "/passwd_velos.csv");
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
    }

    @Test
    void aServiceRoleCannotReadAnotherServiceSchema() throws SQLException {
        try (Connection catalog = DriverManager.getConnection(Stack.JDBC, "catalog",
                Stack.secret("PASSERELLE_DB_PASSWORD_CATALOG"))) {
            assertTrue(catalog.createStatement().executeQuery("SELECT count(*) FROM dataset").next(),
                    "the catalog role reads its own schema");
            SQLException denied = assertThrows(SQLException.class,
                    () -> catalog.createStatement().executeQuery("SELECT count(*) FROM ingest.upload"));
            assertEquals("42501", denied.getSQLState(), "insufficient privilege: " + denied.getMessage());
        }
    }
}
