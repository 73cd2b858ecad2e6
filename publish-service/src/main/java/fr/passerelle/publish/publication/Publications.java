package fr.passerelle.publish.publication;

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

    public Publications(Database database) {
        this.database = database;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PublicationRequested request, ObjectRef published) {
        database.update("INSERT INTO publication (organization, dataset, version, upload_id, schema_name,"
                        + " public_bucket, public_key, sha256, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                request.organization(), request.dataset(), request.version(),
                UUID.fromString(request.uploadId()), request.schema(), published.bucket(), published.key(),
                published.sha256(), published.size());
    }

    /** The newest published version, whatever order the publications completed in. */
    public Optional<PublishedVersion> latest(String organization, String dataset) {
        return database.queryOne("SELECT * FROM publication WHERE organization = ? AND dataset = ?"
                + " ORDER BY version DESC LIMIT 1", Publications::toPublished, organization, dataset);
    }

    /** The newest version of every dataset, for the portal's home page. */
    public List<PublishedVersion> latestOfEachDataset() {
        return database.query("SELECT DISTINCT ON (organization, dataset) * FROM publication"
                + " ORDER BY organization, dataset, version DESC", Publications::toPublished);
    }

    private static PublishedVersion toPublished(java.sql.ResultSet row) throws java.sql.SQLException {
        return new PublishedVersion(row.getString("organization"), row.getString("dataset"), row.getInt("version"),
                row.getString("schema_name"),
                new ObjectRef(row.getString("public_bucket"), row.getString("public_key"), row.getString("sha256"),
                        row.getLong("size_bytes")),
                Database.instant(row, "published_at"));
    }

    /** A version as the portal serves it. */
    public record PublishedVersion(String organization, String dataset, int version, String schema,
                                   ObjectRef file, Instant publishedAt) {
    }
}
