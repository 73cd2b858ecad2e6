package fr.passerelle.catalog.dataset;

import fr.passerelle.catalog.Columns;
import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code dataset} table, and its only writer: the approval's columns included ({@link
 * fr.passerelle.catalog.approval.ApprovalPolicy} decides, this class writes). Writes run in the caller's transaction
 * ({@link Transactions#mandatory}); PostgreSQL's own SQL ({@code ON CONFLICT}, {@code FOR UPDATE}, the French full-text
 * search, arrays) stays native.
 */
@ApplicationScoped
public class Datasets {

    /** The columns of a {@link DatasetView}, in the order {@link #toView} reads them. */
    private static final String VIEW = "SELECT d.organization, d.slug, d.schema_name, d.title, d.description,"
            + " CAST(array_to_json(d.keywords) AS text) AS keywords, d.theme, d.licence, d.frequency,"
            + " CAST(d.temporal_start AS text) AS temporal_start, CAST(d.temporal_end AS text) AS temporal_end,"
            + " CAST(array_to_json(d.spatial) AS text) AS spatial,"
            + " d.contact_name, d.contact_email, d.approved, d.approved_by, d.approved_at,"
            + " (SELECT max(number) FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug)"
            + "   AS latest_version,"
            + " (SELECT max(number) FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug"
            + "   AND v.state = 'PUBLISHED') AS published_version,"
            + " (SELECT v.public_url FROM version v WHERE v.organization = d.organization AND v.dataset = d.slug"
            + "   AND v.state = 'PUBLISHED' ORDER BY number DESC LIMIT 1) AS public_url,"
            + " CAST(d.last_failed_upload_id AS text) AS last_failed_upload_id, d.last_failed_summary,"
            + " d.last_failed_at, d.created_at, d.updated_at, d.always_ask,"
            + " d.approval_withdrawn_at IS NOT NULL AS withdrawn, d.approval_withdrawn_reason"
            + " FROM dataset d";

    private final Transactions transactions;
    private final String qualityBaseUrl;

    public Datasets(Transactions transactions,
                    @ConfigProperty(name = "passerelle.quality.base-url") String qualityBaseUrl) {
        this.transactions = transactions;
        this.qualityBaseUrl = qualityBaseUrl;
    }

    /** Creates the dataset on first sight, with a title until staff write a better one. */
    public Uni<Void> createIfAbsent(String organization, String slug, String schema) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO dataset (organization, slug,"
                                + " schema_name, title) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                        .setParameter(1, organization)
                        .setParameter(2, slug)
                        .setParameter(3, schema)
                        .setParameter(4, slug)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Locks the dataset's row until the caller's transaction ends: versions of one dataset are numbered one at a
     * time, and an approval sees the versions as they are.
     *
     * @return whether the dataset is approved; empty when it does not exist
     */
    public Uni<Optional<Boolean>> lockApproved(String organization, String slug) {
        return transactions.mandatory(session -> session.createNativeQuery("SELECT approved FROM dataset"
                                + " WHERE organization = ?1 AND slug = ?2 FOR UPDATE", Boolean.class)
                        .setParameter(1, organization)
                        .setParameter(2, slug)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    /** @return false when the dataset does not exist (a first file that fails creates nothing) */
    public Uni<Boolean> recordFailedAttempt(String organization, String slug, String uploadId, String summary) {
        return update("UPDATE dataset SET last_failed_upload_id = ?1, last_failed_summary = ?2, last_failed_at = now()"
                        + " WHERE organization = ?3 AND slug = ?4",
                UUID.fromString(uploadId), summary, organization, slug).map(updated -> updated == 1);
    }

    /** Approved by {@code approvedBy} now; a withdrawal ends (the journal keeps it). */
    public Uni<Void> approve(String organization, String slug, String approvedBy) {
        return update("UPDATE dataset SET approved = true, approved_by = ?1, approved_at = now(),"
                        + " approval_withdrawn_at = null, approval_withdrawn_reason = null, updated_at = now()"
                        + " WHERE organization = ?2 AND slug = ?3", approvedBy, organization, slug)
                .replaceWithVoid();
    }

    /** The approval withdrawn, for {@code reason} (in French); the last approval's author and date stay. */
    public Uni<Void> withdrawApproval(String organization, String slug, String reason) {
        return update("UPDATE dataset SET approved = false, approval_withdrawn_at = now(),"
                        + " approval_withdrawn_reason = ?1, updated_at = now() WHERE organization = ?2 AND slug = ?3",
                reason, organization, slug).replaceWithVoid();
    }

    public Uni<Void> setAlwaysAsk(String organization, String slug, boolean alwaysAsk) {
        return update("UPDATE dataset SET always_ask = ?1, updated_at = now() WHERE organization = ?2 AND slug = ?3",
                alwaysAsk, organization, slug).replaceWithVoid();
    }

    /** The dataset follows the schema of its newest version. */
    public Uni<Void> changeSchema(String organization, String slug, String schema) {
        return update("UPDATE dataset SET schema_name = ?1, updated_at = now() WHERE organization = ?2 AND slug = ?3",
                schema, organization, slug).replaceWithVoid();
    }

    /**
     * A field the update leaves out keeps its value; the lists are bound as JSON text and made arrays in SQL, the
     * dates as ISO text.
     */
    public Uni<Void> updateMetadata(String organization, String slug, MetadataUpdate update) {
        return update("UPDATE dataset SET title = coalesce(?1, title), description = coalesce(?2, description),"
                        + " keywords = CASE WHEN CAST(?3 AS text) IS NULL THEN keywords"
                        + "   ELSE ARRAY(SELECT e FROM jsonb_array_elements_text(CAST(CAST(?3 AS text) AS jsonb))"
                        + "   WITH ORDINALITY AS t(e, n) ORDER BY n) END,"
                        + " theme = coalesce(?4, theme), licence = coalesce(?5, licence),"
                        + " frequency = coalesce(?6, frequency),"
                        + " temporal_start = CASE WHEN ?7 THEN NULL"
                        + "   ELSE coalesce(CAST(CAST(?8 AS text) AS date), temporal_start) END,"
                        + " temporal_end = CASE WHEN ?9 THEN NULL"
                        + "   ELSE coalesce(CAST(CAST(?10 AS text) AS date), temporal_end) END,"
                        + " spatial = CASE WHEN CAST(?11 AS text) IS NULL THEN spatial"
                        + "   ELSE ARRAY(SELECT e FROM jsonb_array_elements_text(CAST(CAST(?11 AS text) AS jsonb))"
                        + "   WITH ORDINALITY AS t(e, n) ORDER BY n) END,"
                        + " contact_name = CASE WHEN ?12 THEN NULL ELSE coalesce(?13, contact_name) END,"
                        + " contact_email = CASE WHEN ?14 THEN NULL ELSE coalesce(?15, contact_email) END,"
                        + " updated_at = now() WHERE organization = ?16 AND slug = ?17",
                update.title(), update.description(), Columns.json(cleaned(update.keywords())), update.theme(),
                update.licence(), update.frequency(), update.clears("temporalStart"), text(update.temporalStart()),
                update.clears("temporalEnd"), text(update.temporalEnd()), Columns.json(cleaned(update.spatial())),
                update.clears("contactName"), update.contactName(), update.clears("contactEmail"),
                update.contactEmail(), organization, slug).replaceWithVoid();
    }

    /** Datasets whose title, keywords or description match the words, best first (French stemming, accents folded). */
    public Uni<List<DatasetView>> search(String organization, String words, int limit, int offset) {
        return views(VIEW + ", websearch_to_tsquery('french', fold_accents(?1)) AS query"
                + " WHERE d.organization = ?2 AND d.search_document @@ query"
                + " ORDER BY ts_rank(d.search_document, query) DESC, d.slug"
                + " LIMIT CAST(?3 AS int) OFFSET CAST(?4 AS int)", words, organization, limit, offset);
    }

    /** The datasets the public sees: those with a published version. */
    public Uni<List<DatasetView>> published(int limit, int offset) {
        return views("SELECT * FROM (" + VIEW + ") AS v WHERE v.published_version IS NOT NULL"
                + " ORDER BY v.organization, v.slug LIMIT CAST(?1 AS int) OFFSET CAST(?2 AS int)", limit, offset);
    }

    public Uni<Long> countPublished() {
        return transactions.session(session -> session.createNativeQuery("SELECT count(DISTINCT (organization,"
                        + " dataset)) FROM version WHERE state = 'PUBLISHED'", Long.class).getSingleResult());
    }

    public Uni<Optional<DatasetView>> find(String organization, String slug) {
        return views(VIEW + " WHERE d.organization = ?1 AND d.slug = ?2", organization, slug)
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<List<DatasetView>> list(String organization, int limit, int offset) {
        return views(VIEW + " WHERE d.organization = ?1 ORDER BY d.slug"
                + " LIMIT CAST(?2 AS int) OFFSET CAST(?3 AS int)", organization, limit, offset);
    }

    /** The answer when a dataset is not in the catalogue. */
    public static ApiException unknown(String organization, String slug) {
        return ApiException.notFound("unknown-dataset",
                "Le jeu de données « " + slug + " » de l'organisation « " + organization
                        + " » n'existe pas (encore) : il apparaît après le premier dépôt valide.");
    }

    private Uni<Integer> update(String sql, Object... parameters) {
        return transactions.mandatory(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    private Uni<List<DatasetView>> views(String sql, Object... parameters) {
        return transactions.session(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(this::toView).toList());
    }

    private DatasetView toView(Object[] row) {
        String failedUpload = (String) row[20];
        DatasetView.FailedAttempt failed = failedUpload == null ? null
                : new DatasetView.FailedAttempt(failedUpload, (String) row[21],
                qualityBaseUrl + "/api/v1/reports/" + failedUpload, Columns.instant(row[22]));
        boolean approved = Columns.bool(row[14]);
        return new DatasetView((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                Columns.strings(row[5]), (String) row[6], (String) row[7], (String) row[8], Columns.date(row[9]),
                Columns.date(row[10]), Columns.strings(row[11]), (String) row[12], (String) row[13], approved,
                (String) row[15], Columns.instant(row[16]), Columns.integer(row[17]), Columns.integer(row[18]),
                (String) row[19], failed, Columns.instant(row[23]), Columns.instant(row[24]), Columns.bool(row[25]),
                ApprovalState.of(approved, Columns.bool(row[26])), (String) row[27]);
    }

    private static List<String> cleaned(List<String> values) {
        return values == null ? null : values.stream().map(String::strip).distinct().toList();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
