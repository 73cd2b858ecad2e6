package fr.passerelle.publish.remote;

import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.publish.publication.Publications;
import fr.passerelle.publish.secrets.SecretCipher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code remote_target} table, its only writer. API keys are stored sealed ({@link SecretCipher}), never in clear.
 * Reads and writes are Hibernate Reactive native queries on the caller's Vert.x context; writes join the caller's
 * transaction ({@link Transactions#mandatory}).
 */
@ApplicationScoped
public class RemoteTargets {

    private static final Logger LOG = Logger.getLogger(RemoteTargets.class);
    /** The columns every read selects, in the order {@link #target} and {@link #view} read them. */
    private static final String COLUMNS = "organization, dataset, kind, api_url, remote_organization, api_key,"
            + " remote_dataset_id, remote_resource_id, last_version, last_status, last_error, last_http_status,"
            + " updated_at";

    private final Transactions transactions;
    private final SecretCipher cipher;

    public RemoteTargets(Transactions transactions, SecretCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** What a sealed key is bound to: the same value copied onto another target does not open. */
    static String keyContext(String organization, String dataset, String kind) {
        return "remote_target:" + organization + "/" + dataset + "/" + kind;
    }

    public Uni<Void> save(String organization, String dataset, String kind, TargetRequest request) {
        String sealed = cipher.seal(request.apiKey(), keyContext(organization, dataset, kind));
        return write("INSERT INTO remote_target (organization, dataset, kind, api_url, remote_organization, api_key)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (organization, dataset, kind) DO UPDATE SET"
                        + " api_url = excluded.api_url, remote_organization = excluded.remote_organization,"
                        + " api_key = excluded.api_key, updated_at = now()",
                organization, dataset, kind, request.apiUrl(), request.organizationId(), sealed).replaceWithVoid();
    }

    public Uni<List<RemoteTarget>> of(String organization, String dataset) {
        return rows(organization, dataset).map(rows -> rows.stream().map(this::target).toList());
    }

    private Uni<List<Object[]>> rows(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM remote_target"
                        + " WHERE organization = ?1 AND dataset = ?2 ORDER BY kind", Object[].class)
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .getResultList());
    }

    private RemoteTarget target(Object[] row) {
        return new RemoteTarget((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                apiKeyOf(row), (String) row[6], (String) row[7]);
    }

    /** The row's API key in clear, or null when it cannot be opened (the publication then fails in French). */
    private String apiKeyOf(Object[] row) {
        String stored = (String) row[5];
        String context = keyContext((String) row[0], (String) row[1], (String) row[2]);
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
     * rotation, in the caller's transaction. Idempotent, and safe with several instances starting together: a row is
     * only rewritten if it still holds the value that was read.
     *
     * @return how many rows were sealed again
     */
    public Uni<Integer> sealStoredKeys() {
        return transactions.session(session -> session.createNativeQuery("SELECT organization, dataset, kind, api_key"
                        + " FROM remote_target", Object[].class).getResultList())
                .chain(rows -> {
                    Uni<Integer> sealed = Uni.createFrom().item(0);
                    for (Object[] row : rows) {
                        sealed = sealed.chain(count -> sealAgain(row).map(updated -> count + updated));
                    }
                    return sealed;
                });
    }

    private Uni<Integer> sealAgain(Object[] row) {
        String organization = (String) row[0];
        String dataset = (String) row[1];
        String kind = (String) row[2];
        String apiKey = (String) row[3];
        if (cipher.isSealedWithCurrentKey(apiKey)) {
            return Uni.createFrom().item(0);
        }
        String context = keyContext(organization, dataset, kind);
        String clear;
        try {
            clear = SecretCipher.isSealed(apiKey) ? cipher.open(apiKey, context) : apiKey;
        } catch (SecretCipher.UnreadableSecret e) {
            LOG.errorf("The API key of target %s cannot be opened (%s): left as is, it must be configured again",
                    context, e.getMessage());
            return Uni.createFrom().item(0);
        }
        return write("UPDATE remote_target SET api_key = ?1 WHERE organization = ?2 AND dataset = ?3 AND kind = ?4"
                + " AND api_key = ?5", cipher.seal(clear, context), organization, dataset, kind, apiKey);
    }

    public Uni<List<TargetView>> views(String organization, String dataset) {
        return rows(organization, dataset).map(rows -> rows.stream().map(RemoteTargets::view).toList());
    }

    private static TargetView view(Object[] row) {
        return new TargetView((String) row[2], (String) row[3], (String) row[4], (String) row[6], (String) row[7],
                integer(row[8]), (String) row[9], (String) row[10], integer(row[11]), Publications.instant(row[12]),
                null);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** Remembers the remote ids as soon as they exist, so that a retry never creates a second one. */
    public Uni<Void> rememberRemoteIds(RemoteTarget target, String datasetId, String resourceId) {
        return write("UPDATE remote_target SET remote_dataset_id = ?1, remote_resource_id = ?2"
                        + " WHERE organization = ?3 AND dataset = ?4 AND kind = ?5",
                datasetId, resourceId, target.organization(), target.dataset(), target.kind()).replaceWithVoid();
    }

    /** @param httpStatus the portal's HTTP answer when it refused or failed, else null */
    public Uni<Void> recordOutcome(RemoteTarget target, int version, String status, String error, Integer httpStatus) {
        return write("UPDATE remote_target SET last_version = ?1, last_status = ?2, last_error = ?3,"
                        + " last_http_status = ?4, updated_at = now() WHERE organization = ?5 AND dataset = ?6"
                        + " AND kind = ?7",
                version, status, error, httpStatus, target.organization(), target.dataset(), target.kind())
                .replaceWithVoid();
    }

    /**
     * Marks the target {@value #PENDING} for a new push, unless a push asked less than {@code staleMinutes} ago
     * is still running (a second click, another instance): the conditional update decides, so only one asker
     * wins. A push that died with its instance no longer holds the target after that delay.
     *
     * @return whether this caller got the target
     */
    public Uni<Boolean> claimForRetry(String organization, String dataset, String kind, int staleMinutes) {
        return write("UPDATE remote_target SET last_status = '" + PENDING + "', last_error = NULL,"
                        + " last_http_status = NULL, updated_at = now() WHERE organization = ?1 AND dataset = ?2"
                        + " AND kind = ?3 AND (last_status IS DISTINCT FROM '" + PENDING + "'"
                        + " OR updated_at < now() - make_interval(mins => ?4))",
                organization, dataset, kind, staleMinutes).map(updated -> updated == 1);
    }

    /** A write in the caller's transaction. */
    private Uni<Integer> write(String sql, Object... parameters) {
        return transactions.mandatory(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /** A new push was asked and has not ended yet. */
    public static final String PENDING = "PENDING";
}
