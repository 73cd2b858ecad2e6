package fr.passerelle.ingest.upload;

import fr.passerelle.ingest.limits.UploadRateLimiter;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final UploadService uploads;
    private final UploadRateLimiter rate;
    private final Caller caller;
    private final ReactiveAuditTrail audit;

    public UploadResource(UploadService uploads, UploadRateLimiter rate, Caller caller, ReactiveAuditTrail audit) {
        this.uploads = uploads;
        this.rate = rate;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Path("/organizations/{org}/datasets/{dataset}/uploads")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Déposer un fichier pour un jeu de données",
            description = "Le fichier est conservé tel quel puis contrôlé, mis en qualité et publié. Avec un en-tête"
                    + " Idempotency-Key, la même demande renvoyée (réponse perdue, délai dépassé) reçoit le même dépôt"
                    + " au lieu d'en créer un second.")
    public Uni<Response> upload(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                           @RestForm("file") FileUpload file, @RestForm("schema") String schema,
                           @RestHeader("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        Slugs.require(organization, "l'organisation");
        rate.acquire(organization);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file-required", "Aucun fichier n'a été joint à la demande.",
                    "Envoyez le fichier dans le champ « file » d'un formulaire multipart/form-data,"
                            + " par exemple : curl -F file=@donnees.csv -F schema=stationnement-cyclable …");
        }
        String key = IdempotencyKey.parse(idempotencyKey);
        // The file is on disk already (the HTTP layer streamed it there); its copy to S3 runs on a worker.
        return uploads.receiveOnce(organization, dataset, schema, file.fileName(), file.uploadedFile(), "upload",
                audit.caller(), key).map(received -> received.repeated()
                        // As Stripe and others answer a repeated request: the same answer, said to be a repeat.
                        ? Response.fromResponse(accepted(received.upload(), uri)).header("Idempotent-Replayed", "true")
                                .build()
                        : accepted(received.upload(), uri));
    }

    private static Response accepted(UploadView view, UriInfo uri) {
        return Response.accepted(view)
                .location(uri.getBaseUriBuilder().path("api/v1/uploads/{id}").build(view.uploadId()))
                .build();
    }

    @POST
    @Path("/uploads/{uploadId}/recheck")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Contrôler de nouveau le fichier d'un dépôt",
            description = "Après avoir choisi quoi faire des données personnelles ou des colonnes (réglages du jeu de"
                    + " données, service qualité) : un nouveau dépôt du même fichier, qui suit tout le parcours.")
    public Uni<Response> recheck(@PathParam("uploadId") String uploadId, @Context UriInfo uri) {
        var actor = audit.caller();
        return visible(uploadId).chain(ignored -> uploads.recheck(uploadId, actor)).map(view -> accepted(view, uri));
    }

    @GET
    @Path("/uploads/{uploadId}")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Suivre un dépôt", description = "Statut, étapes franchies, rapport et lien public.")
    public Uni<UploadView> get(@PathParam("uploadId") String uploadId) {
        return visible(uploadId);
    }

    @GET
    @Path("/organizations/{org}/uploads/last-of-each-dataset")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Le dernier dépôt de chaque jeu de données de l'organisation",
            description = "Y compris les jeux de données dont aucun fichier n'a encore été accepté : le catalogue ne"
                    + " les connaît pas.")
    public Uni<java.util.List<LastUpload>> lastOfEachDataset(@PathParam("org") String organization) {
        Slugs.require(organization, "l'organisation");
        return uploads.lastOfEachDataset(organization);
    }

    /** An upload of another organisation is answered like one that does not exist. */
    Uni<UploadView> visible(String uploadId) {
        // The caller's organisation is read now, while the request's scope is active for sure.
        java.util.Optional<String> mine = caller.organization();
        return uploads.find(uploadId).invoke(view -> {
            if (mine.isEmpty() || !mine.get().equals(view.organization())) {
                throw UploadService.unknownUpload(uploadId);
            }
        });
    }
}
