package fr.passerelle.publish.remote;

import fr.passerelle.platform.db.Database;
import fr.passerelle.publish.secrets.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/** The {@code remote_target} table. API keys are stored sealed ({@link SecretCipher}), never in clear. */
@ApplicationScoped
public class RemoteTargets {

    private static final Logger LOG = Logger.getLogger(RemoteTargets.class);

    private final Database database;
    private final SecretCipher cipher;

    public RemoteTargets(Database database, SecretCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    /** What a sealed key is bound to: the same value copied onto another target does not open. */
    static String keyContext(String organization, String dataset, String kind) {
        return "remote_target:" + organization + "/" + dataset + "/" + kind;
    }

    public void save(String organization, String dataset, String kind, TargetRequest request) {
        database.update("INSERT INTO remote_target (organization, dataset, kind, api_url, remote_organization, api_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization, dataset, kind) DO UPDATE SET"
                        + " api_url = excluded.api_url, remote_organization = excluded.remote_organization,"
                        + " api_key = excluded.api_key, updated_at = now()",
                organization, dataset, kind, request.apiUrl(), request.organizationId(),
                cipher.seal(request.apiKey(), keyContext(organization, dataset, kind)));
    }

    public List<RemoteTarget> of(String organization, String dataset) {
        return database.query("SELECT * FROM remote_target WHERE organization = ? AND dataset = ? ORDER BY kind",
                row -> new RemoteTarget(row.getString("organization"), row.getString("dataset"), row.getString("kind"),
                        row.getString("api_url"), row.getString("remote_organization"), apiKeyOf(row),
                        row.getString("remote_dataset_id"), row.getString("remote_resource_id")),
                organization, dataset);
    }

    /** The row's API key in clear, or null when it cannot be opened (the publication then fails in French). */
    private String apiKeyOf(ResultSet row) throws SQLException {
        String stored = row.getString("api_key");
        String context = keyContext(row.getString("organization"), row.getString("dataset"), row.getString("kind"));
        if (!SecretCipher.isSealed(stored)) {
            // Written by an older version after this one started: sealed at the next start.
            LOG.warnf("The API key of target %s is still stored in clear", context);
            return stored;
        }
        try {
            return cipher.open(stored, context);
        } catch (SecretCipher.UnreadableSecret e) {
            LOG.errorf("The API key of target %s cannot be opened: %s", context, e.getMessage());
            return null;
        }
    }

    /**
     * Seals the API keys stored in clear by older versions, and those sealed with a previous key after a
     * rotation. Idempotent, and safe with several instances starting together: a row is only rewritten
     * if it still holds the value that was read.
     *
     * @return how many rows were sealed again
     */
    public int sealStoredKeys() {
        record Stored(String organization, String dataset, String kind, String apiKey) {
        }
        List<Stored> rows = database.query("SELECT organization, dataset, kind, api_key FROM remote_target",
                row -> new Stored(row.getString("organization"), row.getString("dataset"), row.getString("kind"),
                        row.getString("api_key")));
        int sealed = 0;
        for (Stored row : rows) {
            if (cipher.isSealedWithCurrentKey(row.apiKey())) {
                continue;
            }
            String context = keyContext(row.organization(), row.dataset(), row.kind());
            String clear;
            try {
                clear = SecretCipher.isSealed(row.apiKey()) ? cipher.open(row.apiKey(), context) : row.apiKey();
            } catch (SecretCipher.UnreadableSecret e) {
                LOG.errorf("The API key of target %s cannot be opened (%s): left as is, it must be configured again",
                        context, e.getMessage());
                continue;
            }
            sealed += database.update("UPDATE remote_target SET api_key = ? WHERE organization = ? AND dataset = ?"
                            + " AND kind = ? AND api_key = ?", cipher.seal(clear, context),
                    row.organization(), row.dataset(), row.kind(), row.apiKey());
        }
        return sealed;
    }

    public List<TargetView> views(String organization, String dataset) {
        return database.query("SELECT * FROM remote_target WHERE organization = ? AND dataset = ? ORDER BY kind",
                row -> new TargetView(row.getString("kind"), row.getString("api_url"),
                        row.getString("remote_organization"), row.getString("remote_dataset_id"),
                        row.getString("remote_resource_id"), (Integer) row.getObject("last_version"),
                        row.getString("last_status"), row.getString("last_error"),
                        (Integer) row.getObject("last_http_status"), Database.instant(row, "updated_at"), null),
                organization, dataset);
    }

    /** Remembers the remote ids as soon as they exist, so that a retry never creates a second one. */
    public void rememberRemoteIds(RemoteTarget target, String datasetId, String resourceId) {
        database.update("UPDATE remote_target SET remote_dataset_id = ?, remote_resource_id = ?"
                        + " WHERE organization = ? AND dataset = ? AND kind = ?",
                datasetId, resourceId, target.organization(), target.dataset(), target.kind());
    }

    /** @param httpStatus the portal's HTTP answer when it refused or failed, else null */
    public void recordOutcome(RemoteTarget target, int version, String status, String error, Integer httpStatus) {
        database.update("UPDATE remote_target SET last_version = ?, last_status = ?, last_error = ?, last_http_status = ?,"
                        + " updated_at = now() WHERE organization = ? AND dataset = ? AND kind = ?",
                version, status, error, httpStatus, target.organization(), target.dataset(), target.kind());
    }

    /**
     * Marks the target {@value #PENDING} for a new push, unless a push asked less than {@code staleMinutes} ago
     * is still running (a second click, another instance): the conditional update decides, so only one asker
     * wins. A push that died with its instance no longer holds the target after that delay.
     *
     * @return whether this caller got the target
     */
    public boolean claimForRetry(String organization, String dataset, String kind, int staleMinutes) {
        return database.update("UPDATE remote_target SET last_status = '" + PENDING + "', last_error = NULL,"
                        + " last_http_status = NULL, updated_at = now() WHERE organization = ? AND dataset = ? AND kind = ?"
                        + " AND (last_status IS DISTINCT FROM '" + PENDING + "' OR updated_at < now() - make_interval(mins => ?))",
                organization, dataset, kind, staleMinutes) == 1;
    }

    /** A new push was asked and has not ended yet. */
    public static final String PENDING = "PENDING";
}
