package fr.passerelle.catalog.version;

import fr.passerelle.catalog.Columns;
import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code version} table, and its only writer; writes run in the caller's transaction. */
@ApplicationScoped
public class Versions {

    private static final String PENDING = "SELECT number, CAST(upload_id AS text) AS upload_id, schema_name,"
            + " clean_bucket, clean_key, sha256, size_bytes, traceparent, catalogue_schema_name,"
            + " catalogue_schema_version, catalogue_schema_url FROM version";

    private final Transactions transactions;

    public Versions(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Call with the dataset's row locked ({@code Datasets.lockApproved}), so that two versions never get the same
     * number.
     *
     * @param traceparent the upload's trace, which a publication approved later continues; null when it has none
     * @return the new version's number
     */
    public Uni<Integer> add(QualityChecked checked, VersionState state, String traceparent) {
        ObjectRef clean = checked.clean();
        CatalogueSchema declared = checked.catalogueSchema();
        return transactions.mandatory(session -> session.createNativeQuery("SELECT coalesce(max(number), 0) + 1"
                                + " FROM version WHERE organization = ?1 AND dataset = ?2", Integer.class)
                        .setParameter(1, checked.organization())
                        .setParameter(2, checked.dataset())
                        .getSingleResult()
                        .map(Columns::integer)
                        .call(number -> session.createNativeQuery("INSERT INTO version (organization, dataset,"
                                        + " number, upload_id, schema_name, clean_bucket, clean_key, sha256, size_bytes,"
                                        + " row_count, validity_percent, state, traceparent, catalogue_schema_name,"
                                        + " catalogue_schema_version, catalogue_schema_url) VALUES (?1, ?2, ?3, ?4, ?5,"
                                        + " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                                .setParameter(1, checked.organization())
                                .setParameter(2, checked.dataset())
                                .setParameter(3, number)
                                .setParameter(4, UUID.fromString(checked.uploadId()))
                                .setParameter(5, checked.schema())
                                .setParameter(6, clean.bucket())
                                .setParameter(7, clean.key())
                                .setParameter(8, clean.sha256())
                                .setParameter(9, clean.size())
                                .setParameter(10, checked.rowCount())
                                .setParameter(11, checked.validityPercent())
                                .setParameter(12, state.name())
                                .setParameter(13, traceparent)
                                .setParameter(14, declared == null ? null : declared.name())
                                .setParameter(15, declared == null ? null : declared.version())
                                .setParameter(16, declared == null ? null : declared.url())
                                .executeUpdate()));
    }

    /** The versions waiting for the dataset's approval, oldest first. */
    public Uni<List<PendingVersion>> awaitingApproval(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery(PENDING
                                + " WHERE organization = ?1 AND dataset = ?2 AND state = ?3 ORDER BY number", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, VersionState.AWAITING_APPROVAL.name())
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new PendingVersion(Columns.integer(row[0]), (String) row[1],
                        (String) row[2], new ObjectRef((String) row[3], (String) row[4], (String) row[5],
                        Columns.number(row[6])), (String) row[7], catalogueSchema(row, 8))).toList());
    }

    public Uni<Void> markRequested(String organization, String dataset, int number) {
        return update("UPDATE version SET state = ?1 WHERE organization = ?2 AND dataset = ?3 AND number = ?4",
                VersionState.PUBLICATION_REQUESTED.name(), organization, dataset, number);
    }

    public Uni<Void> markPublished(String organization, String dataset, int number, String publicUrl) {
        return update("UPDATE version SET state = ?1, public_url = ?2, failure_reason = null, published_at = now()"
                        + " WHERE organization = ?3 AND dataset = ?4 AND number = ?5",
                VersionState.PUBLISHED.name(), publicUrl, organization, dataset, number);
    }

    /** Only a version still waiting: one already sent to publication cannot be refused any more. */
    public Uni<Void> markRefused(String organization, String dataset, int number, String reason) {
        return update("UPDATE version SET state = ?1, failure_reason = ?2"
                        + " WHERE organization = ?3 AND dataset = ?4 AND number = ?5 AND state = ?6",
                VersionState.REFUSED.name(), reason, organization, dataset, number,
                VersionState.AWAITING_APPROVAL.name());
    }

    public Uni<Void> markFailed(String organization, String dataset, int number, String reason) {
        return update("UPDATE version SET state = ?1, failure_reason = ?2"
                        + " WHERE organization = ?3 AND dataset = ?4 AND number = ?5 AND state <> ?6",
                VersionState.PUBLICATION_FAILED.name(), reason, organization, dataset, number,
                VersionState.PUBLISHED.name());
    }

    /** Newest first. */
    public Uni<List<VersionView>> list(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT number,"
                                + " CAST(upload_id AS text) AS upload_id, schema_name, size_bytes, sha256, row_count, validity_percent, state, public_url,"
                                + " failure_reason, created_at, published_at, catalogue_schema_name,"
                                + " catalogue_schema_version, catalogue_schema_url FROM version"
                                + " WHERE organization = ?1 AND dataset = ?2 ORDER BY number DESC", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new VersionView(Columns.integer(row[0]), (String) row[1],
                        (String) row[2], Columns.number(row[3]), (String) row[4], Columns.number(row[5]),
                        ((Number) row[6]).doubleValue(), VersionState.valueOf((String) row[7]), (String) row[8],
                        (String) row[9], Columns.instant(row[10]), Columns.instant(row[11]), catalogueSchema(row, 12)))
                        .toList());
    }

    /** Where a version's clean CSV is, and how many rows the quality check counted in it. */
    public Uni<Optional<CleanFile>> cleanFile(String organization, String dataset, int number) {
        return transactions.session(session -> session.createNativeQuery("SELECT clean_bucket, clean_key, row_count"
                                + " FROM version WHERE organization = ?1 AND dataset = ?2 AND number = ?3", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, number)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new CleanFile(number, (String) row[0],
                        (String) row[1], Columns.number(row[2]))));
    }

    private Uni<Void> update(String sql, Object... parameters) {
        return transactions.mandatory(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static CatalogueSchema catalogueSchema(Object[] row, int first) {
        String name = (String) row[first];
        return name == null ? null : new CatalogueSchema(name, (String) row[first + 1], (String) row[first + 2]);
    }

    /**
     * A version to hand to the publish service.
     *
     * @param traceparent     the upload's trace, which the publication continues; null when it had none
     * @param catalogueSchema what portals are told the file follows; null for an organisation's own schema
     */
    public record PendingVersion(int number, String uploadId, String schema, ObjectRef clean, String traceparent,
                                 CatalogueSchema catalogueSchema) {
    }

    /** A version's clean CSV in S3, with the number of rows the quality check counted in it. */
    public record CleanFile(int number, String bucket, String key, long rowCount) {
    }
}
