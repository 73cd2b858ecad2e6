package fr.passerelle.quality.report;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.security.Caller;
import java.util.Optional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reports")
public class ReportResource {

    private final Reports reports;
    private final ObjectStore store;
    private final ReportDownloads downloads;
    private final Caller caller;

    public ReportResource(Reports reports, ObjectStore store, ReportDownloads downloads, Caller caller) {
        this.caller = caller;
        this.reports = reports;
        this.store = store;
        this.downloads = downloads;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire le rapport de contrôle d'un dépôt")
    public Response get(@PathParam("uploadId") String uploadId) {
        ObjectRef report = visible(uploadId).flatMap(reports::reportOf).orElseThrow(() -> unknown(uploadId));
        return Response.ok(store.open(report.bucket(), report.key()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/annotated.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Télécharger le fichier annoté (XLSX) : chaque cellule en erreur en rouge, avec son message")
    public Response annotatedXlsx(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_XLSX);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/annotated.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger le fichier annoté (CSV) : une première colonne « erreurs » pour chaque ligne")
    public Response annotatedCsv(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_CSV);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/errors.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la liste complète des erreurs (le rapport n'en montre que des exemples)")
    public Response errorList(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ERROR_LIST);
    }

    /** The upload's id when its report belongs to the caller's organisation: another's is like none at all. */
    private Optional<UUID> visible(String uploadId) {
        return parse(uploadId).filter(id -> reports.organizationOf(id).map(caller::belongsTo).orElse(false));
    }

    private static ApiException unknown(String uploadId) {
        return ApiException.notFound("unknown-report", "Aucun rapport n'existe (encore) pour le dépôt « " + uploadId + " ».");
    }

    private Response download(String uploadId, ReportDownloads.Kind kind) {
        UUID id = visible(uploadId).orElseThrow(() -> unknown(uploadId));
        ReportDownloads.Download file = downloads.make(id, kind);
        return Response.ok(file.body(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }

    private static java.util.Optional<UUID> parse(String uploadId) {
        try {
            return java.util.Optional.of(UUID.fromString(uploadId));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
