package fr.passerelle.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A request that fails inside the service, on purpose, for the end-to-end test that every service
 * answers an unexpected failure with the house's JSON and logs its id. Answers 404 like any unknown
 * path unless {@value #ENABLED} is true, which only the local stack sets; never in production. It produces
 * anything ({@code String} would mean text/plain only): a browser asking for HTML must reach the
 * failure and get the JSON error too, not a 406.
 */
@Path("/api/v1/diagnostics/internal-error")
public class InternalErrorProbe {

    static final String ENABLED = "passerelle.diagnostics.internal-error-probe";

    private final boolean enabled;

    public InternalErrorProbe(@ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @GET
    @PermitAll
    @Operation(hidden = true)
    @Produces(MediaType.WILDCARD)
    public Response fail() {
        if (!enabled) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        throw new IllegalStateException("Internal error probe: a failure on purpose (" + ENABLED + "=true)");
    }
}
