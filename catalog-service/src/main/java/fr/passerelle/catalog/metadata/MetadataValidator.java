package fr.passerelle.catalog.metadata;

import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.platform.web.ApiException;
import java.util.List;
import java.util.regex.Pattern;

/** Refuses metadata a portal would refuse, with the French reason and the way to fix it. */
public final class MetadataValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern INSEE_CODE = Pattern.compile("\\d[0-9AB]\\d{3}|\\d{2,3}|2[AB]|reg-\\d{2}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_KEYWORDS = 30;

    private MetadataValidator() {
    }

    public static void check(MetadataUpdate update) {
        if (update.title() != null && (update.title().isBlank() || update.title().length() > MAX_TITLE)) {
            throw invalid("title", "Le titre doit contenir entre 1 et " + MAX_TITLE + " caractères.",
                    "Par exemple « Stationnements vélo de la ville de Grenoble ».");
        }
        if (update.licence() != null && Licence.byId(update.licence()).isEmpty()) {
            throw invalid("licence", "La licence « " + update.licence() + " » n'est pas reconnue.",
                    "Choisissez l'une de : " + Licence.ids() + " (par défaut etalab-2.0, la Licence Ouverte).");
        }
        if (update.frequency() != null && Frequency.byId(update.frequency()).isEmpty()) {
            throw invalid("frequency", "La fréquence « " + update.frequency() + " » n'est pas reconnue.",
                    "Choisissez l'une de : " + Frequency.ids() + ".");
        }
        if (update.temporalStart() != null && update.temporalEnd() != null
                && update.temporalEnd().isBefore(update.temporalStart())) {
            throw invalid("temporal", "La fin de la couverture temporelle précède son début.",
                    "Vérifiez les dates : début " + update.temporalStart() + ", fin " + update.temporalEnd() + ".");
        }
        if (update.contactEmail() != null && !EMAIL.matcher(update.contactEmail()).matches()) {
            throw invalid("contactEmail", "L'adresse de contact « " + update.contactEmail() + " » n'est pas valide.",
                    "Indiquez une adresse de messagerie, de préférence générique (donnees@ville.fr).");
        }
        List<String> keywords = update.keywords();
        if (keywords != null && (keywords.size() > MAX_KEYWORDS || keywords.stream().anyMatch(k -> k == null || k.isBlank()))) {
            throw invalid("keywords", "Les mots-clés doivent être au plus " + MAX_KEYWORDS + ", sans mot-clé vide.",
                    "Par exemple [\"vélo\", \"stationnement\", \"mobilité\"].");
        }
        if (update.spatial() != null) {
            update.spatial().stream().filter(code -> code == null || !INSEE_CODE.matcher(code).matches()).findFirst()
                    .ifPresent(code -> {
                        throw invalid("spatial", "« " + code + " » n'est pas un code géographique INSEE reconnu.",
                                "Utilisez un code commune (38185), un département (38, 2A, 971) ou une région (reg-84).");
                    });
        }
    }

    private static ApiException invalid(String field, String message, String hint) {
        return ApiException.badRequest("invalid-metadata-" + field, message, hint);
    }
}
