package fr.passerelle.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.passerelle.contracts.TokenClaims;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine tokens and people's tokens side by side, each only with its own issuer's keys. */
class TrustedIssuersTest {

    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/passerelle";

    @TempDir
    static Path dir;
    private static KeyPair machineKey;
    private static KeyPair peopleKey;
    private static JWTAuthContextInfo machineContext;
    private static String peopleJwks;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        machineKey = generator.generateKeyPair();
        peopleKey = generator.generateKeyPair();
        Path machinePem = Files.writeString(dir.resolve("jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(machineKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) peopleKey.getPublic());
        jwk.setKeyId("realm-key");
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        peopleJwks = Files.writeString(dir.resolve("certs.json"),
                new JsonWebKeySet(List.of((JsonWebKey) jwk)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toString();
        // What the services configure: mp.jwt.verify.publickey.location, and (the old bug) an issuer
        // set to the provider's, which used to refuse ingest's own tokens.
        machineContext = new JWTAuthContextInfo();
        machineContext.setPublicKeyLocation(machinePem.toString());
        machineContext.setIssuedBy(KEYCLOAK);
    }

    private static String sign(KeyPair key, String keyId, String issuer, String organization, String... roles) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("marie@demo.fr");
        claims.setClaim(TokenClaims.NAME, "marie@demo.fr");
        claims.setClaim(TokenClaims.ORGANIZATION, organization);
        claims.setStringListClaim(TokenClaims.ROLES, List.of(roles));
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static TrustedIssuers withKeycloak() {
        return new TrustedIssuers(Optional.of(KEYCLOAK), Optional.of(peopleJwks));
    }

    @Test
    void machineTokensAreAcceptedWhateverIssuerTheConfigurationNames() throws Exception {
        String token = sign(machineKey, null, TokenClaims.MACHINE_ISSUER, "demo", "contributor");
        for (TrustedIssuers issuers : List.of(withKeycloak(), new TrustedIssuers(Optional.empty(), Optional.empty()))) {
            JWTCallerPrincipal principal = issuers.parse(token, machineContext);
            assertEquals(TokenClaims.MACHINE_ISSUER, principal.getIssuer());
            assertEquals(Set.of("contributor"), principal.getGroups());
            assertEquals("demo", String.valueOf((Object) principal.getClaim(TokenClaims.ORGANIZATION)).replace("\"", ""));
        }
    }

    @Test
    void peoplesTokensAreAcceptedWithTheProvidersKeys() throws Exception {
        String token = sign(peopleKey, "realm-key", KEYCLOAK, "demo", "publisher");
        JWTCallerPrincipal principal = withKeycloak().parse(token, machineContext);
        assertEquals(KEYCLOAK, principal.getIssuer());
        assertEquals("marie@demo.fr", principal.getName());
        assertEquals(Set.of("publisher"), principal.getGroups());
    }

    @Test
    void eachIssuerOnlyWithItsOwnKeys() throws Exception {
        TrustedIssuers issuers = withKeycloak();
        // The provider's name signed with the machine key, and Passerelle's name with the provider's key.
        assertThrows(ParseException.class, () -> issuers.parse(sign(machineKey, "realm-key", KEYCLOAK, "demo", "admin"), machineContext));
        assertThrows(ParseException.class, () -> issuers.parse(sign(peopleKey, "realm-key", TokenClaims.MACHINE_ISSUER, "demo", "admin"), machineContext));
    }

    @Test
    void anotherIssuerIsRefusedEvenWithAKnownKey() throws Exception {
        assertThrows(ParseException.class, () -> withKeycloak().parse(
                sign(machineKey, null, "https://ailleurs.example/realms/x", "demo", "admin"), machineContext));
        assertThrows(ParseException.class, () -> new TrustedIssuers(Optional.empty(), Optional.empty()).parse(
                sign(peopleKey, "realm-key", KEYCLOAK, "demo", "admin"), machineContext));
    }

    @Test
    void anIssuerWithoutKeysIsAConfigurationError() {
        assertThrows(IllegalStateException.class, () -> new TrustedIssuers(Optional.of(KEYCLOAK), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> new TrustedIssuers(Optional.of(TokenClaims.MACHINE_ISSUER), Optional.of(peopleJwks)));
    }
}
