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

    public ReportResource(Reports reports, ObjectStore store) {
        this.reports = reports;
        this.store = store;
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

    private static java.util.Optional<UUID> parse(String uploadId) {
        try {
            return java.util.Optional.of(UUID.fromString(uploadId));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
