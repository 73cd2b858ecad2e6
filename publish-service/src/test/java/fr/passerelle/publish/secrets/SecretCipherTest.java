package fr.passerelle.publish.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String OTHER_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    private static final String API_KEY = "eyJhbGciOiJIUzUxMiJ9.udata-key-of-grenoble";
    private static final String CONTEXT = "remote_target:grenoble/velos/udata";

    private final SecretCipher cipher = SecretCipher.of(KEY);

    @Test
    void roundTrip() {
        String sealed = cipher.seal(API_KEY, CONTEXT);
        assertEquals(API_KEY, cipher.open(sealed, CONTEXT));
        assertTrue(sealed.startsWith("enc:v1:" + cipher.currentKeyId() + ":"), sealed);
        assertFalse(sealed.contains(API_KEY));
    }

    @Test
    void roundTripOfNonAsciiAndEmpty() {
        assertEquals("clé-é€", cipher.open(cipher.seal("clé-é€", CONTEXT), CONTEXT));
        assertEquals("", cipher.open(cipher.seal("", CONTEXT), CONTEXT));
    }

    @Test
    void twoSealsOfTheSameKeyDiffer() {
        String first = cipher.seal(API_KEY, CONTEXT);
        String second = cipher.seal(API_KEY, CONTEXT);
        assertNotEquals(first, second);
        // Different nonces, not only different encodings.
        assertNotEquals(payload(first).substring(0, 16), payload(second).substring(0, 16));
    }

    @Test
    void tamperedCiphertextIsRefused() {
        String sealed = cipher.seal(API_KEY, CONTEXT);
        byte[] bytes = Base64.getUrlDecoder().decode(payload(sealed));
        for (int position : new int[] {0, 12, bytes.length - 1}) {
            byte[] altered = bytes.clone();
            altered[position] ^= 0x01;
            String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThrows(SecretCipher.UnreadableSecret.class, () -> cipher.open(tampered, CONTEXT), "byte " + position);
        }
        assertThrows(SecretCipher.UnreadableSecret.class, () -> cipher.open(sealed.substring(0, sealed.length() - 30), CONTEXT));
        assertThrows(SecretCipher.UnreadableSecret.class, () -> cipher.open(sealed + "!!", CONTEXT));
    }

    @Test
    void aValueCopiedOntoAnotherTargetIsRefused() {
        String sealed = cipher.seal(API_KEY, CONTEXT);
        assertThrows(SecretCipher.UnreadableSecret.class,
                () -> cipher.open(sealed, "remote_target:lyon/velos/udata"));
    }

    @Test
    void wrongKeyIsRefused() {
        String sealed = cipher.seal(API_KEY, CONTEXT);
        SecretCipher other = SecretCipher.of(OTHER_KEY);
        var refusal = assertThrows(SecretCipher.UnreadableSecret.class, () -> other.open(sealed, CONTEXT));
        assertTrue(refusal.getMessage().contains("unknown key"), refusal.getMessage());
        // Even when the key id is forged to match, the tag check refuses it.
        String forged = sealed.replace(cipher.currentKeyId(), other.currentKeyId());
        assertThrows(SecretCipher.UnreadableSecret.class, () -> other.open(forged, CONTEXT));
    }

    @Test
    void aPreviousKeyStillOpensAfterARotation() {
        String sealedWithOld = cipher.seal(API_KEY, CONTEXT);
        SecretCipher rotated = SecretCipher.of(OTHER_KEY, List.of(KEY));
        assertEquals(API_KEY, rotated.open(sealedWithOld, CONTEXT));
        assertFalse(rotated.isSealedWithCurrentKey(sealedWithOld));
        assertTrue(rotated.isSealedWithCurrentKey(rotated.seal(API_KEY, CONTEXT)));
    }

    @Test
    void clearLegacyValueIsDetected() {
        assertFalse(SecretCipher.isSealed(API_KEY));
        assertFalse(SecretCipher.isSealed("a1b2c3d4e5f6"));
        assertFalse(cipher.isSealedWithCurrentKey(API_KEY));
        assertTrue(SecretCipher.isSealed(cipher.seal(API_KEY, CONTEXT)));
        assertThrows(SecretCipher.UnreadableSecret.class, () -> cipher.open(API_KEY, CONTEXT));
    }

    @Test
    void missingOrMalformedKeysAreRefusedWithoutQuotingThem() {
        assertThrows(SecretCipher.InvalidKeyConfiguration.class, () -> SecretCipher.of(null));
        assertThrows(SecretCipher.InvalidKeyConfiguration.class, () -> SecretCipher.of("  "));
        assertThrows(SecretCipher.InvalidKeyConfiguration.class, () -> SecretCipher.of(KEY.substring(2)));
        String notHex = "zz" + KEY.substring(2);
        var refusal = assertThrows(SecretCipher.InvalidKeyConfiguration.class, () -> SecretCipher.of(notHex));
        assertFalse(refusal.getMessage().contains(KEY.substring(2, 20)), refusal.getMessage());
        assertThrows(SecretCipher.InvalidKeyConfiguration.class, () -> SecretCipher.of(KEY, List.of("abc")));
        // Surrounding whitespace (a trailing newline in an env file) is tolerated.
        assertEquals(cipher.currentKeyId(), SecretCipher.of(" " + KEY + "\n").currentKeyId());
    }

    private static String payload(String sealed) {
        return sealed.substring(sealed.lastIndexOf(':') + 1);
    }
}
