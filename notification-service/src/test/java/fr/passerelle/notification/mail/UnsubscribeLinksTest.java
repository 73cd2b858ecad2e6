package fr.passerelle.notification.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private final UnsubscribeLinks links = new UnsubscribeLinks(Optional.of(KEY), "https://notif.example.fr/");

    @Test
    void aLinkSaysWhomAndWhatItUnsubscribes() {
        String url = links.url("camille@mairie.fr", "upload.rejected");
        assertTrue(url.startsWith("https://notif.example.fr/desabonnement?jeton="), url);
        String token = url.substring(url.indexOf('=') + 1);
        assertEquals(Optional.of(new UnsubscribeLinks.Subscription("camille@mairie.fr", "upload.rejected")),
                links.read(token));
    }

    @Test
    void nobodyCanUnsubscribeSomebodyElseByEditingTheLink() {
        String token = links.token("camille@mairie.fr", "upload.rejected");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("dominique@mairie.fr\nupload.rejected".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = otherPayload + token.substring(token.indexOf('.'));
        assertEquals(Optional.empty(), links.read(forged));
        assertEquals(Optional.empty(), links.read("not-a-token"));
        assertEquals(Optional.empty(), links.read("%%%.%%%"));
        assertEquals(Optional.empty(), links.read(null));
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        UnsubscribeLinks other = new UnsubscribeLinks(Optional.of(KEY.replace('0', '1')), "https://notif.example.fr");
        assertEquals(Optional.empty(), links.read(other.token("camille@mairie.fr", "upload.rejected")));
    }

    @Test
    void theServiceDoesNotStartWithoutAProperKey() {
        assertThrows(IllegalStateException.class, () -> new UnsubscribeLinks(Optional.empty(), "https://x"));
        assertThrows(IllegalStateException.class, () -> new UnsubscribeLinks(Optional.of("short"), "https://x"));
    }
}
