package fr.passerelle.ingest.decision;

import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Staff's answers to the questions of an upload, remembered per dataset. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final DatasetDecisions remembered;
    private final UploadService uploads;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, DatasetDecisions remembered, UploadService uploads, Caller caller) {
        this.decisions = decisions;
        this.remembered = remembered;
        this.uploads = uploads;
        this.caller = caller;
    }

    /** The body of {@code POST …/decisions}. */
    public record DecisionsRequest(List<DecisionService.Answer> decisions) {
    }

    /** The body of {@code PUT …/decisions/{id}}. */
    public record ChoiceRequest(String choice) {
    }

    @POST
    @Path("/uploads/{uploadId}/decisions")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Répondre aux questions d'un dépôt",
            description = "Les réponses (identifiants et choix proposés par le rapport) sont mémorisées pour le jeu de"
                    + " données et appliquées à ses prochains fichiers ; le même fichier est contrôlé de nouveau"
                    + " (un nouveau dépôt, sans nouvel envoi).")
    public Uni<Response> decide(@PathParam("uploadId") String uploadId, DecisionsRequest request, @Context UriInfo uri) {
        // The caller's organisation and roles are read now, while the request's scope is active for sure.
        java.util.Optional<String> mine = caller.organization();
        return uploads.find(uploadId)
                .invoke(upload -> {
                    if (mine.isEmpty() || !mine.get().equals(upload.organization())) {
                        throw ApiException.notFound("unknown-upload",
                                "Aucun dépôt ne porte l'identifiant « " + uploadId + " ».");
                    }
                })
                .chain(upload -> decisions.decide(upload, request == null ? null : request.decisions()))
                .map(recheck -> Response.accepted(recheck)
                        .location(uri.getBaseUriBuilder().path("api/v1/uploads/{id}").build(recheck.uploadId()))
                        .build());
    }

    @GET
    @Path("/organizations/{org}/datasets/{dataset}/decisions")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Les décisions mémorisées d'un jeu de données, appliquées à ses prochains fichiers")
    public Uni<List<RememberedDecision>> list(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return remembered.of(Slugs.require(organization, "l'organisation"), Slugs.require(dataset, "jeu de données"));
    }

    @PUT
    @Path("/organizations/{org}/datasets/{dataset}/decisions/{id}")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changer la réponse d'une décision mémorisée")
    public Uni<RememberedDecision> change(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                     @PathParam("id") String decisionId, ChoiceRequest request) {
        return decisions.change(Slugs.require(organization, "l'organisation"), Slugs.require(dataset, "jeu de données"),
                decisionId, request == null ? null : request.choice());
    }

    @DELETE
    @Path("/organizations/{org}/datasets/{dataset}/decisions/{id}")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Oublier une décision mémorisée : la question sera posée de nouveau")
    public Uni<Response> forget(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                @PathParam("id") String decisionId) {
        return decisions.forget(Slugs.require(organization, "l'organisation"), Slugs.require(dataset, "jeu de données"),
                decisionId).map(ignored -> Response.noContent().build());
    }
}
