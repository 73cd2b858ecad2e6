package fr.passerelle.staff.webhooks;

import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.NotificationApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Administration › Webhooks (admin role): the addresses notification-service sends the organisation's pipeline
 * events to, signed with a secret shown once (at creation and at each « Nouveau secret »); each webhook's page has its
 * actions and its delivery log.
 */
@Path("/administration/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhooksResource {

    private static final Pattern WEBHOOK_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    static final String WHAT = "les webhooks de votre organisation";

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance webhooks(String organization, List<WebhookLine> webhooks, WebhookForm form,
                                                String formKey, String notice);

        static native TemplateInstance webhook(WebhookLine webhook, List<DeliveryLine> deliveries, String formKey,
                                               String notice);

        static native TemplateInstance webhookSecret(FreshWebhookSecrets.Secret shown, String docsUrl);

        static native TemplateInstance webhookSuppression(WebhookLine webhook);
    }

    @Inject
    Person person;

    @Inject
    FreshWebhookSecrets fresh;

    @Inject
    @RestClient
    NotificationApi notifications;

    @ConfigProperty(name = "passerelle.staff.webhooks-doc-url")
    String docsUrl;

    @GET
    public TemplateInstance list(@QueryParam("fait") String done) {
        String notice = "supprime".equals(done) ? "Le webhook est supprimé : Passerelle ne lui envoie plus rien." : null;
        return page(WebhookForm.empty(), notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String url, @RestForm String formKey) {
        String organization = requireAdmin();
        WebhookForm form = WebhookForm.of(url);
        if (!form.valid()) {
            return refused(form);
        }
        String key = key(formKey);
        String bearer = person.bearer();
        ServiceCalls.Refusal[] refusal = new ServiceCalls.Refusal[1];
        try {
            fresh.once(key, () -> {
                var answer = ServiceCalls.submit("notification", "ce webhook",
                        () -> notifications.addWebhook(bearer, organization, form.request()));
                if (answer.refused()) {
                    refusal[0] = answer.refusal();
                    throw new Refused();
                }
                Api.NewWebhook made = answer.value();
                return new FreshWebhookSecrets.Secret(made.id(), made.url(), made.secret(), false);
            });
        } catch (Refused e) {
            return refused(form.refused(refusal[0].message(), refusal[0].hint()));
        }
        return shownOnce(key);
    }

    /** The secret just made, shown this once. */
    @GET
    @Path("secret")
    public TemplateInstance secret(@QueryParam("cle") String formKey) {
        requireAdmin();
        FreshWebhookSecrets.Secret shown = fresh.takeForDisplay(person.subject() + "/" + (formKey == null ? "" : formKey))
                .orElseThrow(() -> new PageProblem(410, "Secret déjà affiché",
                        "Un secret n'est montré qu'une fois, juste après sa création : celui-ci a déjà été affiché.",
                        "Si vous ne l'avez pas copié, demandez un nouveau secret depuis la page du webhook."));
        return Templates.webhookSecret(shown, docsUrl);
    }

    @GET
    @Path("{id}")
    public TemplateInstance webhook(@PathParam("id") String id, @QueryParam("fait") String done) {
        String organization = requireAdmin();
        WebhookLine webhook = find(organization, id);
        String bearer = person.bearer();
        List<DeliveryLine> deliveries = ServiceCalls.call("notification", "le journal des livraisons de ce webhook",
                () -> notifications.deliveries(bearer, organization, id)).stream().map(DeliveryLine::of).toList();
        String notice = switch (done == null ? "" : done) {
            case "reactive" -> "Le webhook est réactivé : les prochains événements lui seront envoyés.";
            case "test" -> "Un événement de test est envoyé : il apparaît dans le journal des livraisons ci-dessous"
                    + " (actualisez la page dans quelques secondes pour voir la réponse du destinataire).";
            default -> null;
        };
        return Templates.webhook(webhook, deliveries, UUID.randomUUID().toString(), notice);
    }

    @POST
    @Path("{id}/nouveau-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newSecret(@PathParam("id") String id, @RestForm String formKey) {
        String organization = requireAdmin();
        WebhookLine webhook = find(organization, id);
        String key = key(formKey);
        String bearer = person.bearer();
        fresh.once(key, () -> new FreshWebhookSecrets.Secret(id, webhook.url(), ServiceCalls.call("notification",
                "ce webhook", () -> notifications.newSecret(bearer, organization, id)).secret(), true));
        return shownOnce(key);
    }

    @POST
    @Path("{id}/reactiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") String id) {
        String organization = requireAdmin();
        String bearer = person.bearer();
        ServiceCalls.call("notification", "ce webhook", () -> {
            notifications.enable(bearer, organization, valid(id));
            return null;
        });
        return Response.seeOther(URI.create("/administration/webhooks/" + id + "?fait=reactive")).build();
    }

    @POST
    @Path("{id}/tester")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("id") String id) {
        String organization = requireAdmin();
        String bearer = person.bearer();
        ServiceCalls.call("notification", "ce webhook", () -> {
            notifications.test(bearer, organization, valid(id));
            return null;
        });
        return Response.seeOther(URI.create("/administration/webhooks/" + id + "?fait=test#journal")).build();
    }

    /** The confirmation: a page of its own, so that it works without script. */
    @GET
    @Path("{id}/supprimer")
    public TemplateInstance confirmDeletion(@PathParam("id") String id) {
        String organization = requireAdmin();
        return Templates.webhookSuppression(find(organization, id));
    }

    @POST
    @Path("{id}/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id) {
        String organization = requireAdmin();
        String bearer = person.bearer();
        // Already gone (a second click): the same outcome for the person.
        ServiceCalls.optional("notification", "ce webhook", () -> {
            notifications.delete(bearer, organization, valid(id));
            return Boolean.TRUE;
        });
        return Response.seeOther(URI.create("/administration/webhooks?fait=supprime")).build();
    }

    private TemplateInstance page(WebhookForm form, String notice) {
        String organization = requireAdmin();
        String bearer = person.bearer();
        List<WebhookLine> webhooks = ServiceCalls.call("notification", WHAT,
                () -> notifications.webhooks(bearer, organization)).stream().map(WebhookLine::of).toList();
        return Templates.webhooks(organization, webhooks, form, UUID.randomUUID().toString(), notice);
    }

    private Response refused(WebhookForm form) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(form, null)).build();
    }

    private Response shownOnce(String key) {
        return Response.seeOther(URI.create("/administration/webhooks/secret?cle="
                + URLEncoder.encode(key.substring(key.lastIndexOf('/') + 1), StandardCharsets.UTF_8))).build();
    }

    /** The form's one-time key, under the person's name (another admin's form never gets their secret). */
    private String key(String formKey) {
        return person.subject() + "/" + (formKey == null || formKey.isBlank() ? UUID.randomUUID() : formKey.strip());
    }

    /** The organisation's webhook {@code id}; another organisation's, or none, is « Introuvable ». */
    private WebhookLine find(String organization, String id) {
        String bearer = person.bearer();
        String wanted = valid(id);
        return ServiceCalls.call("notification", WHAT, () -> notifications.webhooks(bearer, organization)).stream()
                .filter(webhook -> wanted.equals(webhook.id())).findFirst().map(WebhookLine::of)
                .orElseThrow(() -> new PageProblem(404, "Introuvable", "Nous ne trouvons pas ce webhook dans votre organisation.",
                        "Retrouvez-le dans la liste des webhooks."));
    }

    private static String valid(String id) {
        if (id == null || !WEBHOOK_ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        return id;
    }

    private String requireAdmin() {
        String organization = person.organization().orElse(null);
        if (!person.isAdmin() || organization == null) {
            throw DatasetPages.reserved("Les webhooks de l'organisation sont réservés à ses administrateurs.");
        }
        return organization;
    }

    /** The service refused the address: the form comes back with its reason. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }
}
