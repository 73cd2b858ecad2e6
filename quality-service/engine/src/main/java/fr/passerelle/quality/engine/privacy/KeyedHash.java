package fr.passerelle.quality.engine.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA-256 of a value keyed by the caller's salt, as hexadecimal truncated to
 * {@value #HEX_CHARS} characters. Keyed, not a bare SHA-256: phone numbers and NIRs are few enough to
 * be hashed exhaustively, so without the secret anyone could reverse the hashes. 64 bits keep
 * collisions unlikely below billions of distinct values. One instance per run: {@link Mac} is not
 * thread-safe.
 */
final class KeyedHash {

    static final int HEX_CHARS = 16;

    private final Mac mac;

    KeyedHash(String salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            // Every Java runtime ships HmacSHA256.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The value's hash; an empty cell stays empty, so that "no value" is still visible. */
    String hash(String value) {
        if (value.isEmpty()) {
            return value;
        }
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
    }
}
