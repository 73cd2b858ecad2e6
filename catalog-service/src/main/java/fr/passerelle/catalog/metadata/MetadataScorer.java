package fr.passerelle.catalog.metadata;

import fr.passerelle.catalog.dataset.DatasetView;
import java.util.ArrayList;
import java.util.List;

/** Scores a dataset's metadata; each check names what to fill when it fails. */
public final class MetadataScorer {

    /** data.gouv.fr asks for a description that explains the data, not a one-liner. */
    static final int MIN_DESCRIPTION_LENGTH = 100;

    private MetadataScorer() {
    }

    public static MetadataScore score(DatasetView dataset) {
        List<Check> checks = List.of(
                new Check(!dataset.title().equals(dataset.dataset()),
                        "Donnez un titre lisible (aujourd'hui l'identifiant technique « " + dataset.dataset() + " »)."),
                new Check(dataset.description() != null && dataset.description().strip().length() >= MIN_DESCRIPTION_LENGTH,
                        "Rédigez une description d'au moins " + MIN_DESCRIPTION_LENGTH
                                + " caractères : ce que contiennent les données, leur source, leurs limites."),
                new Check(!dataset.keywords().isEmpty(), "Ajoutez des mots-clés pour que le jeu de données soit trouvé."),
                new Check(dataset.theme() != null && !dataset.theme().isBlank(), "Choisissez une thématique."),
                new Check(!"unknown".equals(dataset.frequency()), "Indiquez la fréquence de mise à jour."),
                new Check(dataset.temporalStart() != null, "Indiquez la couverture temporelle (date de début au moins)."),
                new Check(!dataset.spatial().isEmpty(),
                        "Indiquez la couverture géographique (codes INSEE des communes, départements ou régions)."),
                new Check(dataset.contactEmail() != null, "Indiquez une adresse de contact pour les réutilisateurs."),
                new Check(dataset.schema() != null, "Rattachez le jeu de données à un schéma."));
        List<String> missing = new ArrayList<>();
        checks.stream().filter(check -> !check.passed()).forEach(check -> missing.add(check.hint()));
        int score = Math.round(100f * (checks.size() - missing.size()) / checks.size());
        return new MetadataScore(score, missing);
    }

    private record Check(boolean passed, String hint) {
    }
}
