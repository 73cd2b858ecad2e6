package fr.passerelle.catalog.version;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The {@code version} table. */
@ApplicationScoped
public class Versions {

    private final Database database;

    public Versions(Database database) {
        this.database = database;
    }

    /** Call with the dataset's row locked, so that two versions never get the same number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(QualityChecked checked, VersionState state) {
        int number = database.queryOne("SELECT coalesce(max(number), 0) + 1 FROM version"
                        + " WHERE organization = ? AND dataset = ?", row -> row.getInt(1),
                checked.organization(), checked.dataset()).orElseThrow();
        ObjectRef clean = checked.clean();
        CatalogueSchema declared = checked.catalogueSchema();
        database.update("INSERT INTO version (organization, dataset, number, upload_id, schema_name, clean_bucket,"
                        + " clean_key, sha256, size_bytes, row_count, validity_percent, state, traceparent,"
                        + " catalogue_schema_name, catalogue_schema_version, catalogue_schema_url)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checked.organization(), checked.dataset(), number, UUID.fromString(checked.uploadId()),
                checked.schema(), clean.bucket(), clean.key(), clean.sha256(), clean.size(), checked.rowCount(),
                checked.validityPercent(), state.name(), TraceContext.toPropagate().get(TraceContext.TRACEPARENT),
                declared == null ? null : declared.name(), declared == null ? null : declared.version(),
                declared == null ? null : declared.url());
        return number;
    }

    /** The versions waiting for the dataset's approval, oldest first. */
    public List<PendingVersion> awaitingApproval(String organization, String dataset) {
        return database.query("SELECT number, upload_id, schema_name, clean_bucket, clean_key, sha256, size_bytes,"
                        + " traceparent, catalogue_schema_name, catalogue_schema_version, catalogue_schema_url"
                        + " FROM version WHERE organization = ? AND dataset = ? AND state = ? ORDER BY number",
                row -> new PendingVersion(row.getInt(1), row.getString(2), row.getString(3),
                        new ObjectRef(row.getString(4), row.getString(5), row.getString(6), row.getLong(7)),
                        row.getString(8), catalogueSchema(row)),
                organization, dataset, VersionState.AWAITING_APPROVAL.name());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markRequested(String organization, String dataset, int number) {
        database.update("UPDATE version SET state = ? WHERE organization = ? AND dataset = ? AND number = ?",
                VersionState.PUBLICATION_REQUESTED.name(), organization, dataset, number);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markPublished(String organization, String dataset, int number, String publicUrl) {
        database.update("UPDATE version SET state = ?, public_url = ?, failure_reason = null, published_at = now()"
                        + " WHERE organization = ? AND dataset = ? AND number = ?",
                VersionState.PUBLISHED.name(), publicUrl, organization, dataset, number);
    }

    /** Only a version still waiting: one already sent to publication cannot be refused any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markRefused(String organization, String dataset, int number, String reason) {
        database.update("UPDATE version SET state = ?, failure_reason = ?"
                        + " WHERE organization = ? AND dataset = ? AND number = ? AND state = ?",
                VersionState.REFUSED.name(), reason, organization, dataset, number,
                VersionState.AWAITING_APPROVAL.name());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(String organization, String dataset, int number, String reason) {
        database.update("UPDATE version SET state = ?, failure_reason = ?"
                        + " WHERE organization = ? AND dataset = ? AND number = ? AND state <> ?",
                VersionState.PUBLICATION_FAILED.name(), reason, organization, dataset, number,
                VersionState.PUBLISHED.name());
    }

    public List<VersionView> list(String organization, String dataset) {
        return database.query("SELECT * FROM version WHERE organization = ? AND dataset = ? ORDER BY number DESC",
                Versions::toView, organization, dataset);
    }

    private static VersionView toView(ResultSet row) throws SQLException {
        return new VersionView(row.getInt("number"), row.getString("upload_id"), row.getString("schema_name"),
                row.getLong("size_bytes"), row.getString("sha256"), row.getLong("row_count"),
                row.getDouble("validity_percent"), VersionState.valueOf(row.getString("state")),
                row.getString("public_url"), row.getString("failure_reason"), Database.instant(row, "created_at"),
                Database.instant(row, "published_at"), catalogueSchema(row));
    }

    private static CatalogueSchema catalogueSchema(ResultSet row) throws SQLException {
        String name = row.getString("catalogue_schema_name");
        return name == null ? null : new CatalogueSchema(name, row.getString("catalogue_schema_version"),
                row.getString("catalogue_schema_url"));
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
}
