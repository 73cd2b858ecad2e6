package fr.passerelle.staff.dashboard;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
import fr.passerelle.staff.services.IngestApi;
import fr.passerelle.staff.services.PublishApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Tableau de bord: the organisation's datasets, what waits for a decision first. */
@Path("/tableau-de-bord")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance tableauDeBord(List<DatasetRow> waiting, List<DatasetRow> refused, List<DatasetRow> datasets);
    }

    @Inject
    Person person;

    @Inject
    @RestClient
    CatalogApi catalog;

    @Inject
    @RestClient
    PublishApi publish;

    @Inject
    @RestClient
    IngestApi ingest;

    @ConfigProperty(name = "passerelle.staff.portal-url")
    String portalUrl;

    @GET
    public TemplateInstance dashboard() {
        String organization = person.organization().orElseThrow(() -> new PageProblem(403, "Aucune organisation",
                "Votre compte n'est rattaché à aucune organisation : il n'a pas de jeux de données.",
                "Demandez à l'administrateur de votre organisation de vous y rattacher."));
        String bearer = person.bearer();
        List<Api.Dataset> datasets = ServiceCalls.call("catalog", "les jeux de données de votre organisation",
                () -> catalog.datasets(bearer));
        List<DatasetRow> rows = new ArrayList<>();
        for (Api.Dataset dataset : datasets) {
            List<Api.Version> versions = ServiceCalls.call("catalog", "les versions de ce jeu de données",
                    () -> catalog.versions(bearer, organization, dataset.dataset()));
            List<Api.Target> targets = ServiceCalls.call("publish", "les portails de ce jeu de données",
                    () -> publish.targets(bearer, organization, dataset.dataset()));
            rows.add(DatasetRow.of(dataset, versions, targets, portalUrl));
        }
        // The catalogue knows a dataset from its first accepted file; before that, only its uploads tell of it.
        java.util.Set<String> known = datasets.stream().map(Api.Dataset::dataset).collect(java.util.stream.Collectors.toSet());
        ServiceCalls.call("ingest", "les derniers dépôts de votre organisation",
                        () -> ingest.lastUploads(bearer, organization)).stream()
                .filter(upload -> !known.contains(upload.dataset()))
                .map(DatasetRow::ofLastUpload)
                .forEach(rows::add);
        rows.sort(java.util.Comparator.comparing(DatasetRow::dataset));
        List<DatasetRow> waiting = rows.stream().filter(DatasetRow::awaitingApproval).toList();
        List<DatasetRow> refused = rows.stream().filter(DatasetRow::needsNewFile).toList();
        return Templates.tableauDeBord(waiting, refused, rows);
    }
}
