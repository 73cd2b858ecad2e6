package fr.passerelle.ingest.token;

import fr.passerelle.contracts.TokenClaims;
import fr.passerelle.platform.web.ApiException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs the tokens Passerelle issues (RS256) with the private key of {@code PASSERELLE_JWT_PRIVATE_KEY}
 * (a PKCS#8 PEM file), whose public half every service verifies tokens with.
 *
 * <p>Without the key ingest still starts and takes uploads; only issuing tokens answers 503. Nothing
 * stored depends on the key, and uploads must not wait for the operator to fix it.
 */
@ApplicationScoped
public class TokenSigner {

    private static final Logger LOG = Logger.getLogger(TokenSigner.class);

    private final Optional<PrivateKey> key;
    private final String issuer;

    public TokenSigner(@ConfigProperty(name = "passerelle.tokens.signing-key") Optional<String> keyFile) {
        this.key = keyFile.filter(file -> !file.isBlank()).flatMap(TokenSigner::read);
        // Not configurable: the services trust this issuer, and only it, with the machine key (TrustedIssuers).
        this.issuer = TokenClaims.MACHINE_ISSUER;
        if (key.isEmpty()) {
            LOG.warn("No token signing key (passerelle.tokens.signing-key, environment variable"
                    + " PASSERELLE_JWT_PRIVATE_KEY: a PKCS#8 PEM file): POST .../tokens answers 503 until one is set");
        }
    }

    void onStart(@Observes StartupEvent start) {
        // Instantiated at start, so that a missing or unreadable key shows in the start-up log.
    }

    private static Optional<PrivateKey> read(String file) {
        try {
            return Optional.of(KeyUtils.decodePrivateKey(Files.readString(Path.of(file.strip()))));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.errorf("The token signing key %s cannot be read: %s", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public String sign(IssuedToken token) {
        PrivateKey signingKey = key.orElseThrow(() -> new ApiException(503, "token-signing-unavailable",
                "Passerelle ne peut pas délivrer de jeton pour l'instant : sa clé de signature n'est pas configurée.",
                "Prévenez l'équipe d'exploitation (variable PASSERELLE_JWT_PRIVATE_KEY du service ingest)."));
        return claims(issuer, token).sign(signingKey);
    }

    /** The claims every service reads: those of the platform's tokens (see platform's security package). */
    static JwtClaimsBuilder claims(String issuer, IssuedToken token) {
        return Jwt.issuer(issuer)
                .subject(token.subject())
                .upn(token.subject())
                .groups(new HashSet<>(token.roles()))
                .claim(TokenClaims.ORGANIZATION, token.organization())
                .claim("jti", token.id().toString())
                .issuedAt(token.issuedAt())
                .expiresAt(token.expiresAt());
    }
}
