package fr.passerelle.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A revoked token is refused like a forged one (the same French 401), on every endpoint of every
 * service, whatever its roles.
 */
public class RevokedTokenFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RevokedTokens revoked;

    // Pre-matching, so that it runs before the role checks: a revoked token is a 401, not a 403.
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> refuseRevoked() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return null;
            }
            if (revoked.isRevoked(jwt.getTokenID())) {
                // Mapped to the platform's 401; the reason goes to the log only.
                throw new AuthenticationFailedException("token " + jwt.getTokenID() + " of " + jwt.getName() + " is revoked");
            }
            return null;
        });
    }
}
