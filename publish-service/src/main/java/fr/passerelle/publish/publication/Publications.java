package fr.passerelle.publish.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code publication} table: what the portal serves. */
@ApplicationScoped
public class Publications {

    private final Database database;
    private final ObjectMapper json;

    public Publications(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PublicationRequested request, ObjectRef published) {
        DatasetMetadata metadata = request.metadata();
        database.update("INSERT INTO publication (organization, dataset, version, upload_id, schema_name,"
                        + " public_bucket, public_key, sha256, size_bytes, title, description, licence, request)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                request.organization(), request.dataset(), request.version(),
                UUID.fromString(request.uploadId()), request.schema(), published.bucket(), published.key(),
                published.sha256(), published.size(), metadata == null ? null : metadata.title(),
                metadata == null ? null : metadata.description(), metadata == null ? null : metadata.licence(),
                asJson(request));
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
    public Optional<PublicationRequested> latestRequest(String organization, String dataset) {
        return database.queryOne("SELECT * FROM publication WHERE organization = ? AND dataset = ?"
                + " ORDER BY version DESC LIMIT 1", row -> {
            PublicationRequested stored = requestOf(row.getString("request"));
            return new PublicationRequested(row.getString("upload_id"),
                    row.getString("organization"), row.getString("dataset"), row.getInt("version"), row.getString("schema_name"),
                    new ObjectRef(row.getString("public_bucket"), row.getString("public_key"), row.getString("sha256"),
                            row.getLong("size_bytes")),
                    stored != null && stored.metadata() != null ? stored.metadata()
                            : metadataOf(row.getString("title"), row.getString("description"), row.getString("licence")),
                    Instant.now(), stored == null ? null : stored.catalogueSchema());
        }, organization, dataset);
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
    public Optional<PublishedVersion> latest(String organization, String dataset) {
        return database.queryOne("SELECT * FROM publication WHERE organization = ? AND dataset = ?"
                + " ORDER BY version DESC LIMIT 1", Publications::toPublished, organization, dataset);
    }

    /** The newest version of every dataset, for the portal's home page; {@code words} filters titles. */
    public List<PublishedVersion> latestOfEachDataset(String words) {
        String pattern = words == null || words.isBlank() ? "%" : "%" + words.strip().toLowerCase() + "%";
        return database.query("SELECT * FROM (SELECT DISTINCT ON (organization, dataset) * FROM publication"
                + " ORDER BY organization, dataset, version DESC) AS latest"
                + " WHERE lower(coalesce(title, '') || ' ' || dataset || ' ' || organization) LIKE ?"
                + " ORDER BY organization, dataset", Publications::toPublished, pattern);
    }

    /** Every published version of a dataset, newest first. */
    public List<PublishedVersion> history(String organization, String dataset) {
        return database.query("SELECT * FROM publication WHERE organization = ? AND dataset = ? ORDER BY version DESC",
                Publications::toPublished, organization, dataset);
    }

    private static PublishedVersion toPublished(java.sql.ResultSet row) throws java.sql.SQLException {
        return new PublishedVersion(row.getString("organization"), row.getString("dataset"), row.getInt("version"),
                row.getString("schema_name"),
                new ObjectRef(row.getString("public_bucket"), row.getString("public_key"), row.getString("sha256"),
                        row.getLong("size_bytes")),
                Database.instant(row, "published_at"), row.getString("title"), row.getString("description"),
                row.getString("licence"), row.getString("request"));
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
