package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The hub of one dataset: its versions, a comparison of two, and the menu to its other sections. */
// At the root, as the other pages under /jeux/{dataset}/ are (approbation, decisions): a class path
// "/jeux/{dataset}" would be matched first for all of them and answer 404 for the sections it does not have.
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DatasetResource {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance jeu(DatasetHeader jeu, Api.DatasetDetail detail, List<VersionLine> versions,
                                           String latestCsv, String publicPage);

        static native TemplateInstance jeuComparaison(DatasetHeader jeu, DiffPage diff);
    }

    @Inject
    DatasetPages pages;

    @Inject
    Person person;

    @Inject
    @RestClient
    CatalogApi catalog;

    @ConfigProperty(name = "passerelle.staff.portal-url")
    String portalUrl;

    @GET
    @Path("jeux/{dataset}")
    public TemplateInstance hub(@PathParam("dataset") String slug) {
        Api.DatasetDetail detail = pages.dataset(slug);
        List<Api.Version> versions = pages.versions(slug);
        String portalDataset = portalUrl + "/portal/" + detail.organization() + "/" + detail.dataset();
        // Where the public reads the dataset: a person checks it there once it is published.
        String publicPage = detail.publishedVersion() == null ? null : portalDataset;
        String latestCsv = publicPage == null ? null : publicPage + "/latest.csv";
        return Templates.jeu(pages.header(detail, versions, "versions"), detail,
                versions.stream().map(version -> VersionLine.of(version, portalDataset)).toList(), latestCsv, publicPage);
    }

    @GET
    @Path("jeux/{dataset}/versions")
    public Response versions(@PathParam("dataset") String slug) {
        return Response.seeOther(URI.create("/jeux/" + pages.dataset(slug).dataset() + "#versions")).build();
    }

    /** Two versions compared: {@code version} against {@code avec} (the previous one when left out). */
    @GET
    @Path("jeux/{dataset}/versions/comparer")
    public TemplateInstance compare(@PathParam("dataset") String slug, @QueryParam("version") Integer version,
                                    @QueryParam("avec") Integer with) {
        Api.DatasetDetail detail = pages.dataset(slug);
        List<Api.Version> versions = pages.versions(slug);
        if (version == null) {
            throw new PageProblem(400, "Comparaison impossible", "Choisissez la version à comparer.",
                    "Revenez à l'historique des versions et choisissez deux versions.");
        }
        if (with != null && with.equals(version)) {
            throw new PageProblem(400, "Comparaison impossible", "Une version ne peut pas être comparée avec elle-même.",
                    "Choisissez deux versions différentes.");
        }
        String organization = pages.organization();
        String bearer = person.bearer();
        Api.Diff diff = ServiceCalls.call("catalog", "la comparaison de ces versions",
                () -> catalog.diff(bearer, organization, detail.dataset(), version, with));
        return Templates.jeuComparaison(pages.header(detail, versions, "versions"), DiffPage.of(diff));
    }
}
