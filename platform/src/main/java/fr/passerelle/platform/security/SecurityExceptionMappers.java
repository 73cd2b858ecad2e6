package fr.passerelle.platform.security;

import fr.passerelle.platform.web.ApiError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals in French and in the same shape as every other error. A missing, expired and forged token
 * get the same answer: telling them apart would help whoever forges one.
 */
public class SecurityExceptionMappers {

    private static final Logger LOG = Logger.getLogger(SecurityExceptionMappers.class);

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        // Why it failed (expired, bad signature, wrong issuer) is for the logs only.
        LOG.infof("Token refused: %s", rootMessage(e));
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return OrganizationScope.forbidden();
    }

    static Response unauthorized() {
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("authentification-requise",
                        "Un jeton valide est nécessaire : il manque, il a expiré ou il n'a pas été émis par Passerelle.",
                        "Envoyez l'en-tête « Authorization: Bearer <jeton> » avec un jeton en cours de validité ; "
                                + "l'administrateur de votre organisation peut vous en délivrer un."))
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
