package fr.passerelle.quality.report;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.security.Caller;
import java.util.Optional;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
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
    private final RoutingContext routing;
    private final Vertx vertx;

    public ReportResource(Reports reports, ObjectStore store, ReportDownloads downloads, Caller caller,
                          RoutingContext routing, Vertx vertx) {
        this.caller = caller;
        this.routing = routing;
        this.vertx = vertx;
        this.reports = reports;
        this.store = store;
        this.downloads = downloads;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire le rapport de contrôle d'un dépôt")
    public Uni<Response> get(@PathParam("uploadId") String uploadId) {
        return visible(uploadId)
                .chain(id -> id.isEmpty() ? Uni.createFrom().item(Optional.<ObjectRef>empty()) : reports.reportOf(id.get()))
                .chain(found -> {
                    ObjectRef report = found.orElseThrow(() -> unknown(uploadId));
                    // The object store's client blocks: read on a worker (a report is a small JSON document).
                    return Work.blocking(() -> {
                        try (InputStream in = store.open(report.bucket(), report.key())) {
                            return in.readAllBytes();
                        }
                    });
                })
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/annotated.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Télécharger le fichier annoté (XLSX) : chaque cellule en erreur en rouge, avec son message")
    public Uni<Response> annotatedXlsx(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_XLSX);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/annotated.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger le fichier annoté (CSV) : une première colonne « erreurs » pour chaque ligne")
    public Uni<Response> annotatedCsv(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ANNOTATED_CSV);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{uploadId}/errors.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la liste complète des erreurs (le rapport n'en montre que des exemples)")
    public Uni<Response> errorList(@PathParam("uploadId") String uploadId) {
        return download(uploadId, ReportDownloads.Kind.ERROR_LIST);
    }

    /** The upload's id when its report belongs to the caller's organisation: another's is like none at all. */
    private Uni<Optional<UUID>> visible(String uploadId) {
        Optional<UUID> id = parse(uploadId);
        if (id.isEmpty()) {
            return Uni.createFrom().item(id);
        }
        // The caller's organisation is read now, while the request's scope is active for sure.
        java.util.function.Predicate<String> belongs = caller::belongsTo;
        return reports.organizationOf(id.get()).map(organization -> organization.filter(belongs).flatMap(ignored -> id));
    }

    private static ApiException unknown(String uploadId) {
        return ApiException.notFound("unknown-report", "Aucun rapport n'existe (encore) pour le dépôt « " + uploadId + " ».");
    }

    private Uni<Response> download(String uploadId, ReportDownloads.Kind kind) {
        return visible(uploadId).chain(id -> downloads.make(id.orElseThrow(() -> unknown(uploadId)), kind))
                .map(file -> {
                    // Sent by Vert.x from the file, without blocking; the file is deleted once the answer ended.
                    routing.addEndHandler(ended -> vertx.fileSystem().delete(file.file().toString()));
                    return Response.ok(file.file().toFile(), file.contentType())
                            .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                            .build();
                });
    }

    private static java.util.Optional<UUID> parse(String uploadId) {
        try {
            return java.util.Optional.of(UUID.fromString(uploadId));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
