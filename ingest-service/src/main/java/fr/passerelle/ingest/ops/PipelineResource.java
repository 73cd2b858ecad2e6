package fr.passerelle.ingest.ops;

import fr.passerelle.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** Operators' view of the whole pipeline: each service's health, each consumer group's lag. */
@Path("/api/v1/ops/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private static final Logger LOG = Logger.getLogger(PipelineResource.class);

    private final ServiceHealthProbe health;
    private final ConsumerLagReader lag;

    public PipelineResource(ServiceHealthProbe health, ConsumerLagReader lag) {
        this.health = health;
        this.lag = lag;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Santé de chaque service et retard de chaque groupe de consommateurs")
    public PipelineView pipeline() {
        List<ServiceHealth> services = health.all();
        try {
            return new PipelineView(Instant.now(), services, lag.all(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.warnf("Consumer lag unavailable: %s (%s)", e, cause);
            return new PipelineView(Instant.now(), services, List.of(),
                    "Kafka n'a pas donné les positions des consommateurs (" + e.getClass().getSimpleName() + ").");
        }
    }
}
