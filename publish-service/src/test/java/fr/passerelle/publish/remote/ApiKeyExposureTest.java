package fr.passerelle.publish.remote;

import fr.passerelle.portals.OdsContractServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key never reaches what staff read (the target's last error) nor a target's text form. */
class ApiKeyExposureTest {

    @TempDir
    Path dir;

    private OdsContractServer ods;
    private OdsRetryTest.InMemoryTargets targets;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        ods = new OdsContractServer();
        file = Files.writeString(dir.resolve("velos.csv"), "id_local,nom\nST01,Gare\n");
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    private RemotePublications publications(String apiKey) {
        targets = new OdsRetryTest.InMemoryTargets(new RemoteTarget("grenoble", "velos", OdsPublisher.KIND, ods.apiUrl(),
                "127.0.0.1", apiKey, null, null));
        return new RemotePublications(targets, List.of(new OdsPublisher(LocalGuard.GUARD)), null, false, 1);
    }

    @Test
    void aPortalsRefusalIsSummedUpInFrenchNeverQuotedWithTheKeyItEchoes() {
        String key = "cle-secrete-de-grenoble-0123456789";
        publications(key).publishOn(targets.target, OdsPublisherTest.request(1, null), file);

        assertEquals("FAILED", targets.lastStatus);
        assertTrue(targets.lastError.contains("clé d'API a été refusée") && targets.lastError.contains("(401)"),
                targets.lastError);
        assertFalse(targets.lastError.contains(key), targets.lastError);
        assertFalse(targets.lastError.contains("Invalid API key"), "the portal's body is never shown: " + targets.lastError);
        assertEquals(401, targets.lastHttpStatus, "kept beside the summary: staff are told to renew the key");
    }

    @Test
    void aKeyTheHttpClientRefusesAsAHeaderIsNeitherStoredNorQuoted() {
        // Only an old row can hold one: the API refuses such keys (ApiKeys.isPlausible).
        String key = "cle-avec\nretour-a-la-ligne";
        publications(key).publishOn(targets.target, OdsPublisherTest.request(1, null), file);

        assertEquals("FAILED", targets.lastStatus);
        assertFalse(targets.lastError.contains("cle-avec"), targets.lastError);
        assertTrue(ods.calls().isEmpty());
    }

    @Test
    void aKeyThatCannotBeDecryptedFailsTheTargetInFrenchWithoutCallingThePortal() {
        publications(null).publishOn(targets.target, OdsPublisherTest.request(2, null), file);

        assertEquals("FAILED", targets.lastStatus);
        assertEquals(2, targets.lastVersion);
        assertTrue(targets.lastError.contains("ne peut pas être déchiffrée"), targets.lastError);
        assertTrue(ods.calls().isEmpty());
    }

    @Test
    void aTargetsTextFormHasNoKey() {
        RemoteTarget target = new RemoteTarget("grenoble", "velos", "udata", "https://www.data.gouv.fr/api/1", "5bbb",
                "cle-secrete", "d1", "r1");
        assertFalse(target.toString().contains("cle-secrete"), target.toString());
        assertTrue(target.toString().contains("grenoble/velos"), target.toString());
    }

    @Test
    void onlyVisibleAsciiKeysOfSaneLengthAreAccepted() {
        assertTrue(ApiKeys.isPlausible("eyJhbGciOiJIUzUxMiJ9.eyJ1c2VyIjoiNWJiYiJ9.c2ln"));
        assertTrue(ApiKeys.isPlausible("0123456789abcdef0123456789abcdef0123456789abcdef"));
        assertFalse(ApiKeys.isPlausible(null));
        assertFalse(ApiKeys.isPlausible(""));
        assertFalse(ApiKeys.isPlausible("cle avec espace"));
        assertFalse(ApiKeys.isPlausible("cle\r\nX-Injected: 1"));
        assertFalse(ApiKeys.isPlausible("clé"));
        assertFalse(ApiKeys.isPlausible("a".repeat(ApiKeys.MAX_LENGTH + 1)));
    }
}
