package fr.passerelle.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals in French and in the same shape as every other error. A missing, expired and forged token
 * get the same answer: telling them apart would help whoever forges one.
 */
public class SecurityExceptionMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return SecurityAnswers.unauthorized("no token");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        // Why it failed (expired, bad signature, wrong issuer) is for the logs only.
        return SecurityAnswers.unauthorized("token refused: " + rootMessage(e));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return SecurityAnswers.forbidden("missing role");
    }

    static Response unauthorized() {
        return SecurityAnswers.unauthorized("no valid token");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
