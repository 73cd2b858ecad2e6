package fr.passerelle.staff.datasets;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The dataset a section page (/jeux/{dataset}/…) is about: the person's organisation, the slug checked, and
 * the catalogue's record, which also answers « introuvable » for a dataset of another organisation.
 */
@RequestScoped
public class DatasetPages {

    private static final Pattern DATASET = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    Person person;

    @Inject
    @RestClient
    CatalogApi catalog;

    /** The person's organisation, or a French page for an account that has none. */
    public String organization() {
        return person.organization().orElseThrow(() -> new PageProblem(403, "Aucune organisation",
                "Votre compte n'est rattaché à aucune organisation : il n'a pas de jeux de données.",
                "Demandez à l'administrateur de votre organisation de vous y rattacher."));
    }

    public Api.Dataset dataset(String slug) {
        if (slug == null || !DATASET.matcher(slug).matches()) {
            throw notFound();
        }
        String organization = organization();
        String bearer = person.bearer();
        return ServiceCalls.call("catalog", "ce jeu de données", () -> catalog.dataset(bearer, organization, slug));
    }

    public static String title(Api.Dataset dataset) {
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
