package fr.passerelle.publish.remote;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.HttpUrls;
import fr.passerelle.platform.web.Slugs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.publish.publication.Publications;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The remote portals each dataset is published on. Everything here runs on the request's event loop (Hibernate
 * Reactive) but the check of a portal's address, which resolves its name on a worker; a target's configuration and
 * its audit entry are one transaction.
 */
@Path("/api/v1/targets/{org}/{dataset}")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private static final Set<String> KINDS = Set.of(UdataPublisher.KIND, CkanPublisher.KIND, OdsPublisher.KIND);

    private final RemoteTargets targets;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;
    private final OutboundAddressGuard guard;
    private final TargetRetries retries;
    private final Publications publications;

    public TargetResource(RemoteTargets targets, ReactiveAuditTrail audit, OutboundAddressGuard guard,
                          TargetRetries retries, Publications publications, Transactions transactions) {
        this.transactions = transactions;
        this.publications = publications;
        this.targets = targets;
        this.audit = audit;
        this.guard = guard;
        this.retries = retries;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Portails distants d'un jeu de données et état de leur dernière publication")
    public Uni<List<TargetView>> list(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return views(organization, dataset);
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/udata")
    @Operation(summary = "Publier aussi ce jeu de données sur data.gouv.fr (ou un autre portail udata)",
            description = "La clé d'API n'est jamais renvoyée. Les versions suivantes remplacent la même ressource.")
    public Uni<List<TargetView>> configureUdata(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                           TargetRequest request) {
        return configure(organization, dataset, UdataPublisher.KIND, request);
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/ckan")
    @Operation(summary = "Publier aussi ce jeu de données sur un portail CKAN (DataSud…)",
            description = "apiUrl : l'adresse de l'API d'action (…/api/3/action) ; organizationId : l'organisation"
                    + " propriétaire ; apiKey : le jeton d'API, jamais renvoyé.")
    public Uni<List<TargetView>> configureCkan(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                          TargetRequest request) {
        return configure(organization, dataset, CkanPublisher.KIND, request);
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/ods")
    @Operation(summary = "Publier aussi ce jeu de données sur un portail OpenDataSoft",
            description = "domain : le domaine du portail (data.exemple.fr) ; apiKey : une clé d'API d'un compte"
                    + " autorisé à modifier les jeux de données du domaine, jamais renvoyée ; apiUrl (facultatif) :"
                    + " l'adresse de l'API Automation si elle n'est pas https://{domain}/api/automation/v1.0.")
    public Uni<List<TargetView>> configureOds(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                         OdsTargetRequest request) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        if (request == null || request.automationApiUrl() == null || blank(request.apiKey())) {
            throw ApiException.badRequest("invalid-target",
                    "Indiquez le domaine du portail OpenDataSoft et une clé d'API.",
                    "Par exemple {\"domain\": \"data.exemple.fr\", \"apiKey\": \"…\"} ; la clé se crée dans le"
                            + " compte OpenDataSoft (Mon compte > Clés d'API) avec le droit de modifier les jeux de données.");
        }
        return configure(organization, dataset, OdsPublisher.KIND, request.asTarget());
    }

    @POST
    @RolesAllowed(Roles.PUBLISHER)
    @Path("/{kind}/retry")
    @Operation(summary = "Envoyer de nouveau la dernière version publiée à ce portail (« Réessayer »)",
            description = "Après un échec, une clé d'API renouvelée, ou pour un portail ajouté après la publication :"
                    + " 202 et l'envoi se fait en arrière-plan (la cible est PENDING jusqu'à son issue) ; 200 sans rien"
                    + " faire si le portail a déjà la dernière version ; une demande pendant un envoi en cours ne"
                    + " relance rien. 404 unknown-target, 409 nothing-published.")
    public Uni<Response> retry(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                          @PathParam("kind") String kind) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        if (!KINDS.contains(kind)) {
            throw ApiException.notFound("unknown-target", "Type de portail inconnu : utilisez udata, ckan ou ods.");
        }
        return retries.retry(organization, dataset, kind).chain(outcome -> views(organization, dataset)
                .map(views -> Response.status(outcome == TargetRetries.Outcome.UP_TO_DATE ? 200 : 202)
                        .entity(views).build()));
    }

    private Uni<List<TargetView>> configure(String organization, String dataset, String kind, TargetRequest request) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        if (request == null || !HttpUrls.isHttp(request.apiUrl()) || blank(request.organizationId()) || blank(request.apiKey())) {
            throw ApiException.badRequest("invalid-target",
                    "Indiquez l'adresse de l'API du portail, l'identifiant de l'organisation et sa clé d'API.",
                    "Par exemple {\"apiUrl\": \"https://www.data.gouv.fr/api/1\", \"organizationId\": \"5bbb6d6cff66bd4dc17bfd5a\","
                            + " \"apiKey\": \"…\"} ; la clé se trouve dans le profil du compte sur data.gouv.fr.");
        }
        Actor actor = audit.caller();
        TargetRequest given = request;
        URI api = URI.create(request.apiUrl().trim());
        // Publish sends the organisation's API key there: only a public internet host, checked again at each request.
        // The check resolves the host's name, which blocks: on a worker.
        return Work.blocking(() -> guard.refusal(api)).chain(refusal -> {
            refusal.ifPresent(reason -> {
                throw ApiException.badRequest("url-not-allowed", reason,
                        "Donnez l'adresse publique de l'API du portail, par exemple https://www.data.gouv.fr/api/1.");
            });
            // A key pasted with a trailing newline is still the key.
            TargetRequest checked = new TargetRequest(given.apiUrl(), given.organizationId(), given.apiKey().strip());
            if (!ApiKeys.isPlausible(checked.apiKey())) {
                throw ApiException.badRequest("invalid-api-key",
                        "La clé d'API contient des espaces, des caractères de contrôle ou non ASCII, ou dépasse "
                                + ApiKeys.MAX_LENGTH + " caractères.",
                        "Copiez la clé telle que le portail l'affiche, sans retour à la ligne ni espace autour.");
            }
            return transactions.inTransaction(session -> targets.save(organization, dataset, kind, checked)
                            // The key stays out of the log: admins read it, and it is a secret of the portal's account.
                            .chain(() -> audit.record(actor, "target.configured", organization, dataset, "Cible "
                                    + kind + " : " + AuditTrail.safeUrl(checked.apiUrl()) + ", organisation distante « "
                                    + checked.organizationId() + " » (nouvelle clé d'API enregistrée).")))
                    .chain(() -> views(organization, dataset));
        });
    }

    /** The targets, each with what it is told of the published version's schema (the publisher reads it). */
    private Uni<List<TargetView>> views(String organization, String dataset) {
        return publications.latestRequest(organization, dataset).chain(found -> {
            PublicationRequested latest = found.orElse(null);
            return targets.views(organization, dataset).map(views -> views.stream()
                    .map(view -> view.withSchemaDeclaration(SchemaDeclaration.describe(view.kind(), latest))).toList());
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
