package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What the pages of one dataset read from the catalogue, for the person's organisation only. */
@RequestScoped
public class DatasetPages {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    Person person;

    @Inject
    @RestClient
    CatalogApi catalog;

    public String organization() {
        return person.organization().orElseThrow(() -> new PageProblem(403, "Aucune organisation",
                "Votre compte n'est rattaché à aucune organisation : il n'a pas de jeux de données.",
                "Demandez à l'administrateur de votre organisation de vous y rattacher."));
    }

    /** The dataset of the person's organisation; « Introuvable » for a bad identifier, a missing or foreign one. */
    public Api.DatasetDetail dataset(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw notFound();
        }
        String organization = organization();
        String bearer = person.bearer();
        return ServiceCalls.call("catalog", "ce jeu de données", () -> catalog.dataset(bearer, organization, slug));
    }

    public List<Api.Version> versions(String slug) {
        String organization = organization();
        String bearer = person.bearer();
        return ServiceCalls.call("catalog", "les versions de ce jeu de données",
                () -> catalog.versions(bearer, organization, slug));
    }

    public DatasetHeader header(Api.DatasetDetail detail, List<Api.Version> versions, String section) {
        return DatasetHeader.of(detail, versions, section);
    }

    /** Its title, or its identifier while it has none. */
    public static String title(Api.DatasetDetail dataset) {
        return dataset.title() == null || dataset.title().isBlank() ? dataset.dataset() : dataset.title();
    }

    public static PageProblem notFound() {
        return new PageProblem(404, "Introuvable", "Nous ne trouvons pas ce jeu de données dans votre organisation.",
                "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
    }

    /** A page or a button the person's roles do not allow: said in French, on a 403 page. */
    public static PageProblem reserved(String sentence) {
        return new PageProblem(403, "Accès réservé", sentence,
                "Si vous en avez besoin, demandez à l'administrateur de votre organisation de vous donner ce rôle.");
    }
}
