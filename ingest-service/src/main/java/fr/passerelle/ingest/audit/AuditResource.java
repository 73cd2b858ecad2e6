package fr.passerelle.ingest.audit;

import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An organisation's audit log, for its admins (the organisation scope refuses another organisation's token). */
@Path("/api/v1/organizations/{org}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Journal d'audit de l'organisation : qui a déposé, approuvé, modifié des métadonnées, des"
            + " cibles ou des réglages, quand et d'où ; du plus récent au plus ancien",
            description = "limit : 100 par défaut, 1000 au plus ; before : un instant ISO 8601 (l'occurredAt de la"
                    + " dernière entrée reçue) pour la page suivante, aussi donnée dans l'en-tête Link rel=\"next\".")
    public Uni<Response> list(@PathParam("org") String organization, @QueryParam("limit") String limit,
                         @QueryParam("before") String before, @Context UriInfo uri) {
        Slugs.require(organization, "l'organisation");
        AuditPage page = AuditPage.of(limit, before);
        return log.page(organization, page).map(entries -> {
            Response.ResponseBuilder response = Response.ok(entries);
            if (entries.size() == page.limit()) {
                response.link(uri.getRequestUriBuilder()
                        .replaceQueryParam("limit", page.limit())
                        .replaceQueryParam("before", entries.get(entries.size() - 1).occurredAt().toString())
                        .build(), "next");
            }
            return response.build();
        });
    }
}
