package fr.passerelle.notification.webhook;

import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** The organisation's webhooks, for its admins: the Webhooks page of the staff app. */
@Path("/api/v1/organizations/{org}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService webhooks;
    private final ReactiveAuditTrail audit;

    public WebhookResource(WebhookService webhooks, ReactiveAuditTrail audit) {
        this.webhooks = webhooks;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Lister les webhooks de l'organisation (jamais leur secret)")
    public Uni<List<Webhook>> list(@PathParam("org") String organization) {
        Slugs.require(organization, "l'organisation");
        return webhooks.of(organization);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer un webhook : une adresse https:// qui recevra chaque événement de l'organisation",
            description = "Répond 201 avec le secret de signature (whsec_…), montré cette fois seulement. Les adresses"
                    + " privées, locales ou en http:// sont refusées (400).")
    public Uni<RestResponse<CreatedWebhook>> create(@PathParam("org") String organization, WebhookRequest request) {
        Slugs.require(organization, "l'organisation");
        return webhooks.create(audit.caller(), organization, request)
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, created));
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Changer le secret de signature",
            description = "Le nouveau secret est montré cette fois seulement ; l'ancien signe encore 24 heures à côté"
                    + " de lui, le temps de mettre le récepteur à jour.")
    public Uni<NewSecret> rotate(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        return webhooks.rotate(audit.caller(), organization, parse(id));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Réactiver un webhook (désactivé après des échecs répétés) ; son compte d'échecs repart de 0")
    public Uni<Webhook> enable(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        return webhooks.enable(audit.caller(), organization, parse(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Supprimer un webhook et son journal d'envois")
    public Uni<RestResponse<Void>> delete(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        return webhooks.delete(audit.caller(), organization, parse(id)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Le journal d'envois d'un webhook : ses 50 derniers envois, les plus récents d'abord")
    public Uni<List<DeliveryLogEntry>> deliveries(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        return webhooks.deliveries(organization, parse(id));
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Envoyer un événement de test (fr.passerelle.webhook.test.v1), même à un webhook désactivé",
            description = "Une seule tentative ; son résultat paraît dans le journal d'envois.")
    public Uni<RestResponse<TestDelivery>> test(@PathParam("org") String organization, @PathParam("id") String id) {
        Slugs.require(organization, "l'organisation");
        return webhooks.test(organization, parse(id))
                .map(queued -> RestResponse.status(RestResponse.Status.ACCEPTED, queued));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw WebhookService.unknown();
        }
    }
}
