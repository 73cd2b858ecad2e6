package fr.passerelle.notification.webhook;

import fr.passerelle.notification.db.LocalPostgres;
import fr.passerelle.contracts.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The local stack's PostgreSQL, and a machine-token key of this test run: the API tests sign tokens as ingest does
 * (issuer {@code passerelle}, {@code upn}, {@code groups}, {@code org}), so the requests go through the service's real
 * token check, roles and organisation scope.
 */
public class SignedTokens extends LocalPostgres {

    /** Where the test finds the private key: the resource and the test class live in different class loaders. */
    static final String PRIVATE_KEY = "passerelle.test.token-private-key";

    @Override
    public Map<String, String> start() {
        KeyPair keys = keys();
        Map<String, String> config = new HashMap<>(super.start());
        // Inline: in test mode smallrye-jwt sets an in-memory key of its own as mp.jwt.verify.publickey, which would win
        // over a location.
        config.put("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put(PRIVATE_KEY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        return config;
    }

    /** A bearer token of {@code login} in {@code organization} with {@code roles}. */
    static String token(String login, String organization, List<String> roles) {
        Instant now = Instant.now();
        String claims = "{\"iss\":\"" + TokenClaims.MACHINE_ISSUER + "\",\"" + TokenClaims.NAME + "\":\"" + login
                + "\",\"sub\":\"" + login + "\",\"" + TokenClaims.ROLES + "\":["
                + roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",")) + "],\""
                + TokenClaims.ORGANIZATION + "\":\"" + organization + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plusSeconds(600).getEpochSecond() + "}";
        String unsigned = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(ConfigProvider.getConfig().getValue(PRIVATE_KEY, String.class)))));
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
