package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private final WebhookSecrets secrets = new WebhookSecrets(Optional.of(KEY));

    @Test
    void aNewSecretIsWhsecFollowedBy32RandomBytesInBase64() {
        String secret = secrets.generate();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, secrets.generate());
    }

    @Test
    void aSealedSecretHidesItAndOpensForItsWebhookOnly() {
        UUID webhook = UUID.randomUUID();
        String secret = secrets.generate();
        String sealed = secrets.seal(secret, webhook);
        assertFalse(sealed.contains(secret.substring("whsec_".length())));
        assertEquals(secret, secrets.open(sealed, webhook));
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, UUID.randomUUID()));
    }

    @Test
    void anotherServiceKeyCannotOpenIt() {
        UUID webhook = UUID.randomUUID();
        String sealed = secrets.seal(secrets.generate(), webhook);
        WebhookSecrets other = new WebhookSecrets(Optional.of(KEY.replace('0', 'f')));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, webhook));
    }

    @Test
    void theServiceDoesNotStartWithoutAValidKey() {
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Optional.empty()));
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Optional.of("abc")));
    }
}
