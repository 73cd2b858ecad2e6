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
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
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

/**
 * The catalogue's API: it translates HTTP, the services decide ({@link MetadataChanges}, {@link ApprovalService},
 * {@link VersionDiffs}) and open the transactions. Every method returns a {@code Uni}: it runs on the request's Vert.x
 * context, and what blocks (a comparison of versions) is moved to a worker by the service.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private static final int MAX_PAGE = 500;

    private final Datasets datasets;
    private final Versions versions;
    private final ApprovalService approvals;
    private final MetadataChanges changes;
    private final ApprovalEvents approvalEvents;
    private final VersionDiffs diffs;
    private final Caller caller;
    private final ReactiveAuditTrail audit;

    public DatasetResource(Datasets datasets, Versions versions, ApprovalService approvals, MetadataChanges changes,
                           ApprovalEvents approvalEvents, VersionDiffs diffs, Caller caller, ReactiveAuditTrail audit) {
        this.caller = caller;
        this.datasets = datasets;
        this.versions = versions;
        this.approvals = approvals;
        this.changes = changes;
        this.approvalEvents = approvalEvents;
        this.diffs = diffs;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Lister les jeux de données de son organisation, ou chercher (q) dans leurs titres, mots-clés et"
            + " descriptions", description = "Seulement ceux de l'organisation du jeton ; le catalogue public (DCAT) liste"
            + " ceux de toutes les organisations qui sont publiés.")
    public Uni<List<DatasetView>> list(@QueryParam("q") String query,
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
    public Uni<DatasetView> get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
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
    public Uni<DatasetView> update(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                   byte[] body) {
        // Read here rather than by the framework: a value of the wrong form is refused naming its field. Read
        // before the dataset is looked up, as the framework did: a malformed body is the answer whatever the path.
        MetadataUpdate update = MetadataJson.read(body);
        // A material change withdraws the approval, in the same transaction (see ApprovalPolicy).
        MetadataUpdate change = update.by(caller.subject());
        var actor = audit.caller();
        return existing(organization, dataset).chain(ignored -> {
            MetadataValidator.check(update);
            return changes.update(organization, dataset, change, actor);
        });
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
    public Uni<DraftScore> scoreDraft(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                      byte[] body) {
        MetadataUpdate draft = MetadataJson.read(body);
        MetadataValidator.check(draft);
        return existing(organization, dataset).map(current -> {
            DatasetView drafted = current.withDraft(draft);
            return new DraftScore(drafted.metadataScore().score(), drafted.metadataScore().missing(),
                    FirstPublication.missing(drafted));
        });
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
    public Uni<DatasetView> approve(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                    byte[] body) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        ApprovalRequest request = ApprovalRequest.read(body);
        String approvedBy = ApprovalPolicy.actor(caller.subject());
        return approvals.approve(organization, dataset, approvedBy, request.comment(), audit.caller());
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
    public Uni<DatasetView> refuse(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                   byte[] body) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        ApprovalRequest request = ApprovalRequest.read(body);
        return approvals.refuse(organization, dataset, ApprovalPolicy.actor(caller.subject()), request.comment(),
                audit.caller());
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/versions")
    @Operation(summary = "Lister les versions d'un jeu de données, de la plus récente à la plus ancienne")
    public Uni<List<VersionView>> versions(@PathParam("org") String organization,
                                           @PathParam("dataset") String dataset) {
        return existing(organization, dataset).chain(() -> versions.list(organization, dataset));
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/versions/{number}/diff")
    @Operation(summary = "Comparer une version avec la précédente (ou avec la version « with »)",
            description = "Lignes ajoutées, retirées, modifiées et inchangées, avec jusqu'à 10 exemples de chaque.")
    public Uni<VersionDiff> diff(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                 @PathParam("number") int number, @QueryParam("with") Integer with) {
        return existing(organization, dataset).chain(() -> diffs.diff(organization, dataset, number, with));
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("/{org}/{dataset}/approvals")
    @Operation(summary = "Journal des approbations d'un jeu de données, du plus récent au plus ancien")
    public Uni<List<ApprovalEvent>> approvals(@PathParam("org") String organization,
                                              @PathParam("dataset") String dataset) {
        return existing(organization, dataset).chain(() -> approvalEvents.list(organization, dataset));
    }

    private Uni<DatasetView> existing(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return datasets.find(organization, dataset)
                .map(found -> found.orElseThrow(() -> Datasets.unknown(organization, dataset)));
    }
}
