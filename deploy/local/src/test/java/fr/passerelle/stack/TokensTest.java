package fr.passerelle.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    Path dir;

    @Test
    void theKeyPairIsMadeOnceWithAPrivateKeyOnlyItsOwnerReads() throws Exception {
        assertTrue(Tokens.ensureKeys(dir));
        String first = Files.readString(dir.resolve(Tokens.PUBLIC_KEY));
        assertFalse(Tokens.ensureKeys(dir), "a second up keeps the keys: tokens already issued stay valid");
        assertEquals(first, Files.readString(dir.resolve(Tokens.PUBLIC_KEY)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Tokens.PRIVATE_KEY))));
        assertTrue(first.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void aTokenCarriesTheClaimsTheServicesReadAndVerifiesWithThePublicKey() throws Exception {
        Tokens.ensureKeys(dir);
        String token = Tokens.sign(Tokens.readPrivateKey(dir.resolve(Tokens.PRIVATE_KEY)), "agent@ville.fr", "ville",
                List.of("contributor", "publisher"), Duration.ofHours(1));
        JwtClaims claims = consumer(publicKey(dir)).processToClaims(token);
        assertEquals("passerelle", claims.getIssuer());
        assertEquals("agent@ville.fr", claims.getSubject());
        assertEquals("agent@ville.fr", claims.getClaimValueAsString("upn"));
        assertEquals("ville", claims.getClaimValueAsString("org"));
        assertEquals(List.of("contributor", "publisher"), claims.getStringListClaimValue("groups"));
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
    }

    @Test
    void anOpsTokenHasNoOrganisation() throws Exception {
        Tokens.ensureKeys(dir);
        String token = Tokens.sign(Tokens.readPrivateKey(dir.resolve(Tokens.PRIVATE_KEY)), "exploitation", null,
                List.of("ops"), Duration.ofHours(1));
        assertFalse(consumer(publicKey(dir)).processToClaims(token).hasClaim("org"));
    }

    @Test
    void anExpiredTokenOrOneSignedByAnotherKeyIsRefused() throws Exception {
        Tokens.ensureKeys(dir);
        Instant now = Instant.now();
        String expired = Tokens.sign(Tokens.readPrivateKey(dir.resolve(Tokens.PRIVATE_KEY)), "a@b.fr", "ville",
                List.of("contributor"), now.minusSeconds(3600), now.minusSeconds(60));
        assertThrows(InvalidJwtException.class, () -> consumer(publicKey(dir)).processToClaims(expired));
        String forged = Tokens.sign(Tokens.newKeyPair().getPrivate(), "a@b.fr", "ville", List.of("contributor"),
                Duration.ofHours(1));
        assertThrows(InvalidJwtException.class, () -> consumer(publicKey(dir)).processToClaims(forged));
    }

    private static JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer("passerelle")
                .setVerificationKey(key).build();
    }

    private static PublicKey publicKey(Path dir) throws Exception {
        String base64 = Files.readString(dir.resolve(Tokens.PUBLIC_KEY))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
