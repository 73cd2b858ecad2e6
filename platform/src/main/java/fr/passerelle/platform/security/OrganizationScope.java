package fr.passerelle.platform.security;

import fr.passerelle.platform.web.ApiError;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The second half of every permission: a role is only worth something in the token's own
 * organisation. Any endpoint with {@code {org}} in its path and {@code @RolesAllowed} refuses a token
 * of another organisation with the same 403, whether or not the dataset exists there.
 */
public class OrganizationScope {

    private static final Logger LOG = Logger.getLogger(OrganizationScope.class);
    static final String PATH_PARAMETER = "org";

    @Inject
    CurrentIdentityAssociation identities;

    @ConfigProperty(name = "passerelle.auth.organization-claim", defaultValue = "org")
    String organizationClaim;

    @ServerRequestFilter
    public Uni<Response> checkOrganization(ContainerRequestContext request, ResourceInfo resource) {
        if (!isOrganizationScoped(resource.getResourceMethod(), resource.getResourceClass())) {
            return Uni.createFrom().nullItem();
        }
        String requested = request.getUriInfo().getPathParameters().getFirst(PATH_PARAMETER);
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return null; // the role check answers 401
            }
            String own = Caller.organizationOf(identity, organizationClaim).orElse(null);
            if (requested != null && requested.equals(own)) {
                return null;
            }
            LOG.infof("Refused %s %s to %s of organisation %s", request.getMethod(),
                    request.getUriInfo().getPath(), identity.getPrincipal().getName(), own);
            return forbidden();
        });
    }

    static boolean isOrganizationScoped(Method method, Class<?> type) {
        if (method == null || !pathHasOrganization(method, type)) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        return method.isAnnotationPresent(RolesAllowed.class)
                || (type != null && type.isAnnotationPresent(RolesAllowed.class));
    }

    private static boolean pathHasOrganization(Method method, Class<?> type) {
        String marker = "{" + PATH_PARAMETER + "}";
        jakarta.ws.rs.Path onMethod = method.getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path onType = type == null ? null : type.getAnnotation(jakarta.ws.rs.Path.class);
        return (onMethod != null && onMethod.value().contains(marker))
                || (onType != null && onType.value().contains(marker));
    }

    static Response forbidden() {
        return SecurityAnswers.forbidden("another organisation or a missing role");
    }
}
