package fr.passerelle.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhooks' signing secrets: made ({@code whsec_} + base64 of 32 random bytes, the Standard Webhooks form), and
 * sealed for storage with AES-256-GCM, bound to their webhook's id (a sealed secret copied onto another row does not
 * open). The sealing key is derived from the service's signing key ({@code passerelle.notifications.signing-key}),
 * so there is no second key to deploy; rotating that key voids the stored secrets: each webhook then needs a new one
 * (« Nouveau secret » on the Webhooks page).
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    public WebhookSecrets(@ConfigProperty(name = "passerelle.notifications.signing-key") Optional<String> signingKey) {
        String hex = signingKey.map(String::trim).orElse("");
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("passerelle.notifications.signing-key (PASSERELLE_NOTIFICATIONS_SIGNING_KEY)"
                    + " must be 64 hex digits (openssl rand -hex 32)");
        }
        this.key = new SecretKeySpec(derive(HexFormat.of().parseHex(hex)), "AES");
    }

    /** A new secret, shown once to the admin who made or rotated it. */
    public String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String secret, UUID webhook) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, webhook).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another key or for another webhook */
    public String open(String sealed, UUID webhook) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Webhook " + webhook + ": the stored secret is not sealed");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            byte[] clear = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), webhook)
                    .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Webhook " + webhook + ": the stored secret does not open with this"
                    + " service's key (was the signing key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID webhook) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("webhook:" + webhook).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A key of its own for sealing, so that the unsubscribe links' HMAC key is never used as an AES key itself. */
    private static byte[] derive(byte[] signingKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal("passerelle webhook secrets v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
