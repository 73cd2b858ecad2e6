package fr.passerelle.catalog.metadata;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dataset's first publication needs, whatever its score: a readable title, a description and a
 * licence. A portal shows nothing else about the data to the people who find it.
 */
public final class FirstPublication {

    private FirstPublication() {
    }

    /** What is missing, in French ("un titre lisible", …); empty when the dataset may be published. */
    public static List<String> missing(DatasetView dataset) {
        List<String> missing = new ArrayList<>();
        if (dataset.title() == null || dataset.title().isBlank() || dataset.title().equals(dataset.dataset())) {
            missing.add("un titre lisible (aujourd'hui l'identifiant « " + dataset.dataset() + " »)");
        }
        if (dataset.description() == null || dataset.description().isBlank()) {
            missing.add("une description");
        }
        if (dataset.licence() == null || Licence.byId(dataset.licence()).isEmpty()) {
            missing.add("une licence");
        }
        return missing;
    }

    /** Refuses the first publication of a dataset that lacks one of them (422, every missing item named). */
    public static void require(DatasetView dataset) {
        List<String> missing = missing(dataset);
        if (missing.isEmpty()) {
            return;
        }
        throw new ApiException(422, "metadata-incomplete",
                "La première publication d'un jeu de données demande au moins un titre, une description et une licence : "
                        + "il manque " + join(missing) + ".",
                "Complétez les métadonnées du jeu de données (page « Métadonnées » de l'espace agent, ou PUT "
                        + "/api/v1/datasets/" + dataset.organization() + "/" + dataset.dataset()
                        + " avec title et description), puis approuvez à nouveau.");
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }
}
