package fr.passerelle.staff.portals;

import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.PublishApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.Labels;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Portails: the remote portals a dataset is also published on (data.gouv.fr, CKAN, OpenDataSoft), each with
 * its last push and its error in French; a publisher connects them and asks for a new push (« Réessayer »).
 * Contributors read.
 */
@Path("/jeux/{dataset}/portails")
@Produces(MediaType.TEXT_HTML)
public class PortalsResource {

    static final List<String> KINDS = List.of("udata", "ckan", "ods");
    /** Where « Réessayer » may send the person back: an upload's page or this one, nothing outside the app. */
    private static final Pattern BACK = Pattern.compile("/(depots/[0-9a-fA-F-]{36}|jeux/[a-z0-9-]+/portails|tableau-de-bord)");

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance portails(PortalsPage page);

        static native TemplateInstance portailsEtat(PortalsPage page);
    }

    /** The page: the dataset, each portal's state, each portal's form, and what was just done. */
    public record PortalsPage(String dataset, String title, Integer publishedVersion, List<TargetStatus> targets,
                              List<PortalSection> portals, boolean publisher, boolean pending, String notice) {
    }

    /** One kind of portal: its name, its state if connected, and its form. */
    public record PortalSection(String kind, String name, TargetStatus status, PortalForm form) {
    }

    @Inject
    Person person;

    @Inject
    DatasetPages datasets;

    @Inject
    @RestClient
    PublishApi publish;

    @GET
    public TemplateInstance page(@PathParam("dataset") String dataset, @QueryParam("enregistre") String saved,
                                 @QueryParam("reessai") String retried) {
        String notice = null;
        if (saved != null && KINDS.contains(saved)) {
            notice = "Le portail " + Labels.target(saved) + " est enregistré, avec sa clé d'API. Les prochaines versions"
                    + " publiées lui seront envoyées.";
        } else if (retried != null && KINDS.contains(retried)) {
            notice = "Nouvel envoi demandé à " + Labels.target(retried) + " : son état se met à jour ci-dessous.";
        }
        return Templates.portails(page(dataset, Map.of(), notice));
    }

    /** The states alone, refreshed in place while a push is under way. */
    @GET
    @Path("etat")
    public TemplateInstance states(@PathParam("dataset") String dataset) {
        return Templates.portailsEtat(page(dataset, Map.of(), null));
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(@PathParam("dataset") String dataset, @PathParam("kind") String kind,
                            @RestForm String apiUrl, @RestForm String organizationId, @RestForm String domain,
                            @RestForm String apiKey) {
        requirePublisher();
        if (kind == null || !KINDS.contains(kind)) {
            throw DatasetPages.notFound();
        }
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        PortalForm form = PortalForm.of(kind, apiUrl, organizationId, domain, apiKey);
        if (form.valid()) {
            String bearer = person.bearer();
            var answer = ServiceCalls.submit("publish", "ce portail",
                    () -> publish.configure(bearer, organization, found.dataset(), kind, form.request(apiKey)));
            if (!answer.refused()) {
                return Response.seeOther(URI.create("/jeux/" + found.dataset() + "/portails?enregistre=" + kind)).build();
            }
            PortalForm refused = form.refused(answer.refusal().code(), answer.refusal().message());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.portails(page(dataset, Map.of(kind, refused), null))).build();
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.portails(page(dataset, Map.of(kind, form), null))).build();
    }

    @POST
    @Path("{kind}/reessayer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("dataset") String dataset, @PathParam("kind") String kind, @RestForm String retour) {
        requirePublisher();
        if (kind == null || !KINDS.contains(kind)) {
            throw DatasetPages.notFound();
        }
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        String bearer = person.bearer();
        // The service decides: a second click while a push runs, or a portal already up to date, sends nothing.
        ServiceCalls.call("publish", "ce portail", () -> publish.retry(bearer, organization, found.dataset(), kind));
        String back = retour != null && BACK.matcher(retour).matches() ? retour
                : "/jeux/" + found.dataset() + "/portails?reessai=" + kind;
        return Response.seeOther(URI.create(back)).build();
    }

    private PortalsPage page(String dataset, Map<String, PortalForm> submitted, String notice) {
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        String bearer = person.bearer();
        List<Api.Target> targets = ServiceCalls.call("publish", "les portails de ce jeu de données",
                () -> publish.targets(bearer, organization, found.dataset()));
        Map<String, TargetStatus> byKind = new LinkedHashMap<>();
        for (Api.Target target : targets) {
            byKind.put(target.kind(), TargetStatus.ofDataset(target, found.publishedVersion()));
        }
        List<PortalSection> sections = new ArrayList<>();
        for (String kind : KINDS) {
            TargetStatus status = byKind.get(kind);
            PortalForm form = submitted.containsKey(kind) ? submitted.get(kind) : status == null ? PortalForm.empty(kind)
                    : formOf(targets.stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow());
            sections.add(new PortalSection(kind, Labels.target(kind), status, form));
        }
        boolean pending = targets.stream().anyMatch(target -> "PENDING".equals(target.lastStatus()));
        return new PortalsPage(found.dataset(), DatasetPages.title(found), found.publishedVersion(),
                List.copyOf(byKind.values()), sections, person.isPublisher(), pending, notice);
    }

    /** A connected portal's form, filled with what the service shows of it (never the key). */
    private static PortalForm formOf(Api.Target target) {
        if ("ods".equals(target.kind())) {
            String defaultApi = "https://" + target.remoteOrganization() + "/api/automation/v1.0";
            boolean custom = target.apiUrl() != null && !target.apiUrl().equals(defaultApi);
            return new PortalForm("ods", custom ? target.apiUrl() : "", target.remoteOrganization(),
                    target.remoteOrganization(), Map.of());
        }
        return new PortalForm(target.kind(), target.apiUrl(), target.remoteOrganization(), "", Map.of());
    }

    private void requirePublisher() {
        if (!person.isPublisher()) {
            throw DatasetPages.reserved("Connecter un portail ou lui envoyer de nouveau une version est réservé aux"
                    + " publieurs de votre organisation.");
        }
    }
}
