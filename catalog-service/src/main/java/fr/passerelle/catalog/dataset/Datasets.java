package fr.passerelle.catalog.dataset;

import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;

/** The {@code dataset} table. */
@ApplicationScoped
public class Datasets {

    private static final String VIEW = "SELECT d.*,"
            + " (SELECT max(number) FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug)"
            + "   AS latest_version,"
            + " (SELECT max(number) FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug"
            + "   AND v.state = 'PUBLISHED') AS published_version,"
            + " (SELECT v.public_url FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug"
            + "   AND v.state = 'PUBLISHED' ORDER BY number DESC LIMIT 1) AS public_url"
            + " FROM dataset d";

    private final Database database;
    private final String qualityBaseUrl;

    public Datasets(Database database,
                    @ConfigProperty(name = "passerelle.quality.base-url") String qualityBaseUrl) {
        this.database = database;
        this.qualityBaseUrl = qualityBaseUrl;
    }

    /** Creates the dataset on first sight, with a title until staff write a better one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createIfAbsent(String organization, String slug, String schema) {
        database.update("INSERT INTO dataset (organization, slug, schema_name, title) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", organization, slug, schema, slug);
    }

    /** Locks the dataset's row: versions of one dataset are numbered one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockApproved(String organization, String slug) {
        return database.queryOne("SELECT approved FROM dataset WHERE organization = ? AND slug = ? FOR UPDATE",
                row -> row.getBoolean(1), organization, slug).orElseThrow();
    }

    /** @return false when the dataset does not exist (a first file that fails creates nothing) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFailedAttempt(String organization, String slug, String uploadId, String summary) {
        return database.update("UPDATE dataset SET last_failed_upload_id = ?, last_failed_summary = ?,"
                        + " last_failed_at = now() WHERE organization = ? AND slug = ?",
                java.util.UUID.fromString(uploadId), summary, organization, slug) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approve(String organization, String slug, String approvedBy) {
        database.update("UPDATE dataset SET approved = true, approved_by = ?, approved_at = now(),"
                + " updated_at = now() WHERE organization = ? AND slug = ?", approvedBy, organization, slug);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateMetadata(String organization, String slug, MetadataUpdate update) {
        database.update("UPDATE dataset SET title = coalesce(?, title), description = coalesce(?, description),"
                        + " keywords = coalesce(?, keywords), theme = coalesce(?, theme), licence = coalesce(?, licence),"
                        + " frequency = coalesce(?, frequency),"
                        + " temporal_start = CASE WHEN ? THEN NULL ELSE coalesce(?, temporal_start) END,"
                        + " temporal_end = CASE WHEN ? THEN NULL ELSE coalesce(?, temporal_end) END,"
                        + " spatial = coalesce(?, spatial),"
                        + " contact_name = CASE WHEN ? THEN NULL ELSE coalesce(?, contact_name) END,"
                        + " contact_email = CASE WHEN ? THEN NULL ELSE coalesce(?, contact_email) END,"
                        + " updated_at = now() WHERE organization = ? AND slug = ?",
                update.title(), update.description(), textArray(update.keywords()), update.theme(), update.licence(),
                update.frequency(), update.clears("temporalStart"), update.temporalStart(),
                update.clears("temporalEnd"), update.temporalEnd(), textArray(update.spatial()),
                update.clears("contactName"), update.contactName(), update.clears("contactEmail"),
                update.contactEmail(), organization, slug);
    }

    /** Datasets whose title, keywords or description match the words, best first (French stemming, accents folded). */
    public List<DatasetView> search(String organization, String words, int limit, int offset) {
        return database.query(VIEW + ", websearch_to_tsquery('french', fold_accents(?)) AS query"
                        + " WHERE d.organization = ? AND d.search_document @@ query"
                        + " ORDER BY ts_rank(d.search_document, query) DESC, d.slug LIMIT ? OFFSET ?",
                this::toView, words, organization, limit, offset);
    }

    /** The datasets the public sees: those with a published version. */
    public List<DatasetView> published(int limit, int offset) {
        return database.query("SELECT * FROM (" + VIEW + ") AS v WHERE v.published_version IS NOT NULL"
                + " ORDER BY v.organization, v.slug LIMIT ? OFFSET ?", this::toView, limit, offset);
    }

    public long countPublished() {
        return database.queryOne("SELECT count(DISTINCT (organization, dataset)) FROM version WHERE state = 'PUBLISHED'",
                row -> row.getLong(1)).orElse(0L);
    }

    private static String[] textArray(List<String> values) {
        return values == null ? null : values.stream().map(String::strip).distinct().toArray(String[]::new);
    }

    /** The answer when a dataset is not in the catalogue. */
    public static ApiException unknown(String organization, String slug) {
        return ApiException.notFound("unknown-dataset",
                "Le jeu de données « " + slug + " » de l'organisation « " + organization
                        + " » n'existe pas (encore) : il apparaît après le premier dépôt valide.");
    }

    public Optional<DatasetView> find(String organization, String slug) {
        return database.queryOne(VIEW + " WHERE d.organization = ? AND d.slug = ?", this::toView,
                organization, slug);
    }

    public List<DatasetView> list(String organization, int limit, int offset) {
        return database.query(VIEW + " WHERE d.organization = ? ORDER BY d.slug LIMIT ? OFFSET ?", this::toView,
                organization, limit, offset);
    }

    private DatasetView toView(ResultSet row) throws SQLException {
        String failedUpload = row.getString("last_failed_upload_id");
        DatasetView.FailedAttempt failed = failedUpload == null ? null
                : new DatasetView.FailedAttempt(failedUpload, row.getString("last_failed_summary"),
                qualityBaseUrl + "/api/v1/reports/" + failedUpload, Database.instant(row, "last_failed_at"));
        return new DatasetView(row.getString("organization"), row.getString("slug"),
                row.getString("schema_name"), row.getString("title"), row.getString("description"),
                strings(row.getArray("keywords")), row.getString("theme"), row.getString("licence"),
                row.getString("frequency"), date(row, "temporal_start"), date(row, "temporal_end"),
                strings(row.getArray("spatial")), row.getString("contact_name"), row.getString("contact_email"),
                row.getBoolean("approved"), row.getString("approved_by"), Database.instant(row, "approved_at"),
                (Integer) row.getObject("latest_version"), (Integer) row.getObject("published_version"),
                row.getString("public_url"), failed, Database.instant(row, "created_at"),
                Database.instant(row, "updated_at"), row.getBoolean("always_ask"),
                ApprovalState.of(row.getBoolean("approved"), row.getObject("approval_withdrawn_at") != null),
                row.getString("approval_withdrawn_reason"));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
