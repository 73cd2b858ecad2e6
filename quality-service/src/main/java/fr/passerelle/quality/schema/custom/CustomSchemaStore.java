package fr.passerelle.quality.schema.custom;

import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.quality.engine.schema.TableSchema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code custom_schema} table: every version of each organisation's own schemas. Its only writer. PostgreSQL's
 * {@code DISTINCT ON} and {@code ON CONFLICT} say "the latest of each" and "unless taken" in one statement: native.
 */
@ApplicationScoped
public class CustomSchemaStore {

    private static final Logger LOG = Logger.getLogger(CustomSchemaStore.class);
    /**
     * Bounds what one organisation keeps, since all its latest schemas are read for each file whose schema is
     * detected: a hundred is far beyond what a commune writes.
     */
    public static final int MAX_SCHEMAS_PER_ORGANIZATION = 100;

    private final Transactions transactions;

    public CustomSchemaStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The latest version of each of the organisation's schemas, named as uploaded; empty for none. */
    public Uni<List<TableSchema>> latest(String organization) {
        if (organization == null || organization.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        return transactions.session(session -> session.createNativeQuery("SELECT DISTINCT ON (name) name, content"
                                + " FROM custom_schema WHERE organization = ?1 ORDER BY name, version DESC", Object[].class)
                        .setParameter(1, organization)
                        .getResultList())
                .map(rows -> rows.stream()
                        .flatMap(row -> parse(organization, (String) row[0], (String) row[1]).stream())
                        .toList());
    }

    public Uni<List<CustomSchemaSummary>> list(String organization) {
        return transactions.session(session -> session.createNativeQuery("SELECT DISTINCT ON (name) name, title,"
                                + " version, field_count, created_at FROM custom_schema WHERE organization = ?1"
                                + " ORDER BY name, version DESC", Object[].class)
                        .setParameter(1, organization)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new CustomSchemaSummary((String) row[0], (String) row[1],
                        ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), instant(row[4]))).toList());
    }

    /** The text of the latest version, as uploaded. */
    public Uni<Optional<String>> latestJson(String organization, String name) {
        return transactions.session(session -> session.createNativeQuery("SELECT content FROM custom_schema"
                                + " WHERE organization = ?1 AND name = ?2 ORDER BY version DESC LIMIT 1", String.class)
                        .setParameter(1, organization)
                        .setParameter(2, name)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Integer> count(String organization) {
        return transactions.session(session -> session.createNativeQuery("SELECT count(DISTINCT name) FROM"
                                + " custom_schema WHERE organization = ?1", Long.class)
                        .setParameter(1, organization)
                        .getSingleResult())
                .map(Long::intValue);
    }

    /**
     * Stores version 1 of a new schema, in the caller's transaction.
     *
     * @return false when the organisation already has a schema of that name
     */
    public Uni<Boolean> create(String organization, CustomSchemaRules.Checked schema) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO custom_schema (organization,"
                                + " name, version, title, field_count, content) VALUES (?1, ?2, 1, ?3, ?4, ?5)"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter(1, organization)
                        .setParameter(2, schema.name())
                        .setParameter(3, schema.schema().title())
                        .setParameter(4, schema.schema().fields().size())
                        .setParameter(5, schema.json())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Stores the next version of an existing schema, in the caller's transaction.
     *
     * @return the new version number; empty when the schema does not exist, or another version was stored at
     *         the same moment
     */
    public Uni<Optional<Integer>> addVersion(String organization, CustomSchemaRules.Checked schema) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO custom_schema (organization,"
                                + " name, version, title, field_count, content) SELECT organization, name,"
                                + " max(version) + 1, ?1, ?2, ?3 FROM custom_schema WHERE organization = ?4 AND name = ?5"
                                + " GROUP BY organization, name ON CONFLICT DO NOTHING RETURNING version", Integer.class)
                        .setParameter(1, schema.schema().title())
                        .setParameter(2, schema.schema().fields().size())
                        .setParameter(3, schema.json())
                        .setParameter(4, organization)
                        .setParameter(5, schema.name())
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    /** In the caller's transaction; @return whether there was such a schema */
    public Uni<Boolean> delete(String organization, String name) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM custom_schema"
                                + " WHERE organization = ?1 AND name = ?2")
                        .setParameter(1, organization)
                        .setParameter(2, name)
                        .executeUpdate())
                .map(deleted -> deleted > 0);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
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
