package fr.passerelle.quality.report;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
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

    public ReportResource(Reports reports, ObjectStore store, ReportDownloads downloads) {
        this.reports = reports;
        this.store = store;
        this.downloads = downloads;
    }

    @GET
    @Path("/{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire le rapport de contrôle d'un dépôt")
    public Response get(@PathParam("uploadId") String uploadId) {
        ObjectRef report = parse(uploadId).flatMap(reports::reportOf).orElseThrow(() -> ApiException.notFound(
                "unknown-report", "Aucun rapport n'existe (encore) pour le dépôt « " + uploadId + " »."));
        return Response.ok(store.open(report.bucket(), report.key()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{uploadId}/annotated.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Télécharger le fichier annoté (XLSX) : chaque cellule en erreur en rouge, avec son message")
    public Response annotatedXlsx(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_XLSX);
    }

    @GET
    @Path("/{uploadId}/annotated.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger le fichier annoté (CSV) : une première colonne « erreurs » pour chaque ligne")
    public Response annotatedCsv(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_CSV);
    }

    @GET
    @Path("/{uploadId}/errors.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la liste complète des erreurs (le rapport n'en montre que des exemples)")
    public Response errorList(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ERROR_LIST);
    }

    private Response download(String uploadId, ReportDownloads.Kind kind) {
        UUID id = parse(uploadId).orElseThrow(() -> ApiException.notFound(
                "unknown-report", "Aucun rapport n'existe (encore) pour le dépôt « " + uploadId + " »."));
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
