package fr.passerelle.platform.security;

import fr.passerelle.contracts.TokenClaims;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The two issuers whose tokens every service accepts, each with its own keys: Passerelle's own for
 * machine tokens (issuer {@link TokenClaims#MACHINE_ISSUER}, the one ingest signs with, and the public key
 * of {@code mp.jwt.verify.publickey.location}, {@code PASSERELLE_JWT_PUBLIC_KEY}) and, when configured, the people's OpenID Connect provider
 * ({@code passerelle.auth.people.issuer} and its JWKS {@code passerelle.auth.people.keys}).
 *
 * <p>A token is verified with the keys of the issuer it names, and only those: a token naming the
 * provider but signed with the machine key (or the reverse) is refused, as is any other issuer. The
 * claims read afterwards are the same for both ({@link TokenClaims}), so {@link Caller},
 * {@link OrganizationScope} and {@link RevokedTokenFilter} do not care who signed.
 *
 * <p>smallrye-jwt verifies one issuer with one key location; this replaces its principal factory (the
 * CDI alternative the Quarkus JWT guide documents) and hands each token to a factory of its issuer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TrustedIssuers extends JWTCallerPrincipalFactory {

    private final DefaultJWTCallerPrincipalFactory machine = new DefaultJWTCallerPrincipalFactory();
    // Each issuer has its own factory: smallrye caches the resolved keys in it.
    private final DefaultJWTCallerPrincipalFactory people = new DefaultJWTCallerPrincipalFactory();
    private final Optional<String> peopleIssuer;
    private final Optional<String> peopleKeys;

    @Inject
    public TrustedIssuers(@ConfigProperty(name = "passerelle.auth.people.issuer") Optional<String> peopleIssuer,
                          @ConfigProperty(name = "passerelle.auth.people.keys") Optional<String> peopleKeys) {
        this.peopleIssuer = peopleIssuer.map(String::strip).filter(issuer -> !issuer.isEmpty());
        this.peopleKeys = peopleKeys.map(String::strip).filter(keys -> !keys.isEmpty());
        if (this.peopleIssuer.isPresent() != this.peopleKeys.isPresent()) {
            throw new IllegalStateException("passerelle.auth.people.issuer (PASSERELLE_OIDC_ISSUER) and"
                    + " passerelle.auth.people.keys (PASSERELLE_OIDC_KEYS) go together: set both or neither");
        }
        if (this.peopleIssuer.isPresent() && this.peopleIssuer.get().equals(TokenClaims.MACHINE_ISSUER)) {
            throw new IllegalStateException("the people's issuer cannot be Passerelle's own (" + TokenClaims.MACHINE_ISSUER + ")");
        }
    }

    /** The people's provider, when one is trusted. */
    public Optional<String> peopleIssuer() {
        return peopleIssuer;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo machineContext) throws ParseException {
        if (peopleIssuer.isPresent() && peopleIssuer.get().equals(issuerOf(token))) {
            return people.parse(token, peopleContext(machineContext));
        }
        // Anything else is checked as a machine token: a foreign issuer fails the issuer check there.
        return machine.parse(token, machineContext(machineContext));
    }

    /** mp.jwt.verify.* with the issuer ingest signs with, whatever the configuration says. */
    private static JWTAuthContextInfo machineContext(JWTAuthContextInfo configured) {
        if (TokenClaims.MACHINE_ISSUER.equals(configured.getIssuedBy())) {
            return configured;
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo(configured);
        context.setIssuedBy(TokenClaims.MACHINE_ISSUER);
        return context;
    }

    /** The machine context (algorithms, clock skew, claims) with the provider's issuer and keys. */
    private JWTAuthContextInfo peopleContext(JWTAuthContextInfo machineContext) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(machineContext);
        context.setIssuedBy(peopleIssuer.get());
        context.setPublicVerificationKey(null);
        context.setPublicKeyContent(null);
        context.setPublicKeyLocation(peopleKeys.get());
        return context;
    }

    /** The {@code iss} the token claims, read before any verification only to choose the keys. */
    static String issuerOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return JsonUtil.parseJson(payload).get("iss") instanceof String issuer ? issuer : null;
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            return null;
        }
    }
}
