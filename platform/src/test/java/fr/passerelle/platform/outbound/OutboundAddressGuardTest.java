package fr.passerelle.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses written as IP literals or "localhost": no test depends on outside DNS. */
class OutboundAddressGuardTest {

    private final OutboundAddressGuard guard = new OutboundAddressGuard(Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/api/v1/ops/dead-letters", "http://localhost/export.csv",
            "http://127.0.0.2:9000/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:5432/",
            "http://10.1.2.3/x.csv", "https://192.168.0.10/export.csv", "http://172.16.0.1/", "http://[fd00::1]/x",
            "http://[fe80::1]/", "http://224.0.0.1/", "http://0.0.0.0:9000/raw/", "http://[::]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/",
            "http://100.64.0.1/"})
    void refusesPrivateLoopbackLinkLocalMulticastAndMetadataAddresses(String url) {
        Optional<String> refusal = guard.refusal(URI.create(url));

        assertTrue(refusal.isPresent(), url);
        assertTrue(refusal.get().contains(" mène à ") && refusal.get().contains("adresses publiques d'internet"),
                refusal.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0x7F.0.0.1/", "http://0177.0.0.1/",
            "http://017700000001/", "http://127.1/", "http://10.1/", "http://0xa9fea9fe/latest/meta-data/",
            "http://169.254.43518/", "http://127.000.000.001/", "http://8.8.8.010/"})
    void refusesIpv4WrittenOtherThanAsFourDecimals(String url) {
        Optional<String> refusal = guard.refusal(URI.create(url));

        assertTrue(refusal.isPresent(), url);
        assertTrue(refusal.get().contains("de façon inhabituelle"), refusal.get());
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
        assertEquals(Optional.empty(), guard.refusal(URI.create("https://[2001:4860:4860::8888]/api/1")));
    }

    @Test
    void anAllowedHostIsExemptAndOnlyIt() {
        OutboundAddressGuard local = OutboundAddressGuard.allowing(List.of(" 127.0.0.1 "));

        assertEquals(Optional.empty(), local.refusal(URI.create("http://127.0.0.1:41234/export/velos.csv")));
        for (String other : List.of("http://169.254.169.254/", "http://10.0.0.1/", "http://127.0.0.2:41234/",
                "http://[::1]:41234/", "http://2130706433:41234/", "http://0x7f000001:41234/", "http://0177.0.0.1:41234/",
                "http://[::ffff:127.0.0.1]:41234/", "http://localhost:41234/export/velos.csv")) {
            assertTrue(local.refusal(URI.create(other)).isPresent(),
                    other + ": the allow-list is matched as written, a name or spelling of an allowed address is not allowed");
        }
    }

    @Test
    void nothingIsAllowedByDefault() {
        OutboundAddressGuard none = new OutboundAddressGuard(Optional.of(List.of("")));

        assertTrue(none.refusal(URI.create("http://127.0.0.1:41234/")).isPresent());
    }
}
