package fr.passerelle.quality.db;

import fr.passerelle.platform.reactive.testing.OnVertx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.report.Reports;
import fr.passerelle.quality.schema.custom.CustomSchemaRules;
import fr.passerelle.quality.schema.custom.CustomSchemaStore;
import fr.passerelle.quality.settings.DatasetSettings;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import fr.passerelle.quality.settings.OrganizationSettings;
import fr.passerelle.quality.settings.OrganizationSettingsStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Each repository of quality against the local stack's PostgreSQL, through Hibernate Reactive as the service uses it;
 * the state is read back with plain JDBC, outside the service's sessions.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
class RepositoriesTest {

    @Inject
    Vertx vertx;
    @Inject
    Transactions transactions;
    @Inject
    DatasetSettingsStore datasets;
    @Inject
    OrganizationSettingsStore organizations;
    @Inject
    CustomSchemaStore customSchemas;
    @Inject
    Reports reports;
    @Inject
    ReactiveOutbox outbox;
    @Inject
    AgroalDataSource jdbc;

    /** An organisation of this run only: the test database is shared by runs, rows are never cleaned. */
    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDatasetsSettingsAreReplacedAndItsSaltNeverChanges() throws SQLException {
        assertEquals(DatasetSettings.NONE, await(() -> datasets.find(org, "velos")).settings());
        await(() -> transactions.inTransaction(session -> datasets.drawSalt(org, "velos")));
        String salt = await(() -> datasets.find(org, "velos")).salt().orElseThrow();

        DatasetSettings settings = new DatasetSettings(Map.of("Lat", "latitude"), Map.of("Courriel", PrivacyAction.HASH),
                "en-US");
        await(() -> transactions.inTransaction(session -> datasets.save(org, "velos", settings)));
        DatasetSettingsStore.Stored stored = await(() -> datasets.find(org, "velos"));
        assertEquals(settings, stored.settings());
        assertEquals(Optional.of(salt), stored.salt(), "hashes stay comparable across versions");
        await(() -> transactions.inTransaction(session -> datasets.drawSalt(org, "velos")));
        assertEquals(Optional.of(salt), await(() -> datasets.find(org, "velos")).salt());
        assertEquals(1, count("SELECT count(*) FROM dataset_settings WHERE organization = ?", org));
    }

    @Test
    void aWriteOutsideATransactionIsRefusedAndWritesNothing() throws SQLException {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> await(() ->
                datasets.save(org, "velos", DatasetSettings.NONE)));
        assertTrue(refused.getMessage().contains("outside a transaction"), refused.getMessage());
        assertEquals(0, count("SELECT count(*) FROM dataset_settings WHERE organization = ?", org));
    }

    @Test
    void anOrganisationsLocaleIsFrenchUntilChanged() {
        assertEquals(OrganizationSettings.NONE, await(() -> organizations.find(org)));
        assertEquals("fr-FR", await(() -> organizations.locale(org)));
        await(() -> transactions.inTransaction(session -> organizations.save(org, new OrganizationSettings("en-US"))));
        assertEquals("en-US", await(() -> organizations.locale(org)));
        await(() -> transactions.inTransaction(session -> organizations.save(org, new OrganizationSettings("fr-BE"))));
        assertEquals(new OrganizationSettings("fr-BE"), await(() -> organizations.find(org)));
    }

    @Test
    void anOrganisationsOwnSchemasKeepEveryVersionAndStayItsOwn() throws Exception {
        CustomSchemaRules.Checked first = schema("bornes", "identifiant", "adresse");
        assertTrue(this.<Boolean>await(() -> transactions.inTransaction(session -> customSchemas.create(org, first))));
        assertFalse(this.<Boolean>await(() -> transactions.inTransaction(session -> customSchemas.create(org, first))),
                "a name is taken once");
        CustomSchemaRules.Checked second = schema("bornes", "identifiant", "adresse", "debit");
        assertEquals(Optional.of(2), await(() -> transactions.inTransaction(session -> customSchemas.addVersion(org, second))));
        CustomSchemaRules.Checked unknown = schema("inconnu", "a");
        assertEquals(Optional.empty(), await(() -> transactions.inTransaction(session ->
                customSchemas.addVersion(org, unknown))), "no version 2 of a schema that does not exist");

        List<TableSchema> latest = await(() -> customSchemas.latest(org));
        assertEquals(1, latest.size());
        assertEquals(List.of("identifiant", "adresse", "debit"), latest.get(0).fieldNames());
        assertEquals(2, await(() -> customSchemas.list(org)).get(0).version());
        assertEquals(3, await(() -> customSchemas.list(org)).get(0).fieldCount());
        assertTrue(await(() -> customSchemas.list(org)).get(0).updatedAt().isAfter(Instant.now().minusSeconds(600)));
        assertEquals(1, await(() -> customSchemas.count(org)));
        assertTrue(await(() -> customSchemas.latest(org + "-autre")).isEmpty(), "another organisation sees none");

        assertTrue(this.<Boolean>await(() -> transactions.inTransaction(session -> customSchemas.delete(org, "bornes"))));
        assertFalse(this.<Boolean>await(() -> transactions.inTransaction(session -> customSchemas.delete(org, "bornes"))));
        assertEquals(Optional.empty(), await(() -> customSchemas.latestJson(org, "bornes")));
        assertEquals(0, count("SELECT count(*) FROM custom_schema WHERE organization = ?", org));
    }

    @Test
    void aReportIsRecordedOnceAndFoundByItsUpload() {
        UUID upload = UUID.randomUUID();
        // The table keeps where an object is, not its size nor its digest: read back, they are unknown (-1, null).
        ObjectRef raw = new ObjectRef("raw", org + "/velos/" + upload + "/velos.csv", null, -1);
        ObjectRef report = new ObjectRef("clean", org + "/velos/" + upload + "/report.json", null, -1);
        for (int attempt = 0; attempt < 2; attempt++) {
            await(() -> transactions.inTransaction(session -> reports.record(document(upload), 3, 1, 66.7, report, null,
                    raw)));
        }
        assertEquals(Optional.of(org), await(() -> reports.organizationOf(upload)));
        assertEquals(Optional.of(report), await(() -> reports.reportOf(upload)));
        assertEquals(Optional.of(new Reports.CheckedFile(org, "velos", "stationnement-cyclable", raw)),
                await(() -> reports.checkedFileOf(upload)));
        assertEquals(Optional.empty(), await(() -> reports.organizationOf(UUID.randomUUID())));
    }

    /** The outbox guarantee: an event leaves only with the state change that caused it. */
    @Test
    void anOutboxRowIsWrittenInTheTransactionOfItsStateChangeRolledBackWithIt() throws SQLException {
        UUID upload = UUID.randomUUID();
        ObjectRef ref = new ObjectRef("clean", org + "/r.json", null, 1);
        AuditRecorded entry = new AuditRecorded(UUID.randomUUID().toString(), Instant.now(), org, null, "test", null,
                "settings.changed", "Essai " + upload);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> await(() ->
                transactions.inTransaction(session -> reports.record(document(upload), 1, 0, 100, ref, null, ref)
                        .chain(() -> outbox.publish(entry))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("after both writes"))))));
        assertEquals("after both writes", failure.getMessage());
        assertEquals(0, count("SELECT count(*) FROM report WHERE upload_id = ?", upload));
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE payload LIKE ?", "%" + upload + "%"));

        await(() -> transactions.inTransaction(session -> reports.record(document(upload), 1, 0, 100, ref, null, ref)
                .chain(() -> outbox.publish(entry))));
        assertEquals(1, count("SELECT count(*) FROM report WHERE upload_id = ?", upload));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE payload LIKE ? AND topic = 'passerelle.audit.v1'",
                "%" + upload + "%"));
        assertThrows(IllegalStateException.class, () -> await(() -> outbox.publish(entry)),
                "an event outside a transaction would leave without its state change");
    }

    private ReportDocument document(UUID upload) {
        return new ReportDocument(upload.toString(), org, "velos", "velos.csv", "stationnement-cyclable",
                QualityVerdict.INVALID, "Résumé", Instant.now(), null, null);
    }

    private static CustomSchemaRules.Checked schema(String name, String... fields) throws Exception {
        StringBuilder json = new StringBuilder("{\"name\": \"" + name + "\", \"title\": \"Essai\", \"fields\": [");
        for (int i = 0; i < fields.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(fields[i]).append("\", \"type\": \"string\"}");
        }
        return CustomSchemaRules.check(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private <T> T await(Supplier<Uni<T>> work) {
        return OnVertx.await(vertx, work);
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
