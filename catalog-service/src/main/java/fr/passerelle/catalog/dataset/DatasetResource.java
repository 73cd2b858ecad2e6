package fr.passerelle.catalog.dataset;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.catalog.approval.ApprovalEvent;
import fr.passerelle.catalog.approval.ApprovalEvents;
import fr.passerelle.catalog.approval.ApprovalPolicy;
import fr.passerelle.catalog.approval.ApprovalRequest;
import fr.passerelle.catalog.approval.ApprovalService;
import fr.passerelle.catalog.diff.VersionDiff;
import fr.passerelle.catalog.diff.VersionDiffs;
import fr.passerelle.catalog.metadata.FirstPublication;
import fr.passerelle.catalog.metadata.MetadataValidator;
import fr.passerelle.catalog.version.VersionView;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.web.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import fr.passerelle.platform.security.Caller;
import io.quarkus.security.ForbiddenException;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private static final int MAX_PAGE = 500;

    private final Datasets datasets;
    private final Versions versions;
    private final ApprovalService approvals;
    private final ApprovalPolicy approvalPolicy;
    private final ApprovalEvents approvalEvents;
    private final VersionDiffs diffs;
    private final Caller caller;
    private final AuditTrail audit;

    public DatasetResource(Datasets datasets, Versions versions, ApprovalService approvals,
                           ApprovalPolicy approvalPolicy, ApprovalEvents approvalEvents, VersionDiffs diffs,
                           Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.datasets = datasets;
        this.versions = versions;
        this.approvals = approvals;
        this.approvalPolicy = approvalPolicy;
        this.approvalEvents = approvalEvents;
        this.diffs = diffs;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Lister les jeux de données de son organisation, ou chercher (q) dans leurs titres, mots-clés et"
            + " descriptions", description = "Seulement ceux de l'organisation du jeton ; le catalogue public (DCAT) liste"
            + " ceux de toutes les organisations qui sont publiés.")
    public List<DatasetView> list(@QueryParam("q") String query,
                                  @QueryParam("limit") @DefaultValue("100") int limit,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        String organization = caller.organization().orElseThrow(ForbiddenException::new);
        if (query != null && !query.isBlank()) {
            return datasets.search(organization, query.strip(), pageSize, Math.max(0, offset));
        }
        return datasets.list(organization, pageSize, Math.max(0, offset));
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}")
    @Operation(summary = "Décrire un jeu de données")
    public DatasetView get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return existing(organization, dataset);
    }

    @PUT
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Path("/{org}/{dataset}")
    @Operation(summary = "Modifier les métadonnées descriptives d'un jeu de données",
            description = "Changer le titre, la description ou la licence d'un jeu approuvé retire l'approbation ;"
                    + " alwaysAsk: true fait attendre chaque nouvelle version un publieur.")
    // JSON only: anything else is the platform's French 415, as on every other JSON endpoint.
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetadataUpdate.class)))
    public DatasetView update(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                              byte[] body) {
        // Read here rather than by the framework: a value of the wrong form is refused naming its field. Read
        // before the dataset is looked up, as the framework did: a malformed body is the answer whatever the path.
        MetadataUpdate update = MetadataJson.read(body);
        existing(organization, dataset);
        MetadataValidator.check(update);
        // A material change withdraws the approval, in the same transaction (see ApprovalPolicy).
        MetadataUpdate change = update.by(caller.subject());
        QuarkusTransaction.requiringNew().run(() -> {
            approvalPolicy.updateMetadata(organization, dataset, change);
            audit.record("dataset.metadata.changed", organization, dataset, MetadataAuditDetail.of(change));
        });
        return existing(organization, dataset);
    }

    @POST
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/metadata-score")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Noter un brouillon de métadonnées sans l'enregistrer",
            description = "Le même corps que le PUT ; répond le score et les conseils qu'aurait le jeu de données avec ces"
                    + " métadonnées, et ce qui manquerait encore à sa première publication. Rien n'est enregistré.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetadataUpdate.class)))
    public DraftScore scoreDraft(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                 byte[] body) {
        MetadataUpdate draft = MetadataJson.read(body);
        MetadataValidator.check(draft);
        DatasetView drafted = existing(organization, dataset).withDraft(draft);
        return new DraftScore(drafted.metadataScore().score(), drafted.metadataScore().missing(),
                FirstPublication.missing(drafted));
    }

    /**
     * @param firstPublicationMissing what the first publication would still lack (title, description, licence)
     */
    public record DraftScore(int score, List<String> missing, List<String> firstPublicationMissing) {
    }

    @POST
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/{org}/{dataset}/approval")
    // Any content type, and no body at all: `curl -X POST …/approval` is the README's command. A body, when
    // there is one, is read as JSON whatever its declared type (curl -d sends form-urlencoded).
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approuver la publication d'un jeu de données",
            description = "Publie les versions en attente ; les versions suivantes seront publiées d'elles-mêmes. Le corps"
                    + " est facultatif : {\"comment\": \"…\"} ajoute un commentaire au journal des approbations.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalRequest.class)))
    public DatasetView approve(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                               byte[] body) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        ApprovalRequest request = ApprovalRequest.read(body);
        String approvedBy = ApprovalPolicy.actor(caller.subject());
        return approvals.approve(organization, dataset, approvedBy, request.comment());
    }

    @POST
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/{org}/{dataset}/refusal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refuser les versions en attente d'approbation",
            description = "Elles ne seront pas publiées ; le corps {\"comment\": \"…\"} dit pourquoi (obligatoire) et va"
                    + " au journal des approbations. Un nouveau fichier fait une nouvelle version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalRequest.class)))
    public DatasetView refuse(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                              byte[] body) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        ApprovalRequest request = ApprovalRequest.read(body);
        return approvals.refuse(organization, dataset, ApprovalPolicy.actor(caller.subject()), request.comment());
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/versions")
    @Operation(summary = "Lister les versions d'un jeu de données, de la plus récente à la plus ancienne")
    public List<VersionView> versions(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        existing(organization, dataset);
        return versions.list(organization, dataset);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/versions/{number}/diff")
    @Operation(summary = "Comparer une version avec la précédente (ou avec la version « with »)",
            description = "Lignes ajoutées, retirées, modifiées et inchangées, avec jusqu'à 10 exemples de chaque.")
    public VersionDiff diff(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                            @PathParam("number") int number, @QueryParam("with") Integer with) {
        existing(organization, dataset);
        return diffs.diff(organization, dataset, number, with);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/approvals")
    @Operation(summary = "Journal des approbations d'un jeu de données, du plus récent au plus ancien")
    public List<ApprovalEvent> approvals(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        existing(organization, dataset);
        return approvalEvents.list(organization, dataset);
    }

    private DatasetView existing(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return datasets.find(organization, dataset)
                .orElseThrow(() -> Datasets.unknown(organization, dataset));
    }
}
