package fr.passerelle.ingest.pull;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.HttpUrls;
import fr.passerelle.platform.web.Slugs;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import java.net.URI;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/organizations/{org}/datasets/{dataset}/source")
@Produces(MediaType.APPLICATION_JSON)
public class PullSourceResource {

    private static final int MIN_INTERVAL_MINUTES = 5;

    private final PullSourceService sources;
    private final UploadService uploads;
    private final OutboundAddressGuard guard;
    private final ReactiveAuditTrail audit;

    public PullSourceResource(PullSourceService sources, UploadService uploads, OutboundAddressGuard guard,
                              ReactiveAuditTrail audit) {
        this.sources = sources;
        this.uploads = uploads;
        this.guard = guard;
        this.audit = audit;
    }

    @PUT
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Configurer l'adresse d'export d'un jeu de données, relevée périodiquement")
    public Uni<PullSource> configure(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                     PullSourceRequest request) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        var actor = audit.caller();
        // The address guard resolves the host name: on a worker.
        return knownDataset(organization, dataset)
                .chain(() -> Work.blocking(() -> validated(request)))
                .chain(valid -> sources.configure(actor, organization, dataset, valid.url(), valid.interval()));
    }

    private record Valid(String url, int interval) {
    }

    private Valid validated(PullSourceRequest request) {
        if (request == null || request.url() == null || !HttpUrls.isHttp(request.url())) {
            throw ApiException.badRequest("invalid-url", "Indiquez une adresse http:// ou https:// valide.",
                    "Par exemple {\"url\": \"https://opendata.ville.fr/export/velos.csv\", \"intervalMinutes\": 1440}.");
        }
        guard.refusal(URI.create(request.url().trim())).ifPresent(reason -> {
            throw ApiException.badRequest("url-not-allowed", reason,
                    "Donnez l'adresse publique du fichier, celle qu'un navigateur ouvrirait depuis internet.");
        });
        int interval = request.intervalMinutes() == null ? 1440 : request.intervalMinutes();
        if (interval < MIN_INTERVAL_MINUTES) {
            throw ApiException.badRequest("interval-too-short",
                    "L'intervalle de relève doit être d'au moins " + MIN_INTERVAL_MINUTES + " minutes.",
                    "Une relève quotidienne (1440 minutes) suffit pour la plupart des exports.");
        }
        return new Valid(request.url().trim(), interval);
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Lire l'adresse d'export configurée et le résultat de la dernière relève")
    public Uni<PullSource> get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return configured(organization, dataset);
    }

    @DELETE
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Ne plus relever l'adresse d'export de ce jeu de données",
            description = "204, que l'adresse ait existé ou non (idempotent) ; les versions déjà reçues restent.")
    public Uni<Void> remove(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return sources.remove(audit.caller(), organization, dataset);
    }

    @POST
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Path("/pull")
    @Operation(summary = "Relever l'adresse d'export tout de suite")
    public Uni<PullSource> pullNow(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        var actor = audit.caller();
        return configured(organization, dataset).chain(source -> sources.pullNow(source, actor));
    }

    private Uni<PullSource> configured(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return sources.find(organization, dataset).map(source -> source.orElseThrow(() -> ApiException.notFound(
                "no-source", "Aucune adresse d'export n'est configurée pour le jeu de données « " + dataset + " ».")));
    }

    private Uni<Void> knownDataset(String organization, String dataset) {
        return uploads.isKnownDataset(organization, dataset).invoke(known -> {
            if (!known) {
                throw ApiException.notFound("unknown-dataset", "Le jeu de données « " + dataset
                        + " » de l'organisation « " + organization + " » n'a encore reçu aucun fichier : déposez-en un"
                        + " premier avec son schéma avant de configurer sa relève.");
            }
        }).replaceWithVoid();
    }
}
