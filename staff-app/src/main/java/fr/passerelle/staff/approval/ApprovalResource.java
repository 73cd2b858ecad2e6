package fr.passerelle.staff.approval;

import fr.passerelle.staff.dataset.DatasetHeader;
import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.dataset.DiffPage;
import fr.passerelle.staff.dataset.VersionLine;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Approuver: the version waiting against the published one, approve or refuse with a comment, and the
 * journal; and « Approbations », what waits in the organisation. Contributors see it read-only.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ApprovalResource {

    static final int MAX_COMMENT = 2_000;

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance approbation(DatasetHeader jeu, Api.DatasetDetail detail, VersionLine waiting,
                                                   DiffPage diff, String diffNote, List<JournalLine> journal,
                                                   boolean mayDecide, String formKey, String done, String comment,
                                                   Map<String, String> errors, String refusal);

        static native TemplateInstance approbations(List<WaitingLine> waiting);
    }

    public record JournalLine(String when, String action, String actor, String reason, String versions) {
    }

    public record WaitingLine(String dataset, String title, int version, String received, String validity) {
    }

    @Inject
    DatasetPages pages;

    @Inject
    Person person;

    @Inject
    SubmittedUploads submitted;

    @Inject
    @RestClient
    CatalogApi catalog;

    @GET
    @Path("approbations")
    public TemplateInstance waiting() {
        String organization = pages.organization();
        String bearer = person.bearer();
        List<WaitingLine> lines = new ArrayList<>();
        for (Api.Dataset dataset : ServiceCalls.call("catalog", "les jeux de données de votre organisation",
                () -> catalog.datasets(bearer))) {
            List<Api.Version> versions = ServiceCalls.call("catalog", "les versions de ce jeu de données",
                    () -> catalog.versions(bearer, organization, dataset.dataset()));
            versions.stream().filter(v -> "AWAITING_APPROVAL".equals(v.state())).findFirst()
                    .ifPresent(v -> lines.add(new WaitingLine(dataset.dataset(),
                            dataset.title() == null || dataset.title().isBlank() ? dataset.dataset() : dataset.title(),
                            v.version(), Labels.when(v.createdAt()), Labels.percent(v.validityPercent()))));
        }
        return Templates.approbations(lines);
    }

    @GET
    @Path("jeux/{dataset}/approbation")
    public TemplateInstance page(@PathParam("dataset") String slug, @QueryParam("fait") String done) {
        return page(pages.dataset(slug), done, null, Map.of(), null);
    }

    @POST
    @Path("jeux/{dataset}/approbation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("dataset") String slug, @RestForm String decision, @RestForm String commentaire,
                           @RestForm String formKey) {
        Api.DatasetDetail detail = pages.dataset(slug);
        if (!person.hasRole("publisher")) {
            throw new PageProblem(403, "Réservé aux publieurs",
                    "Seul un publieur de votre organisation peut approuver ou refuser une version.",
                    "Demandez à un publieur de votre organisation de relire cette version.");
        }
        String comment = commentaire == null ? "" : commentaire.strip();
        if (!"approuver".equals(decision) && !"refuser".equals(decision)) {
            return invalid(detail, comment, Map.of("decision", "Choisissez d'approuver ou de refuser."));
        }
        if ("refuser".equals(decision) && comment.isEmpty()) {
            return invalid(detail, comment, Map.of("commentaire",
                    "Dites pourquoi vous refusez : la personne qui a déposé le fichier lira ce commentaire."));
        }
        if (comment.length() > MAX_COMMENT) {
            return invalid(detail, comment, Map.of("commentaire",
                    "Le commentaire dépasse " + MAX_COMMENT + " caractères : raccourcissez-le."));
        }
        String organization = pages.organization();
        String bearer = person.bearer();
        String key = "decision/" + person.subject() + "/" + (formKey == null || formKey.isBlank() ? UUID.randomUUID() : formKey);
        try {
            // A second click (or a reload that posts again) gets the first decision's answer, not a second one.
            String outcome = submitted.once(key, () -> {
                Map<String, String> body = comment.isEmpty() ? Map.of() : Map.of("comment", comment);
                if ("approuver".equals(decision)) {
                    catalog.approve(bearer, organization, detail.dataset(), body);
                    return "approuve";
                }
                catalog.refuse(bearer, organization, detail.dataset(), body);
                return "refuse";
            });
            return Response.seeOther(URI.create("/jeux/" + detail.dataset() + "/approbation?fait=" + outcome)).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                // Nothing waits any more (another publisher was quicker): the page shows what happened.
                return Response.seeOther(URI.create("/jeux/" + detail.dataset() + "/approbation")).build();
            }
            // The catalogue's French refusal (what a first publication lacks…) is shown on the page itself.
            String refusal = ServiceCalls.refusal(e).map(p -> p.message() + (p.hint() == null ? "" : " " + p.hint()))
                    .orElseThrow(() -> ServiceCalls.problem("catalog", "cette décision", e));
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(detail, null, comment, Map.of(), refusal)).build();
        }
    }

    private Response invalid(Api.DatasetDetail detail, String comment, Map<String, String> errors) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(detail, null, comment, errors, null)).build();
    }

    private TemplateInstance page(Api.DatasetDetail detail, String done, String comment, Map<String, String> errors,
                                  String refusal) {
        List<Api.Version> versions = pages.versions(detail.dataset());
        Api.Version waiting = versions.stream().filter(v -> "AWAITING_APPROVAL".equals(v.state())).findFirst().orElse(null);
        String organization = pages.organization();
        String bearer = person.bearer();
        DiffPage diff = null;
        String diffNote = null;
        if (waiting != null) {
            Integer published = detail.publishedVersion();
            if (published == null) {
                diffNote = "C'est la première publication de ce jeu de données : il n'y a pas de version publiée à laquelle la comparer.";
            } else {
                try {
                    diff = DiffPage.of(catalog.diff(bearer, organization, detail.dataset(), waiting.version(), published));
                } catch (WebApplicationException e) {
                    diffNote = ServiceCalls.refusal(e).map(Api.Problem::message)
                            .orElse("La comparaison avec la version publiée n'est pas disponible pour l'instant.");
                }
            }
        }
        List<JournalLine> journal = ServiceCalls.call("catalog", "le journal des approbations",
                () -> catalog.approvals(bearer, organization, detail.dataset())).stream()
                .map(entry -> new JournalLine(Labels.when(entry.at()), Labels.approvalAction(entry.action()),
                        entry.actor(), entry.reason(), entry.versions() == null || entry.versions().isEmpty() ? ""
                        : entry.versions().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")))
                .toList();
        return Templates.approbation(DatasetHeader.of(detail, versions, "approbation"), detail,
                waiting == null ? null : VersionLine.of(waiting), diff, diffNote,
                journal, person.hasRole("publisher"), UUID.randomUUID().toString(), done, comment, errors, refusal);
    }
}
