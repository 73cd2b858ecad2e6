package fr.passerelle.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A request that fails inside the service, on purpose, for the end-to-end test that every service
 * answers an unexpected failure with the house's JSON and logs its id. Answers 404 like any unknown
 * path unless {@value #ENABLED} is true, which only the local stack sets; never in production. No
 * {@code @Produces}: a browser asking for HTML must get the JSON error too, not a 406.
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
    public String fail() {
        if (!enabled) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        throw new IllegalStateException("Internal error probe: a failure on purpose (" + ENABLED + "=true)");
    }
}
