package fr.passerelle.ingest.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses written as IP literals or "localhost": no test depends on outside DNS. */
class ExportUrlGuardTest {

    private final ExportUrlGuard guard = new ExportUrlGuard(Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/api/v1/ops/dead-letters", "http://localhost/export.csv",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]:5432/", "http://10.1.2.3/x.csv",
            "https://192.168.0.10/export.csv", "http://[fd00::1]/x", "http://0.0.0.0:9000/raw/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/"})
    void refusesPrivateLoopbackAndMetadataAddresses(String url) {
        Optional<String> refusal = guard.refusal(URI.create(url));

        assertTrue(refusal.isPresent(), url);
        assertTrue(refusal.get().startsWith("L'adresse d'export mène à ") || refusal.get().contains("introuvable"),
                refusal.get());
    }

    @Test
    void refusesOtherSchemesAndCredentials() {
        assertTrue(guard.refusal(URI.create("file:///etc/passwd")).orElseThrow().contains("http://"));
        assertTrue(guard.refusal(URI.create("gopher://127.0.0.1:25/")).orElseThrow().contains("http://"));
        assertTrue(guard.refusal(URI.create("http://agent:secret@8.8.8.8/x.csv")).orElseThrow()
                .contains("identifiant ou un mot de passe"));
    }

    @Test
    void letsAPublicAddressThrough() {
        assertEquals(Optional.empty(), guard.refusal(URI.create("https://8.8.8.8/export.csv")));
    }

    @Test
    void anAllowedHostIsExemptAndOnlyIt() {
        ExportUrlGuard local = new ExportUrlGuard(Optional.of(List.of(" 127.0.0.1 ")));

        assertEquals(Optional.empty(), local.refusal(URI.create("http://127.0.0.1:41234/export/velos.csv")));
        assertTrue(local.refusal(URI.create("http://169.254.169.254/")).isPresent());
        assertTrue(local.refusal(URI.create("http://10.0.0.1/")).isPresent());
        assertTrue(local.refusal(URI.create("http://localhost:41234/export/velos.csv")).isPresent(),
                "the allow-list is matched as written: a name resolving to an allowed address is not allowed");
    }
}
