package fr.passerelle.publish.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets (the portals' API keys) with AES-256-GCM for storage, JDK crypto only.
 *
 * <p>Stored form: {@code enc:v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}. {@code v1} names the
 * scheme (AES-256-GCM, 96-bit random nonce, 128-bit tag); the key id is the first 8 hex digits of the
 * key's SHA-256, so a value says which key sealed it and the key can be rotated: configure the new one,
 * keep the old one among the previous keys until every value is sealed again. A context (what the value
 * belongs to) is authenticated with it, so a sealed value copied onto another row does not open.
 */
public final class SecretCipher {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final Map<String, Key> byId = new LinkedHashMap<>();

    private record Key(String id, SecretKeySpec spec) {
    }

    private SecretCipher(Key current, List<Key> previous) {
        this.current = current;
        byId.put(current.id(), current);
        previous.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    /**
     * @param hexKey the current key, 64 hex digits (32 bytes)
     * @param previousHexKeys keys values may still be sealed with, for a rotation
     * @throws InvalidKeyConfiguration when a key is missing or malformed; the message never quotes it
     */
    public static SecretCipher of(String hexKey, List<String> previousHexKeys) {
        return new SecretCipher(parse(hexKey, "the key"),
                previousHexKeys.stream().filter(k -> k != null && !k.isBlank()).map(k -> parse(k, "a previous key")).toList());
    }

    public static SecretCipher of(String hexKey) {
        return of(hexKey, List.of());
    }

    private static Key parse(String hexKey, String which) {
        if (hexKey == null || hexKey.isBlank()) {
            throw new InvalidKeyConfiguration(which + " is missing");
        }
        String hex = hexKey.strip();
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // The length only: a mistyped key may still be most of the real one.
            throw new InvalidKeyConfiguration(which + " must be 64 hexadecimal digits (32 bytes), got "
                    + hex.length() + " characters");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        return new Key(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    private static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return current.id();
    }

    /** True when the stored value is sealed (with any key), false for a legacy value kept in clear. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** True when the stored value is sealed with the current key: nothing to do for it at a rotation. */
    public boolean isSealedWithCurrentKey(String stored) {
        return isSealed(stored) && stored.startsWith(PREFIX + current.id() + ":");
    }

    public String seal(String clear, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, context);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + current.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * @throws UnreadableSecret when the value is not sealed, was sealed with an unknown key, or was
     *                          altered (or belongs to another context); the message never quotes it
     */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            throw new UnreadableSecret("not a sealed value");
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        Key key = colon < 0 ? null : byId.get(rest.substring(0, colon));
        if (key == null) {
            throw new UnreadableSecret("sealed with an unknown key (id "
                    + (colon < 0 ? "missing" : rest.substring(0, Math.min(colon, 16))) + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecret("sealed value is not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecret("sealed value is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
            byte[] clear = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecret("sealed value was altered, or belongs to another row");
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecret("sealed value could not be opened: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher cipher(int mode, Key key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A missing or malformed key in the configuration. */
    public static final class InvalidKeyConfiguration extends IllegalArgumentException {
        InvalidKeyConfiguration(String message) {
            super(message);
        }
    }

    /** A stored value that cannot be opened with the configured keys. */
    public static final class UnreadableSecret extends RuntimeException {
        UnreadableSecret(String message) {
            super(message);
        }
    }
}
