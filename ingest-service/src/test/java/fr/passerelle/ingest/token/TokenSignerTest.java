package fr.passerelle.ingest.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.security.TrustedIssuers;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An issued token, parsed back with the public key as every service verifies it. */
class TokenSignerTest {

    @TempDir
    static Path dir;

    private static KeyPair keys;
    private static Path privateKeyFile;

    @BeforeAll
    static void keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        // What the local stack generates: PKCS#8 PEM.
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        privateKeyFile = Files.writeString(dir.resolve("jwt-private.pem"), pem);
    }

    private static IssuedToken token(Instant issuedAt) {
        return new IssuedToken(UUID.randomUUID(), "grenoble", "agent@grenoble.fr", List.of("contributor", "publisher"),
                "personne", "admin@grenoble.fr", issuedAt, issuedAt.plus(Duration.ofDays(1)), null, null);
    }

    @Test
    void theTokenCarriesThePlatformsClaimsAndVerifiesWithThePublicKey() throws ParseException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedToken token = token(now);
        String signed = new TokenSigner(Optional.of(privateKeyFile.toString())).sign(token);

        JsonWebToken jwt = new DefaultJWTParser().verify(signed, keys.getPublic());

        assertEquals("passerelle", jwt.getIssuer());
        assertEquals("agent@grenoble.fr", jwt.getSubject());
        assertEquals("agent@grenoble.fr", jwt.getName(), "upn");
        assertEquals(Set.of("contributor", "publisher"), jwt.getGroups());
        assertEquals("grenoble", jwt.getClaim("org").toString().replace("\"", ""));
        assertEquals(token.id().toString(), jwt.getTokenID());
        assertEquals(now.getEpochSecond(), jwt.getIssuedAtTime());
        assertEquals(now.plus(Duration.ofDays(1)).getEpochSecond(), jwt.getExpirationTime());
        String header = new String(Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))));
        assertTrue(header.contains("\"RS256\""), header);
    }

    /**
     * The old bug: ingest signed with a fixed issuer while the services verified against
     * PASSERELLE_JWT_ISSUER, so pointing that at a people's provider refused every machine token.
     */
    @Test
    void itsTokensStayValidWhenTheServicesAlsoTrustAPeoplesProvider() throws Exception {
        Path publicKey = Files.writeString(dir.resolve("jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Path providerKeys = Files.writeString(dir.resolve("certs.json"), "{\"keys\":[]}");
        JWTAuthContextInfo services = new JWTAuthContextInfo();
        services.setPublicKeyLocation(publicKey.toString());
        services.setIssuedBy("http://127.0.0.1:8180/realms/passerelle");
        TrustedIssuers issuers = new TrustedIssuers(Optional.of("http://127.0.0.1:8180/realms/passerelle"),
                Optional.of(providerKeys.toString()));

        IssuedToken token = token(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        JsonWebToken jwt = issuers.parse(new TokenSigner(Optional.of(privateKeyFile.toString())).sign(token), services);

        assertEquals("passerelle", jwt.getIssuer());
        assertEquals(token.id().toString(), jwt.getTokenID());
    }

    @Test
    void anotherKeyPairDoesNotVerifyIt() throws Exception {
        String signed = new TokenSigner(Optional.of(privateKeyFile.toString()))
                .sign(token(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        assertThrows(ParseException.class, () -> new DefaultJWTParser().verify(signed, other.getPublic()));
    }

    @Test
    void withoutAKeyIssuingAnswers503() {
        for (TokenSigner signer : List.of(new TokenSigner(Optional.empty()),
                new TokenSigner(Optional.of(dir.resolve("absent.pem").toString())))) {
            ApiException refusal = assertThrows(ApiException.class, () -> signer.sign(token(Instant.now())));
            assertEquals(503, refusal.status());
        }
    }
}
