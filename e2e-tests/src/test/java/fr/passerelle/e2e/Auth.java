package fr.passerelle.e2e;

import fr.passerelle.stack.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tokens for the tests, signed like {@code ./passerelle token} with the stack's key
 * ({@code .passerelle/keys/jwt-private.pem}), plus the bad ones the authorisation tests send.
 */
final class Auth {

    static final List<String> ALL_ROLES = List.of("contributor", "publisher", "admin");
    private static final Duration VALIDITY = Duration.ofHours(2);
    private static PrivateKey key;
    private static PrivateKey otherKey;

    private Auth() {
    }

    /** An agent of {@code organization} with every role of an organisation: what most tests act as. */
    static String staff(String organization) {
        return token(organization, ALL_ROLES);
    }

    static String token(String organization, List<String> roles) {
        return Tokens.sign(key(), "agent@" + organization + ".fr", organization, roles, VALIDITY);
    }

    static String as(String subject, String organization, String... roles) {
        return Tokens.sign(key(), subject, organization, List.of(roles), VALIDITY);
    }

    static String ops() {
        return Tokens.sign(key(), "exploitation@passerelle.fr", null, List.of("ops"), VALIDITY);
    }

    /** Right claims, but expired a minute ago. */
    static String expired(String organization, List<String> roles) {
        Instant now = Instant.now();
        return Tokens.sign(key(), "agent@" + organization + ".fr", organization, roles,
                now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)));
    }

    /** Right claims, signed by a key that is not the stack's. */
    static String forged(String organization, List<String> roles) {
        return Tokens.sign(otherKey(), "agent@" + organization + ".fr", organization, roles, VALIDITY);
    }

    /** A request with this token. */
    static RequestSpecification with(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request sent without any token (the test filter adds none). */
    static RequestSpecification anonymous() {
        return RestAssured.given().header(StaffTokenFilter.ANONYMOUS, "true");
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            Path pem = Stack.home().resolve("keys").resolve(Tokens.PRIVATE_KEY);
            try {
                key = Tokens.readPrivateKey(pem);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read " + pem + ": is the stack up?", e);
            }
        }
        return key;
    }

    private static synchronized PrivateKey otherKey() {
        if (otherKey == null) {
            try {
                otherKey = Tokens.newKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return otherKey;
    }
}
