package fr.passerelle.publish.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.publish.remote.RemoteTarget;
import fr.passerelle.publish.remote.RemoteTargets;
import fr.passerelle.publish.remote.TargetRequest;
import fr.passerelle.publish.remote.TargetView;
import fr.passerelle.publish.secrets.SecretCipher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code remote_target} table through its repository, on the local stack's PostgreSQL: what the API key column
 * holds (sealed, sealed again after a rotation, never opened elsewhere), a push's outcome and the retry's claim.
 */
@QuarkusTest
@Tag("database")
class RemoteTargetsDatabaseTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String NEW_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    @Inject
    Transactions transactions;
    @Inject
    FromWorker worker;
    @Inject
    Rows rows;

    /** Organisations of this run only: sealing reads every row, these tests count only theirs. */
    private final String run = "db-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final SecretCipher cipher = SecretCipher.of(KEY);

    @AfterEach
    void clean() {
        rows.update("DELETE FROM remote_target WHERE organization LIKE ?1", run + "%");
    }

    private RemoteTargets targets(SecretCipher with) {
        return new RemoteTargets(transactions, with);
    }

    private void save(RemoteTargets targets, String organization, String kind, String apiKey) {
        worker.await(() -> transactions.inTransaction(session -> targets.save(organization, "velos", kind,
                new TargetRequest("https://www.data.gouv.fr/api/1", "5bbb", apiKey))));
    }

    /** A row as an older version wrote it: the key in clear. */
    private void addInClear(String organization, String kind, String apiKey) {
        rows.update("INSERT INTO remote_target (organization, dataset, kind, api_url, remote_organization, api_key)"
                + " VALUES (?1, 'velos', ?2, 'https://www.data.gouv.fr/api/1', '5bbb', ?3)", organization, kind, apiKey);
    }

    private String storedKey(String organization) {
        return (String) rows.select("SELECT api_key, kind FROM remote_target WHERE organization = ?1", organization)
                .get(0)[0];
    }

    private List<RemoteTarget> of(RemoteTargets targets, String organization) {
        return worker.await(() -> targets.of(organization, "velos"));
    }

    private int sealStoredKeys(RemoteTargets targets) {
        return worker.await(() -> transactions.inTransaction(session -> targets.sealStoredKeys()));
    }

    @Test
    void aSavedKeyIsStoredSealedAndReadBackInClear() {
        save(targets(cipher), run + "-grenoble", "udata", "cle-udata");

        String stored = storedKey(run + "-grenoble");
        assertTrue(SecretCipher.isSealed(stored), stored);
        assertFalse(stored.contains("cle-udata"));
        assertEquals("cle-udata", of(targets(cipher), run + "-grenoble").get(0).apiKey());
    }

    @Test
    void legacyClearKeysAreSealedInPlaceOnceAndStillWork() {
        RemoteTargets targets = targets(cipher);
        addInClear(run + "-grenoble", "udata", "cle-en-clair");
        addInClear(run + "-lyon", "ckan", "autre-cle-en-clair");
        save(targets, run + "-paris", "ods", "cle-ods");
        String alreadySealed = storedKey(run + "-paris");
        // Rows of the stack may need sealing too: at least this run's two.
        assertTrue(sealStoredKeys(targets) >= 2);

        assertEquals(0, sealStoredKeys(targets), "a second start has nothing left to do");
        assertTrue(SecretCipher.isSealed(storedKey(run + "-grenoble")));
        assertTrue(SecretCipher.isSealed(storedKey(run + "-lyon")));
        assertEquals(alreadySealed, storedKey(run + "-paris"), "a sealed value is not rewritten");
        assertEquals("cle-en-clair", of(targets, run + "-grenoble").get(0).apiKey());
        assertEquals("autre-cle-en-clair", of(targets, run + "-lyon").get(0).apiKey());
    }

    @Test
    void aClearKeyNotYetSealedIsStillUsable() {
        addInClear(run + "-grenoble", "udata", "cle-en-clair");
        assertEquals("cle-en-clair", of(targets(cipher), run + "-grenoble").get(0).apiKey());
    }

    @Test
    void afterARotationKeysAreSealedAgainWithTheNewKey() {
        save(targets(cipher), run + "-grenoble", "udata", "cle-udata");
        SecretCipher rotated = SecretCipher.of(NEW_KEY, List.of(KEY));

        sealStoredKeys(targets(rotated));

        assertTrue(rotated.isSealedWithCurrentKey(storedKey(run + "-grenoble")));
        assertEquals("cle-udata", of(targets(SecretCipher.of(NEW_KEY)), run + "-grenoble").get(0).apiKey());
    }

    @Test
    void aKeySealedWithAnUnknownKeyIsLeftAsIsAndReadAsUnusable() {
        save(targets(cipher), run + "-grenoble", "udata", "cle-udata");
        String stored = storedKey(run + "-grenoble");
        RemoteTargets withAnotherKey = targets(SecretCipher.of(NEW_KEY));

        sealStoredKeys(withAnotherKey);

        assertEquals(stored, storedKey(run + "-grenoble"));
        assertNull(of(withAnotherKey, run + "-grenoble").get(0).apiKey());
    }

    @Test
    void aSealedKeyMovedToAnotherTargetDoesNotOpen() {
        save(targets(cipher), run + "-grenoble", "udata", "cle-grenoble");
        addInClear(run + "-lyon", "udata", storedKey(run + "-grenoble"));

        assertNull(of(targets(cipher), run + "-lyon").get(0).apiKey());
    }

    @Test
    void anOutcomeAndTheRemoteIdsAreReadBackInTheViews() {
        RemoteTargets targets = targets(cipher);
        save(targets, run + "-grenoble", "udata", "cle-udata");
        RemoteTarget target = of(targets, run + "-grenoble").get(0);

        worker.await(() -> transactions.inTransaction(session -> targets.rememberRemoteIds(target, "ds-1", "res-1")
                .chain(() -> targets.recordOutcome(target, 3, "FAILED", "Clé refusée (401).", 401))));

        TargetView view = worker.await(() -> targets.views(run + "-grenoble", "velos")).get(0);
        assertEquals("ds-1", view.remoteDatasetId());
        assertEquals("res-1", view.remoteResourceId());
        assertEquals(3, view.lastVersion());
        assertEquals("FAILED", view.lastStatus());
        assertEquals(401, view.lastHttpStatus());
        assertTrue(view.updatedAt() != null);
    }

    @Test
    void onlyOneAskerClaimsATargetForARetryUntilTheClaimIsStale() {
        RemoteTargets targets = targets(cipher);
        save(targets, run + "-grenoble", "udata", "cle-udata");

        assertTrue(claim(targets, 15));
        assertFalse(claim(targets, 15), "a push asked a moment ago is still running");
        assertEquals(RemoteTargets.PENDING, worker.await(() -> targets.views(run + "-grenoble", "velos")).get(0)
                .lastStatus());
        rows.update("UPDATE remote_target SET updated_at = now() - interval '20 minutes' WHERE organization = ?1",
                run + "-grenoble");
        assertTrue(claim(targets, 15), "a claim older than the delay died with its instance");
    }

    private boolean claim(RemoteTargets targets, int staleMinutes) {
        return worker.await(() -> transactions.inTransaction(session -> targets.claimForRetry(run + "-grenoble",
                "velos", "udata", staleMinutes)));
    }
}
