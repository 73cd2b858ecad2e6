package fr.passerelle.ingest.pull;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.HttpUrls;
import fr.passerelle.platform.web.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    private final PullSources sources;
    private final ExportPuller puller;
    private final Uploads uploads;
    private final OutboundAddressGuard guard;
    private final AuditTrail audit;

    public PullSourceResource(PullSources sources, ExportPuller puller, Uploads uploads, OutboundAddressGuard guard,
                              AuditTrail audit) {
        this.sources = sources;
        this.puller = puller;
        this.uploads = uploads;
        this.guard = guard;
        this.audit = audit;
    }

    @PUT
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Configurer l'adresse d'export d'un jeu de données, relevée périodiquement")
    public PullSource configure(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                PullSourceRequest request) {
        knownDataset(organization, dataset);
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
        String url = request.url().trim();
        QuarkusTransaction.requiringNew().run(() -> {
            sources.save(organization, dataset, url, interval);
            audit.record("source.configured", organization, dataset, "Adresse d'export " + AuditTrail.safeUrl(url)
                    + ", relevée toutes les " + interval + " minutes.");
        });
        return sources.find(organization, dataset).orElseThrow();
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Lire l'adresse d'export configurée et le résultat de la dernière relève")
    public PullSource get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return configured(organization, dataset);
    }

    @DELETE
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Ne plus relever l'adresse d'export de ce jeu de données",
            description = "204, que l'adresse ait existé ou non (idempotent) ; les versions déjà reçues restent.")
    public void remove(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        QuarkusTransaction.requiringNew().run(() -> {
            if (sources.remove(organization, dataset)) {
                audit.record("source.removed", organization, dataset, "Adresse d'export retirée : plus de relève automatique.");
            }
        });
    }

    @POST
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Path("/pull")
    @Operation(summary = "Relever l'adresse d'export tout de suite")
    public PullSource pullNow(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return puller.pull(configured(organization, dataset));
    }

    private PullSource configured(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return sources.find(organization, dataset).orElseThrow(() -> ApiException.notFound("no-source",
                "Aucune adresse d'export n'est configurée pour le jeu de données « " + dataset + " »."));
    }

    private void knownDataset(String organization, String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        if (uploads.lastSchemaOf(organization, dataset).isEmpty()) {
            throw ApiException.notFound("unknown-dataset", "Le jeu de données « " + dataset
                    + " » de l'organisation « " + organization + " » n'a encore reçu aucun fichier : déposez-en un"
                    + " premier avec son schéma avant de configurer sa relève.");
        }
    }
}
