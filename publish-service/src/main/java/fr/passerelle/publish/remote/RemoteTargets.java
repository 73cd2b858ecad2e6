package fr.passerelle.publish.remote;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The {@code remote_target} table. */
@ApplicationScoped
public class RemoteTargets {

    private final Database database;

    public RemoteTargets(Database database) {
        this.database = database;
    }

    public void save(String organization, String dataset, String kind, TargetRequest request) {
        database.update("INSERT INTO remote_target (organization, dataset, kind, api_url, remote_organization, api_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization, dataset, kind) DO UPDATE SET"
                        + " api_url = excluded.api_url, remote_organization = excluded.remote_organization,"
                        + " api_key = excluded.api_key, updated_at = now()",
                organization, dataset, kind, request.apiUrl(), request.organizationId(), request.apiKey());
    }

    public List<RemoteTarget> of(String organization, String dataset) {
        return database.query("SELECT * FROM remote_target WHERE organization = ? AND dataset = ? ORDER BY kind",
                row -> new RemoteTarget(row.getString("organization"), row.getString("dataset"), row.getString("kind"),
                        row.getString("api_url"), row.getString("remote_organization"), row.getString("api_key"),
                        row.getString("remote_dataset_id"), row.getString("remote_resource_id")),
                organization, dataset);
    }

    public List<TargetView> views(String organization, String dataset) {
        return database.query("SELECT * FROM remote_target WHERE organization = ? AND dataset = ? ORDER BY kind",
                row -> new TargetView(row.getString("kind"), row.getString("api_url"),
                        row.getString("remote_organization"), row.getString("remote_dataset_id"),
                        row.getString("remote_resource_id"), (Integer) row.getObject("last_version"),
                        row.getString("last_status"), row.getString("last_error"), Database.instant(row, "updated_at")),
                organization, dataset);
    }

    /** Remembers the remote ids as soon as they exist, so that a retry never creates a second one. */
    public void rememberRemoteIds(RemoteTarget target, String datasetId, String resourceId) {
        database.update("UPDATE remote_target SET remote_dataset_id = ?, remote_resource_id = ?"
                        + " WHERE organization = ? AND dataset = ? AND kind = ?",
                datasetId, resourceId, target.organization(), target.dataset(), target.kind());
    }

    public void recordOutcome(RemoteTarget target, int version, String status, String error) {
        database.update("UPDATE remote_target SET last_version = ?, last_status = ?, last_error = ?, updated_at = now()"
                        + " WHERE organization = ? AND dataset = ? AND kind = ?",
                version, status, error, target.organization(), target.dataset(), target.kind());
    }
}
