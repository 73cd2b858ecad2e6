package fr.passerelle.staff.webhooks;

import fr.passerelle.staff.services.Api;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Test only: the Webhooks pages rendered with set data, in a real request (CSRF, layout), without logging in. */
@Path("/essai/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPagesPreview {

    static final Instant NOON = Instant.parse("2026-12-06T11:00:00Z");
    static final WebhookLine DISABLED = WebhookLine.of(new Api.Webhook("0b6f", "https://sig.ville.fr/passerelle/evenements",
            false, "Désactivé après 9 livraisons échouées de suite.", 9, NOON, null));

    @GET
    @Path("liste")
    public TemplateInstance list() {
        return WebhooksResource.Templates.webhooks("demo", List.of(DISABLED),
                WebhookForm.of("https://10.0.0.5/hook").refused("Cette adresse est privée.", null), "cle-1", null);
    }

    @GET
    @Path("un")
    public TemplateInstance one() {
        return WebhooksResource.Templates.webhook(DISABLED, List.of(DeliveryLine.of(new Api.WebhookDelivery(
                "fr.passerelle.webhook.test.v1", "e1", "FAILED", 9, 503, "Le destinataire a répondu 503.", NOON, null,
                null))), "cle-2", "Le webhook est réactivé : les prochains événements lui seront envoyés.");
    }

    @GET
    @Path("secret")
    public TemplateInstance secret() {
        return WebhooksResource.Templates.webhookSecret(new FreshWebhookSecrets.Secret("0b6f",
                "https://sig.ville.fr/passerelle/evenements", "whsec_c2VjcmV0", true), "https://docs.example/webhooks");
    }

    @GET
    @Path("suppression")
    public TemplateInstance deletion() {
        return WebhooksResource.Templates.webhookSuppression(DISABLED);
    }
}
