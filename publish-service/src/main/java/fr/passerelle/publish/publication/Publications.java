package fr.passerelle.publish.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code publication} table: what the portal serves. Its only writer; reads and writes are Hibernate Reactive
 * native queries, on the caller's Vert.x context.
 */
@ApplicationScoped
public class Publications {

    /** The columns every read selects, in the order {@link #toPublished} and {@link #toRequest} read them. */
    private static final String COLUMNS = "organization, dataset, version, schema_name, public_bucket, public_key,"
            + " sha256, size_bytes, published_at, title, description, licence, CAST(request AS text), upload_id";

    private final Transactions transactions;
    private final ObjectMapper json;

    public Publications(Transactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** Records a published version, in the caller's transaction; a version recorded already is left as is. */
    public Uni<Void> record(PublicationRequested request, ObjectRef published) {
        DatasetMetadata metadata = request.metadata();
        String stored = asJson(request);
        // Cast from text: a String bound where PostgreSQL infers jsonb is sent by the reactive client as a JSON string
        // scalar (the whole request quoted), which reads back as no request at all.
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO publication (organization,"
                        + " dataset, version, upload_id, schema_name, public_bucket, public_key, sha256, size_bytes, title,"
                        + " description, licence, request) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        + " CAST(CAST(?13 AS text) AS jsonb)) ON CONFLICT DO NOTHING")
                .setParameter(1, request.organization())
                .setParameter(2, request.dataset())
                .setParameter(3, request.version())
                .setParameter(4, UUID.fromString(request.uploadId()))
                .setParameter(5, request.schema())
                .setParameter(6, published.bucket())
                .setParameter(7, published.key())
                .setParameter(8, published.sha256())
                .setParameter(9, published.size())
                .setParameter(10, metadata == null ? null : metadata.title())
                .setParameter(11, metadata == null ? null : metadata.description())
                .setParameter(12, metadata == null ? null : metadata.licence())
                .setParameter(13, stored)
                .executeUpdate()).replaceWithVoid();
    }

    private String asJson(PublicationRequested request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("publication request not writable as JSON", e);
        }
    }

    /**
     * The newest published version as the request that published it, for pushing it again to a remote
     * portal: the public file stands as its clean file, with the metadata and schema the request carried
     * (rows older than the stored request have only title, description and licence).
     */
    public Uni<Optional<PublicationRequested>> latestRequest(String organization, String dataset) {
        return newest(organization, dataset).map(row -> row.map(this::toRequest));
    }

    private PublicationRequested toRequest(Object[] row) {
        PublicationRequested stored = requestOf((String) row[12]);
        return new PublicationRequested(row[13].toString(), (String) row[0], (String) row[1], number(row[2]).intValue(),
                (String) row[3], new ObjectRef((String) row[4], (String) row[5], (String) row[6],
                number(row[7]).longValue()),
                stored != null && stored.metadata() != null ? stored.metadata()
                        : metadataOf((String) row[9], (String) row[10], (String) row[11]),
                Instant.now(), stored == null ? null : stored.catalogueSchema());
    }

    private PublicationRequested requestOf(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, PublicationRequested.class);
        } catch (JsonProcessingException e) {
            // Written by this class: unreadable only if the record changed shape; fall back on the columns.
            return null;
        }
    }

    private static DatasetMetadata metadataOf(String title, String description, String licence) {
        return title == null && description == null && licence == null ? null
                : new DatasetMetadata(title, description, null, licence, null);
    }

    /** The newest published version, whatever order the publications completed in. */
    public Uni<Optional<PublishedVersion>> latest(String organization, String dataset) {
        return newest(organization, dataset).map(row -> row.map(Publications::toPublished));
    }

    private Uni<Optional<Object[]>> newest(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM publication"
                                + " WHERE organization = ?1 AND dataset = ?2 ORDER BY version DESC LIMIT 1", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    /** The newest version of every dataset, for the portal's home page; {@code words} filters titles. */
    public Uni<List<PublishedVersion>> latestOfEachDataset(String words) {
        String pattern = words == null || words.isBlank() ? "%" : "%" + words.strip().toLowerCase() + "%";
        return transactions.session(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM (SELECT"
                                + " DISTINCT ON (organization, dataset) * FROM publication ORDER BY organization, dataset,"
                                + " version DESC) AS latest WHERE lower(coalesce(title, '') || ' ' || dataset || ' '"
                                + " || organization) LIKE ?1 ORDER BY organization, dataset", Object[].class)
                        .setParameter(1, pattern)
                        .getResultList())
                .map(rows -> rows.stream().map(Publications::toPublished).toList());
    }

    /** Every published version of a dataset, newest first. */
    public Uni<List<PublishedVersion>> history(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM publication"
                                + " WHERE organization = ?1 AND dataset = ?2 ORDER BY version DESC", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().map(Publications::toPublished).toList());
    }

    private static PublishedVersion toPublished(Object[] row) {
        return new PublishedVersion((String) row[0], (String) row[1], number(row[2]).intValue(), (String) row[3],
                new ObjectRef((String) row[4], (String) row[5], (String) row[6], number(row[7]).longValue()),
                instant(row[8]), (String) row[9], (String) row[10], (String) row[11], (String) row[12]);
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    /** A {@code timestamptz} as the reactive driver hands it: platform-reactive's reading. */
    public static Instant instant(Object value) {
        return fr.passerelle.platform.reactive.Columns.instant(value);
    }

    /**
     * A version as the portal serves it.
     *
     * @param request the publication request's JSON as the catalogue sent it (its metadata, the schema's name…);
     *                null for versions published before it was kept
     */
    public record PublishedVersion(String organization, String dataset, int version, String schema,
                                   ObjectRef file, Instant publishedAt, String title, String description,
                                   String licence, String request) {

        /** The title to show: the catalogue's, else the dataset's identifier. */
        public String displayTitle() {
            return title == null || title.isBlank() ? dataset : title;
        }
    }
}
