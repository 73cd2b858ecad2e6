package fr.passerelle.staff.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookFormTest {

    @Test
    void aWebAddressGoesToTheServiceWhichDecidesWhetherItMayBeCalled() {
        WebhookForm form = WebhookForm.of("  https://sig.ville.fr/passerelle/evenements ");

        assertTrue(form.valid());
        assertEquals(Map.of("url", "https://sig.ville.fr/passerelle/evenements"), form.request());
        // A local receiver (the local stack allows it): the service's rule, not the app's.
        assertTrue(WebhookForm.of("http://127.0.0.1:9999/hook").valid());
    }

    @Test
    void anythingButAWebAddressIsRefusedWithAnExample() {
        assertTrue(WebhookForm.of("").error().startsWith("Saisissez l'adresse"));
        assertEquals(WebhookForm.EXPECTED, WebhookForm.of("ftp://sig.ville.fr/hook").error());
        assertEquals(WebhookForm.EXPECTED, WebhookForm.of("sig.ville.fr/hook").error());
        assertFalse(WebhookForm.of("https://sig ville.fr/").valid());
        assertTrue(WebhookForm.of("https://a.fr/" + "x".repeat(WebhookForm.MAX_LENGTH)).error().contains("trop longue"));
    }

    @Test
    void theServicesRefusalIsShownBesideTheFieldWithItsHint() {
        WebhookForm refused = WebhookForm.of("https://10.0.0.5/hook")
                .refused("Cette adresse est privée.", "Indiquez une adresse joignable depuis Internet.");

        assertEquals("https://10.0.0.5/hook", refused.url());
        assertEquals("Cette adresse est privée. Indiquez une adresse joignable depuis Internet.", refused.error());
    }

    @Test
    void aSecretIsShownOnceAndADoubleClickMakesNoSecondOne() {
        FreshWebhookSecrets fresh = new FreshWebhookSecrets();
        AtomicInteger made = new AtomicInteger();
        var first = fresh.once("alix/f1", () -> new FreshWebhookSecrets.Secret("w1", "https://a.fr", "whsec_" + made.incrementAndGet(), false));
        var second = fresh.once("alix/f1", () -> new FreshWebhookSecrets.Secret("w1", "https://a.fr", "whsec_" + made.incrementAndGet(), false));

        assertSame(first, second);
        assertEquals(1, made.get());
        assertEquals("whsec_1", fresh.takeForDisplay("alix/f1").orElseThrow().secret());
        assertTrue(fresh.takeForDisplay("alix/f1").isEmpty(), "never shown twice");
    }
}
