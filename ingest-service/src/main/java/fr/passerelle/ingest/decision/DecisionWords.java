package fr.passerelle.ingest.decision;

import java.util.List;
import java.util.Map;

/** The kinds of decision, the answers a kind allows whatever the file, and how a decision reads in French. */
final class DecisionWords {

    static final String COLUMN = "colonne";
    static final String DATE_ORDER = "ordre-des-dates";
    static final String NEAR_DUPLICATES = "quasi-doublons";
    static final String PERSONAL_DATA = "donnees-personnelles";

    /** The answers of each kind but the mapping one, whose answers are the schema's fields (or « ignorer »). */
    static final Map<String, List<String>> FIXED_CHOICES = Map.of(
            DATE_ORDER, List.of("jour-mois", "mois-jour"),
            NEAR_DUPLICATES, List.of("garder", "supprimer"),
            PERSONAL_DATA, List.of("supprimer", "masquer", "hacher", "publique"));

    private DecisionWords() {
    }

    static String label(String kind, String subject, String choice) {
        return switch (kind) {
            case COLUMN -> "Colonne « " + subject + " » : " + ("ignorer".equals(choice) ? "ignorée"
                    : "associée au champ « " + choice + " »");
            case DATE_ORDER -> "Dates de la colonne « " + subject + " » : lues "
                    + ("mois-jour".equals(choice) ? "mois/jour/année" : "jour/mois/année");
            case NEAR_DUPLICATES -> "Doublons probables : " + ("supprimer".equals(choice) ? "supprimés" : "gardés");
            case PERSONAL_DATA -> "Données personnelles de la colonne « " + subject + " » : " + switch (choice) {
                case "supprimer" -> "colonne vidée";
                case "masquer" -> "valeurs masquées";
                case "hacher" -> "valeurs hachées";
                default -> "déclarées publiques";
            };
            default -> kind + " « " + subject + " » : " + choice;
        };
    }
}
