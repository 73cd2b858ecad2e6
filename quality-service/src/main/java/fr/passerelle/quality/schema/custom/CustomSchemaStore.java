package fr.passerelle.quality.schema.custom;

import fr.passerelle.platform.db.Database;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.schema.OrganisationSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The {@code custom_schema} table: every version of each organisation's own schemas. */
@ApplicationScoped
public class CustomSchemaStore implements OrganisationSchemas {

    private static final Logger LOG = Logger.getLogger(CustomSchemaStore.class);
    /**
     * Bounds what one organisation keeps, since all its latest schemas are read for each file whose schema is
     * detected: a hundred is far beyond what a commune writes.
     */
    public static final int MAX_SCHEMAS_PER_ORGANIZATION = 100;

    private final Database database;

    public CustomSchemaStore(Database database) {
        this.database = database;
    }

    @Override
    public List<TableSchema> latest(String organization) {
        List<TableSchema> schemas = new ArrayList<>();
        database.query("SELECT DISTINCT ON (name) name, content FROM custom_schema WHERE organization = ?"
                        + " ORDER BY name, version DESC", row -> {
                    String name = row.getString(1);
                    parse(organization, name, row.getString(2)).ifPresent(schemas::add);
                    return name;
                }, organization);
        return schemas;
    }

    public List<CustomSchemaSummary> list(String organization) {
        return database.query("SELECT DISTINCT ON (name) name, title, version, field_count, created_at"
                        + " FROM custom_schema WHERE organization = ? ORDER BY name, version DESC",
                row -> new CustomSchemaSummary(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
                        Database.instant(row, "created_at")), organization);
    }

    /** The text of the latest version, as uploaded. */
    public Optional<String> latestJson(String organization, String name) {
        return database.queryOne("SELECT content FROM custom_schema WHERE organization = ? AND name = ?"
                + " ORDER BY version DESC LIMIT 1", row -> row.getString(1), organization, name);
    }

    public int count(String organization) {
        return database.queryOne("SELECT count(DISTINCT name) FROM custom_schema WHERE organization = ?",
                row -> row.getInt(1), organization).orElse(0);
    }

    /**
     * Stores version 1 of a new schema.
     *
     * @return false when the organisation already has a schema of that name
     */
    @Transactional
    public boolean create(String organization, CustomSchemaRules.Checked schema) {
        return database.update("INSERT INTO custom_schema (organization, name, version, title, field_count, content)"
                + " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING", organization, schema.name(),
                schema.schema().title(), schema.schema().fields().size(), schema.json()) == 1;
    }

    /**
     * Stores the next version of an existing schema.
     *
     * @return the new version number; empty when the schema does not exist, or another version was stored at
     *         the same moment
     */
    @Transactional
    public Optional<Integer> addVersion(String organization, CustomSchemaRules.Checked schema) {
        return database.queryOne("INSERT INTO custom_schema (organization, name, version, title, field_count, content)"
                        + " SELECT organization, name, max(version) + 1, ?, ?, ? FROM custom_schema"
                        + " WHERE organization = ? AND name = ? GROUP BY organization, name"
                        + " ON CONFLICT DO NOTHING RETURNING version",
                row -> row.getInt(1), schema.schema().title(), schema.schema().fields().size(), schema.json(),
                organization, schema.name());
    }

    /** @return whether there was such a schema */
    @Transactional
    public boolean delete(String organization, String name) {
        return database.update("DELETE FROM custom_schema WHERE organization = ? AND name = ?", organization, name) > 0;
    }

    private static Optional<TableSchema> parse(String organization, String name, String json) {
        try {
            return Optional.of(TableSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                    .withName(name));
        } catch (IOException e) {
            // Checked before it was stored: only an engine that became stricter gets here.
            LOG.warnf("Custom schema %s of %s ignored: %s", name, organization, e.getMessage());
            return Optional.empty();
        }
    }
}
