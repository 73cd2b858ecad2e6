package fr.passerelle.staff.decision;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.IngestApi;
import fr.passerelle.staff.services.QualityApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.upload.SubmittedUploads;
import fr.passerelle.staff.web.Labels;
import fr.passerelle.staff.web.PageProblem;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * Décider: the questions a check left (column mapping, date order, near-duplicates, personal data) answered with a
 * click; the answers are remembered for the dataset and the same file is checked again. Also the dataset's remembered
 * decisions, each of which may be forgotten.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DecisionResource {

    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern DATASET = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DECISION_ID = Pattern.compile("[a-z0-9.-]{1,200}");

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance depotDecisions(DecisionPage page);

        static native TemplateInstance jeuDecisions(String dataset, List<RememberedLine> decisions, boolean forgotten);
    }

    /** A remembered decision as the dataset's page lists it. */
    public record RememberedLine(String id, String label, String decidedBy, String decidedAt) {
    }

    @Inject
    Person person;

    @Inject
    SubmittedUploads submitted;

    @Inject
    @RestClient
    IngestApi ingest;

    @Inject
    @RestClient
    QualityApi quality;

    @GET
    @Path("depots/{id}/decisions")
    public TemplateInstance form(@PathParam("id") String uploadId) {
        return Templates.depotDecisions(DecisionPage.of(report(uploadId), Map.of(), UUID.randomUUID().toString(), null,
                person.isPublisher()));
    }

    @POST
    @Path("depots/{id}/decisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response decide(@PathParam("id") String uploadId, MultipartFormDataInput form) {
        Api.Report report = report(uploadId);
        Map<String, String> chosen = new LinkedHashMap<>();
        List<Api.Question> questions = report.details() == null || report.details().decisions() == null ? List.of()
                : report.details().decisions();
        for (int q = 0; q < questions.size(); q++) {
            String value = value(form, "q" + q);
            if (value != null && !value.isBlank()) {
                chosen.put(questions.get(q).id(), value.strip());
            }
        }
        String formKey = value(form, "formKey");
        if (chosen.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.depotDecisions(DecisionPage.of(
                    report, chosen, formKey == null ? UUID.randomUUID().toString() : formKey,
                    "Choisissez une réponse à au moins une question.", person.isPublisher()))).build();
        }
        String key = person.subject() + "/decisions/" + (formKey == null || formKey.isBlank() ? UUID.randomUUID() : formKey);
        String bearer = person.bearer();
        List<Api.Answer> answers = new ArrayList<>();
        chosen.forEach((id, choice) -> answers.add(new Api.Answer(id, choice)));
        // A second click on the same form gets the first one's new check, not a third one.
        String recheckId = submitted.once(key, () -> ServiceCalls.call("ingest", "vos décisions sur ce dépôt",
                () -> ingest.decide(bearer, uploadId, new Api.Decisions(answers))).uploadId());
        return Response.seeOther(URI.create("/depots/" + recheckId)).build();
    }

    @GET
    @Path("jeux/{dataset}/decisions")
    public TemplateInstance remembered(@PathParam("dataset") String dataset, @QueryParam("oubliee") String forgotten) {
        String slug = dataset(dataset);
        String organization = organization();
        String bearer = person.bearer();
        List<RememberedLine> lines = ServiceCalls.call("ingest", "les décisions de ce jeu de données",
                () -> ingest.decisions(bearer, organization, slug)).stream()
                .map(decision -> new RememberedLine(decision.id(), decision.label(), decision.decidedBy(),
                        Labels.when(decision.decidedAt()))).toList();
        return Templates.jeuDecisions(slug, lines, forgotten != null);
    }

    @POST
    @Path("jeux/{dataset}/decisions/{decision}/oublier")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response forget(@PathParam("dataset") String dataset, @PathParam("decision") String decisionId,
                           MultipartFormDataInput form) {
        String slug = dataset(dataset);
        if (!DECISION_ID.matcher(decisionId).matches()) {
            throw notFound("cette décision");
        }
        String organization = organization();
        String bearer = person.bearer();
        try {
            ServiceCalls.call("ingest", "cette décision", () -> {
                ingest.forgetDecision(bearer, organization, slug, decisionId);
                return null;
            });
        } catch (PageProblem e) {
            // Forgotten already (a second click): the list says what remains.
            if (e.status() != 404) {
                throw e;
            }
        }
        return Response.seeOther(URI.create("/jeux/" + slug + "/decisions?oubliee=1")).build();
    }

    private Api.Report report(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw notFound("ce dépôt");
        }
        String bearer = person.bearer();
        return ServiceCalls.call("quality", "le rapport de ce dépôt", () -> quality.report(bearer, uploadId));
    }

    private static String value(MultipartFormDataInput form, String name) {
        Collection<FormValue> values = form.getValues().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next().getValue();
    }

    private static String dataset(String dataset) {
        if (dataset == null || !DATASET.matcher(dataset).matches()) {
            throw notFound("ce jeu de données");
        }
        return dataset;
    }

    private String organization() {
        return person.organization().orElseThrow(() -> new PageProblem(403, "Aucune organisation",
                "Votre compte n'est rattaché à aucune organisation.",
                "Demandez à l'administrateur de votre organisation de vous y rattacher."));
    }

    private static PageProblem notFound(String what) {
        return new PageProblem(404, "Introuvable", "Nous ne trouvons pas " + what + " dans votre organisation.",
                "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
    }
}
