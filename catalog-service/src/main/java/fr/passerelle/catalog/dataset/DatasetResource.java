package fr.passerelle.catalog.dataset;

import fr.passerelle.catalog.approval.ApprovalRequest;
import fr.passerelle.catalog.approval.ApprovalService;
import fr.passerelle.catalog.metadata.MetadataValidator;
import fr.passerelle.catalog.version.VersionView;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private static final int MAX_PAGE = 500;

    private final Datasets datasets;
    private final Versions versions;
    private final ApprovalService approvals;

    public DatasetResource(Datasets datasets, Versions versions, ApprovalService approvals) {
        this.datasets = datasets;
        this.versions = versions;
        this.approvals = approvals;
    }

    @GET
    @Operation(summary = "Lister les jeux de données du catalogue, ou chercher (q) dans leurs titres, mots-clés et descriptions")
    public List<DatasetView> list(@QueryParam("q") String query,
                                  @QueryParam("limit") @DefaultValue("100") int limit,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        if (query != null && !query.isBlank()) {
            return datasets.search(query.strip(), pageSize, Math.max(0, offset));
        }
        return datasets.list(pageSize, Math.max(0, offset));
    }

    @GET
    @Path("/{org}/{dataset}")
    @Operation(summary = "Décrire un jeu de données")
    public DatasetView get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return existing(organization, dataset);
    }

    @PUT
    @Path("/{org}/{dataset}")
    @Operation(summary = "Modifier les métadonnées descriptives d'un jeu de données")
    public DatasetView update(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                              MetadataUpdate update) {
        existing(organization, dataset);
        if (update == null) {
            throw ApiException.badRequest("metadata-required", "Aucune métadonnée n'a été envoyée.",
                    "Envoyez un objet JSON, par exemple {\"title\": \"Stationnements vélo\"}.");
        }
        MetadataValidator.check(update);
        QuarkusTransaction.requiringNew().run(() -> datasets.updateMetadata(organization, dataset, update));
        return existing(organization, dataset);
    }

    @POST
    @Path("/{org}/{dataset}/approval")
    @Operation(summary = "Approuver la publication d'un jeu de données",
            description = "Publie les versions en attente ; les versions suivantes seront publiées d'elles-mêmes.")
    public DatasetView approve(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                               ApprovalRequest request) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        String approvedBy = request == null || request.approvedBy() == null || request.approvedBy().isBlank()
                ? "anonyme" : request.approvedBy().trim();
        return approvals.approve(organization, dataset, approvedBy);
    }

    @GET
    @Path("/{org}/{dataset}/versions")
    @Operation(summary = "Lister les versions d'un jeu de données, de la plus récente à la plus ancienne")
    public List<VersionView> versions(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        existing(organization, dataset);
        return versions.list(organization, dataset);
    }

    private DatasetView existing(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return datasets.find(organization, dataset)
                .orElseThrow(() -> Datasets.unknown(organization, dataset));
    }
}
