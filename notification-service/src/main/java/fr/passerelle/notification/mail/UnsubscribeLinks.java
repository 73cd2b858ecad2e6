package fr.passerelle.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-click unsubscribe links, signed so that nobody can unsubscribe somebody else: the address and the kind,
 * followed by their HMAC-SHA256 under the service's signing key. A link does not expire (a message read a year
 * later must still work); rotating the key voids every link sent before.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Whom and what a valid link unsubscribes. */
    public record Subscription(String email, String kind) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;
    private final String publicUrl;

    public UnsubscribeLinks(@ConfigProperty(name = "passerelle.notifications.signing-key") Optional<String> key,
                            @ConfigProperty(name = "passerelle.notifications.public-url") String publicUrl) {
        String hex = key.map(String::trim).orElse("");
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("passerelle.notifications.signing-key (PASSERELLE_NOTIFICATIONS_SIGNING_KEY)"
                    + " must be 64 hex digits (openssl rand -hex 32)");
        }
        this.key = HexFormat.of().parseHex(hex);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String url(String email, String kind) {
        return publicUrl + "/desabonnement?jeton=" + token(email, kind);
    }

    String token(String email, String kind) {
        byte[] payload = (email + "\n" + kind).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Empty for a token that was not signed with this key, or that is not a token at all. */
    public Optional<Subscription> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 2);
            return parts.length == 2 ? Optional.of(new Subscription(parts[0], parts[1])) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
