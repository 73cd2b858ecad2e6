package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.db.Database;
import fr.passerelle.publish.secrets.SecretCipher;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing of API keys on their way into and out of the remote_target table, and of legacy clear ones. */
class StoredKeySealingTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String NEW_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    /**
     * The few statements RemoteTargets runs, on rows in memory (the real table needs PostgreSQL): enough to
     * see what is written in the api_key column.
     */
    static final class TargetTable extends Database {
        final List<Map<String, String>> rows = new ArrayList<>();

        TargetTable() {
            super(null);
        }

        void add(String organization, String dataset, String kind, String apiKey) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("organization", organization);
            row.put("dataset", dataset);
            row.put("kind", kind);
            row.put("api_url", "https://www.data.gouv.fr/api/1");
            row.put("remote_organization", "5bbb");
            row.put("api_key", apiKey);
            rows.add(row);
        }

        String apiKeyOf(String organization) {
            return rows.stream().filter(r -> r.get("organization").equals(organization)).findFirst().orElseThrow()
                    .get("api_key");
        }

        @Override
        public int update(String sql, Object... p) {
            if (sql.startsWith("INSERT INTO remote_target")) {
                rows.removeIf(r -> r.get("organization").equals(p[0]) && r.get("dataset").equals(p[1])
                        && r.get("kind").equals(p[2]));
                add((String) p[0], (String) p[1], (String) p[2], (String) p[5]);
                return 1;
            }
            if (sql.startsWith("UPDATE remote_target SET api_key = ?")) {
                int changed = 0;
                for (Map<String, String> row : rows) {
                    if (row.get("organization").equals(p[1]) && row.get("dataset").equals(p[2])
                            && row.get("kind").equals(p[3]) && row.get("api_key").equals(p[4])) {
                        row.put("api_key", (String) p[0]);
                        changed++;
                    }
                }
                return changed;
            }
            throw new UnsupportedOperationException(sql);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... p) {
            List<T> result = new ArrayList<>();
            for (Map<String, String> row : rows) {
                if (sql.contains("WHERE organization = ?") && !(row.get("organization").equals(p[0])
                        && row.get("dataset").equals(p[1]))) {
                    continue;
                }
                try {
                    result.add(mapper.map(resultSet(row)));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return result;
        }

        private static ResultSet resultSet(Map<String, String> row) {
            return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                    (proxy, method, args) -> method.getName().equals("getString") ? row.get((String) args[0]) : null);
        }
    }

    private final TargetTable table = new TargetTable();
    private final SecretCipher cipher = SecretCipher.of(KEY);
    private final RemoteTargets targets = new RemoteTargets(table, cipher);

    @Test
    void aSavedKeyIsStoredSealedAndReadBackInClear() {
        targets.save("grenoble", "velos", "udata", new TargetRequest("https://www.data.gouv.fr/api/1", "5bbb", "cle-udata"));

        String stored = table.apiKeyOf("grenoble");
        assertTrue(SecretCipher.isSealed(stored), stored);
        assertFalse(stored.contains("cle-udata"));
        assertEquals("cle-udata", targets.of("grenoble", "velos").get(0).apiKey());
    }

    @Test
    void legacyClearKeysAreSealedInPlaceOnceAndStillWork() {
        table.add("grenoble", "velos", "udata", "cle-en-clair");
        table.add("lyon", "velos", "ckan", "autre-cle-en-clair");
        targets.save("paris", "velos", "ods", new TargetRequest("https://data.paris.fr/api/automation/v1.0", "data.paris.fr", "cle-ods"));
        String alreadySealed = table.apiKeyOf("paris");

        assertEquals(2, targets.sealStoredKeys());
        assertEquals(0, targets.sealStoredKeys(), "a second start has nothing left to do");

        assertTrue(SecretCipher.isSealed(table.apiKeyOf("grenoble")));
        assertTrue(SecretCipher.isSealed(table.apiKeyOf("lyon")));
        assertEquals(alreadySealed, table.apiKeyOf("paris"), "a sealed value is not rewritten");
        assertEquals("cle-en-clair", targets.of("grenoble", "velos").get(0).apiKey());
        assertEquals("autre-cle-en-clair", targets.of("lyon", "velos").get(0).apiKey());
    }

    @Test
    void aClearKeyNotYetSealedIsStillUsable() {
        table.add("grenoble", "velos", "udata", "cle-en-clair");
        assertEquals("cle-en-clair", targets.of("grenoble", "velos").get(0).apiKey());
    }

    @Test
    void afterARotationKeysAreSealedAgainWithTheNewKey() {
        targets.save("grenoble", "velos", "udata", new TargetRequest("https://www.data.gouv.fr/api/1", "5bbb", "cle-udata"));
        SecretCipher rotated = SecretCipher.of(NEW_KEY, List.of(KEY));
        RemoteTargets afterRotation = new RemoteTargets(table, rotated);

        assertEquals(1, afterRotation.sealStoredKeys());

        assertTrue(rotated.isSealedWithCurrentKey(table.apiKeyOf("grenoble")));
        assertEquals("cle-udata", new RemoteTargets(table, SecretCipher.of(NEW_KEY)).of("grenoble", "velos").get(0).apiKey());
    }

    @Test
    void aKeySealedWithAnUnknownKeyIsLeftAsIsAndReadAsUnusable() {
        targets.save("grenoble", "velos", "udata", new TargetRequest("https://www.data.gouv.fr/api/1", "5bbb", "cle-udata"));
        String stored = table.apiKeyOf("grenoble");
        RemoteTargets withAnotherKey = new RemoteTargets(table, SecretCipher.of(NEW_KEY));

        assertEquals(0, withAnotherKey.sealStoredKeys());
        assertEquals(stored, table.apiKeyOf("grenoble"));
        assertNull(withAnotherKey.of("grenoble", "velos").get(0).apiKey());
    }

    @Test
    void aSealedKeyMovedToAnotherTargetDoesNotOpen() {
        targets.save("grenoble", "velos", "udata", new TargetRequest("https://www.data.gouv.fr/api/1", "5bbb", "cle-grenoble"));
        table.add("lyon", "velos", "udata", table.apiKeyOf("grenoble"));

        assertNull(targets.of("lyon", "velos").get(0).apiKey());
    }
}
