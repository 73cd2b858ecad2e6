package fr.passerelle.ingest.dropzone;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.Slugs;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/organizations/{org}/datasets/{dataset}/drops")
@Produces(MediaType.APPLICATION_JSON)
public class DropResource {

    private final Drops drops;

    public DropResource(Drops drops) {
        this.drops = drops;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Derniers dépôts automatiques d'un jeu de données et ce qu'il en est advenu")
    public Uni<List<DropView>> recent(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return drops.recent(organization, dataset, Math.max(1, Math.min(limit, 500)));
    }
}
