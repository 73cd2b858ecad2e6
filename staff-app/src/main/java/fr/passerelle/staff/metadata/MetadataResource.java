package fr.passerelle.staff.metadata;

import fr.passerelle.staff.communes.Commune;
import fr.passerelle.staff.communes.Communes;
import fr.passerelle.staff.dataset.DatasetHeader;
import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Métadonnées: the form of a dataset's description, its score and advice (updated as the person types by
 * metadonnees.js, which asks the catalogue to score the draft), and the commune search for its coverage.
 */
@Path("/jeux/{dataset}/metadonnees")
@Produces(MediaType.TEXT_HTML)
public class MetadataResource {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance metadonnees(DatasetHeader jeu, MetadataForm form, Score score,
                                                   List<Commune> chosen, String query, List<Commune> found,
                                                   Map<String, String> errors, boolean saved, boolean mayEdit,
                                                   List<Choices.Choice> licences, List<Choices.Choice> frequencies,
                                                   List<String> themes);

        static native TemplateInstance metadonneesScore(Score score);
    }

    /** The score shown beside the form; {@code note} says why it could not be recomputed, when so. */
    public record Score(int score, List<String> missing, List<String> firstPublicationMissing, String note) {
    }

    @Inject
    DatasetPages pages;

    @Inject
    Person person;

    @Inject
    Communes communes;

    @Inject
    @RestClient
    CatalogApi catalog;

    @GET
    public TemplateInstance form(@PathParam("dataset") String slug, @QueryParam("enregistre") boolean saved) {
        Api.DatasetDetail detail = pages.dataset(slug);
        MetadataForm form = MetadataForm.of(detail);
        return page(detail, form, draftScoreOrNote(detail.dataset(), form), null, Map.of(), saved);
    }

    /**
     * Saves the form; or, when the person pressed « Chercher » (no script), searches communes and shows the
     * form again as typed, the results to tick.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("dataset") String slug, @RestForm String titre, @RestForm String description,
                         @RestForm("mots-cles") String keywords, @RestForm String theme, @RestForm String licence,
                         @RestForm String frequence, @RestForm String debut, @RestForm String fin,
                         @RestForm List<String> spatial, @RestForm("contact-nom") String contactName,
                         @RestForm("contact-email") String contactEmail, @RestForm("recherche-commune") String query,
                         @RestForm String action) {
        Api.DatasetDetail detail = pages.dataset(slug);
        MetadataForm form = new MetadataForm(titre, description, keywords, theme, licence, frequence, debut, fin,
                spatial, contactName, contactEmail);
        if ("chercher".equals(action)) {
            return Response.ok(page(detail, form, draftScoreOrNote(detail.dataset(), form), query, Map.of(), false)).build();
        }
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        if (errors.isEmpty()) {
            String organization = pages.organization();
            String bearer = person.bearer();
            try {
                catalog.updateMetadata(bearer, organization, detail.dataset(), form.body());
                return Response.seeOther(URI.create("/jeux/" + detail.dataset() + "/metadonnees?enregistre=true")).build();
            } catch (WebApplicationException e) {
                Optional<Api.Problem> refusal = ServiceCalls.refusal(e);
                if (refusal.isEmpty()) {
                    throw ServiceCalls.problem("catalog", "les métadonnées de ce jeu de données", e);
                }
                errors.put(fieldOf(refusal.get().code()), refusal.get().message()
                        + (refusal.get().hint() == null ? "" : " " + refusal.get().hint()));
            }
        }
        Score score = draftScoreOrNote(detail.dataset(), form);
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(detail, form, score, null, errors, false))
                .build();
    }

    /** The score of the form as it is now, without saving: what metadonnees.js shows as the person types. */
    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance score(@PathParam("dataset") String slug, @RestForm String titre, @RestForm String description,
                                  @RestForm("mots-cles") String keywords, @RestForm String theme, @RestForm String licence,
                                  @RestForm String frequence, @RestForm String debut, @RestForm String fin,
                                  @RestForm List<String> spatial, @RestForm("contact-nom") String contactName,
                                  @RestForm("contact-email") String contactEmail) {
        Api.DatasetDetail detail = pages.dataset(slug);
        MetadataForm form = new MetadataForm(titre, description, keywords, theme, licence, frequence, debut, fin,
                spatial, contactName, contactEmail);
        return Templates.metadonneesScore(draftScoreOrNote(detail.dataset(), form));
    }

    private Score draftScoreOrNote(String dataset, MetadataForm form) {
        if (!form.errors().isEmpty()) {
            return new Score(0, List.of(), List.of(), "Le score sera recalculé quand les dates seront lisibles.");
        }
        try {
            return draftScore(dataset, form.body());
        } catch (WebApplicationException e) {
            return ServiceCalls.refusal(e)
                    .map(refusal -> new Score(0, List.of(), List.of(), "Le score n'est pas recalculé : " + refusal.message()))
                    .orElseThrow(() -> ServiceCalls.problem("catalog", "le score des métadonnées", e));
        }
    }

    private Score draftScore(String dataset, Map<String, Object> body) {
        String organization = pages.organization();
        String bearer = person.bearer();
        Api.DraftScore draft = catalog.scoreDraft(bearer, organization, dataset, body);
        return new Score(draft.score(), draft.missing(), draft.firstPublicationMissing(), null);
    }

    private TemplateInstance page(Api.DatasetDetail detail, MetadataForm form, Score score, String query,
                                  Map<String, String> errors, boolean saved) {
        List<Commune> chosen = form.spatialCodes().stream()
                .map(code -> communes.byCode(code).orElse(new Commune(code, "code " + code, "", 0))).toList();
        List<Commune> found = query == null ? List.of() : communes.search(query, 20).stream()
                .filter(c -> !form.spatialCodes().contains(c.code())).toList();
        return Templates.metadonnees(DatasetHeader.of(detail, pages.versions(detail.dataset()), "metadonnees"), form,
                score, chosen, query, found, errors, saved, person.hasRole("contributor"), Choices.LICENCES,
                Choices.FREQUENCIES, Choices.THEMES);
    }

    static String fieldOf(String code) {
        String field = code != null && code.startsWith("invalid-metadata-") ? code.substring("invalid-metadata-".length()) : "";
        return MetadataForm.FIELD_OF.getOrDefault(field, "titre");
    }
}
