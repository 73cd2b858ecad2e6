package fr.passerelle.platform.security;

import fr.passerelle.platform.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sent the current request, from its verified token: subject, organisation and roles, and the
 * address it came from (for the audit log).
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @ConfigProperty(name = "passerelle.auth.organization-claim", defaultValue = "org")
    String organizationClaim;

    /** The token's subject (a person's e-mail, a machine token's name), or "anonyme". */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonyme";
        }
        return identity.getPrincipal().getName();
    }

    /** The organisation the token belongs to; empty for ops tokens and anonymous requests. */
    public Optional<String> organization() {
        return organizationOf(identity, organizationClaim);
    }

    static Optional<String> organizationOf(SecurityIdentity identity, String claim) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        String organization = value.toString().replaceAll("^\"|\"$", "");
        return organization.isBlank() ? Optional.empty() : Optional.of(organization);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean belongsTo(String organization) {
        return organization != null && organization().map(organization::equals).orElse(false);
    }

    /**
     * For resources found by id (an upload, a report): one of another organisation is answered exactly
     * like one that does not exist, so that nobody learns what other organisations hold.
     */
    public void requireMemberOf(String organization, Supplier<ApiException> notFound) {
        if (!belongsTo(organization)) {
            throw notFound.get();
        }
    }

    /** The client's address: the proxy's X-Forwarded-For first entry where Quarkus trusts it, else the socket's. */
    public String address() {
        RoutingContext context = request.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return "inconnue";
        }
        return context.request().remoteAddress().hostAddress();
    }

    /** The token's id ({@code jti}), when it has one: what revocation is keyed on. */
    public Optional<String> tokenId() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.ofNullable(jwt.getTokenID());
    }
}
