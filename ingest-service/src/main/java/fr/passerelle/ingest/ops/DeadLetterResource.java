package fr.passerelle.ingest.ops;

import fr.passerelle.platform.deadletter.DeadLetter;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators' view of the pipeline's dead letters, for every topic. */
@Path("/api/v1/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterService deadLetters;

    public DeadLetterResource(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Lister les lettres mortes non rejouées (toutes les files, ou celle du topic donné,"
            + " ou celles d'une cause)")
    public Uni<List<DeadLetter>> list(@QueryParam("topic") String topic, @QueryParam("cause") String cause) {
        return deadLetters.pending(topic, cause);
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Path("/{id}/replay")
    @Operation(summary = "Rejouer une lettre morte une fois sa cause corrigée")
    public Uni<DeadLetter> replay(@PathParam("id") String id) {
        return deadLetters.replay(id);
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Path("/replay")
    @Operation(summary = "Rejouer toutes les lettres mortes (d'un topic, ou de tous ; d'une cause, ou de toutes)")
    public Uni<List<String>> replayAll(@QueryParam("topic") String topic, @QueryParam("cause") String cause) {
        return deadLetters.replayAll(topic, cause);
    }
}
