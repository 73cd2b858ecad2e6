package fr.passerelle.staff.automation;

import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.IngestApi;
import fr.passerelle.staff.services.ServiceCalls;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Automatisation: how files of a dataset reach Passerelle without a person — dropped in the drop zone, or
 * fetched from an export URL on a schedule — and what became of the recent ones.
 */
@Path("/jeux/{dataset}/automatisation")
@Produces(MediaType.TEXT_HTML)
public class AutomationResource {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance automatisation(AutomationPage page);
    }

    /** The page; {@code url} and {@code interval} are what the form shows (the person's input after an error). */
    public record AutomationPage(String organization, String dataset, String title, String dropzoneBucket,
                                 String dropzonePrefix, String dropzoneUrl, SourceLine source, String url, int interval,
                                 List<IntervalChoice> intervals, Map<String, String> errors, List<DropLine> drops,
                                 boolean contributor, String notice) {
    }

    @Inject
    Person person;

    @Inject
    DatasetPages datasets;

    @Inject
    @RestClient
    IngestApi ingest;

    @ConfigProperty(name = "passerelle.staff.dropzone-url")
    String dropzoneUrl;

    @ConfigProperty(name = "passerelle.staff.dropzone-bucket", defaultValue = "dropzone")
    String dropzoneBucket;

    @GET
    public TemplateInstance page(@PathParam("dataset") String dataset, @QueryParam("fait") String done) {
        String notice = switch (done == null ? "" : done) {
            case "adresse" -> "L'adresse d'export est enregistrée : Passerelle la relèvera selon la fréquence choisie.";
            case "retiree" -> "L'adresse d'export est retirée : Passerelle ne la relèvera plus.";
            case "relevee" -> "Relève faite : son résultat est indiqué ci-dessous.";
            default -> null;
        };
        return Templates.automatisation(page(dataset, null, null, Map.of(), notice));
    }

    @POST
    @Path("adresse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response configure(@PathParam("dataset") String dataset, @RestForm String url, @RestForm String intervalle) {
        requireContributor();
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        SourceForm form = SourceForm.of(url, intervalle);
        if (!form.valid()) {
            return refused(dataset, form);
        }
        String bearer = person.bearer();
        var answer = ServiceCalls.submit("ingest", "cette adresse d'export", () -> ingest.configureSource(bearer,
                organization, found.dataset(), Map.of("url", form.url(), "intervalMinutes", form.interval())));
        if (answer.refused()) {
            return refused(dataset, form.refused(answer.refusal().code(), answer.refusal().message()));
        }
        return Response.seeOther(URI.create("/jeux/" + found.dataset() + "/automatisation?fait=adresse")).build();
    }

    @POST
    @Path("adresse/retirer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("dataset") String dataset) {
        requireContributor();
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        String bearer = person.bearer();
        ServiceCalls.call("ingest", "l'adresse d'export de ce jeu de données", () -> {
            ingest.removeSource(bearer, organization, found.dataset());
            return null;
        });
        return Response.seeOther(URI.create("/jeux/" + found.dataset() + "/automatisation?fait=retiree")).build();
    }

    @POST
    @Path("adresse/relever")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pullNow(@PathParam("dataset") String dataset) {
        requireContributor();
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        String bearer = person.bearer();
        ServiceCalls.call("ingest", "l'adresse d'export de ce jeu de données",
                () -> ingest.pull(bearer, organization, found.dataset()));
        return Response.seeOther(URI.create("/jeux/" + found.dataset() + "/automatisation?fait=relevee")).build();
    }

    private Response refused(String dataset, SourceForm form) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.automatisation(page(dataset, form.url(), form.interval(), form.errors(), null))).build();
    }

    private AutomationPage page(String dataset, String url, Integer interval, Map<String, String> errors, String notice) {
        Api.DatasetDetail found = datasets.dataset(dataset);
        String organization = datasets.organization();
        String bearer = person.bearer();
        Optional<Api.PullSource> source = ServiceCalls.optional("ingest", "l'adresse d'export de ce jeu de données",
                () -> ingest.source(bearer, organization, found.dataset()));
        List<DropLine> drops = ServiceCalls.call("ingest", "les dépôts automatiques de ce jeu de données",
                () -> ingest.drops(bearer, organization, found.dataset(), 20)).stream().map(DropLine::of).toList();
        int shownInterval = interval != null ? interval : source.map(Api.PullSource::intervalMinutes).orElse(1440);
        return new AutomationPage(organization, found.dataset(), DatasetPages.title(found), dropzoneBucket,
                organization + "/" + found.dataset() + "/", dropzoneUrl, source.map(SourceLine::of).orElse(null),
                url != null ? url : source.map(Api.PullSource::url).orElse(""), shownInterval,
                IntervalChoice.around(shownInterval), new LinkedHashMap<>(errors), drops, person.isContributor(), notice);
    }

    private void requireContributor() {
        if (!person.isContributor()) {
            throw DatasetPages.reserved("Configurer l'adresse d'export d'un jeu de données est réservé aux contributeurs"
                    + " de votre organisation.");
        }
    }
}
