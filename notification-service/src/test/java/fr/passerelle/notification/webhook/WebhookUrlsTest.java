package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IP literals only: the guard resolves names, these tests need no DNS. */
class WebhookUrlsTest {

    private final WebhookUrls production = urls(List.of());
    private final WebhookUrls localStack = urls(List.of("127.0.0.1"));

    private static WebhookUrls urls(List<String> allowed) {
        return new WebhookUrls(OutboundAddressGuard.allowing(allowed), Optional.of(allowed));
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertEquals(Optional.empty(), production.refusal("https://203.0.113.10/hooks/passerelle"));
    }

    @Test
    void plainHttpIsRefusedOutsideTheAllowedHosts() {
        assertTrue(production.refusal("http://203.0.113.10/hook").orElseThrow().contains("https://"));
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedInProduction() {
        assertTrue(production.refusal("https://127.0.0.1:8443/hook").orElseThrow().contains("boucle locale"));
        assertTrue(production.refusal("https://10.1.2.3/hook").orElseThrow().contains("réseau privé"));
        assertTrue(production.refusal("https://169.254.169.254/latest").orElseThrow().contains("métadonnées"));
    }

    @Test
    void theLocalStacksAllowedHostMayBeReachedEvenInPlainHttp() {
        assertEquals(Optional.empty(), localStack.refusal("http://127.0.0.1:9999/hook"));
        // Exactly as written: another spelling of loopback is not exempt.
        assertTrue(localStack.refusal("https://127.0.0.2/hook").isPresent());
    }

    @Test
    void garbageIsRefusedWithAFrenchSentence() {
        assertTrue(production.refusal("").orElseThrow().startsWith("Indiquez"));
        assertTrue(production.refusal("/relative/hook").orElseThrow().contains("https://"));
        assertTrue(production.refusal("https://203.0.113.10/hook#part").orElseThrow().contains("fragment"));
        assertTrue(production.refusal("ftp://203.0.113.10/hook").isPresent());
    }
}
