package fr.passerelle.ingest.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a remembered decision reads in the dataset's list and the audit log. */
class DecisionWordsTest {

    @Test
    void eachKindOfDecisionReadsInFrench() {
        assertEquals("Colonne « Emplacement » : associée au champ « adresse »",
                DecisionWords.label("colonne", "Emplacement", "adresse"));
        assertEquals("Colonne « Notes » : ignorée", DecisionWords.label("colonne", "Notes", "ignorer"));
        assertEquals("Dates de la colonne « date_maj » : lues mois/jour/année",
                DecisionWords.label("ordre-des-dates", "date_maj", "mois-jour"));
        assertEquals("Doublons probables : supprimés", DecisionWords.label("quasi-doublons", null, "supprimer"));
        assertEquals("Données personnelles de la colonne « Téléphone » : valeurs hachées",
                DecisionWords.label("donnees-personnelles", "Téléphone", "hacher"));
    }

    @Test
    void theAnswersOfEachKindAreThoseTheEngineOffers() {
        assertEquals(List.of("supprimer", "masquer", "hacher", "publique"),
                DecisionWords.FIXED_CHOICES.get("donnees-personnelles"));
        assertEquals(List.of("jour-mois", "mois-jour"), DecisionWords.FIXED_CHOICES.get("ordre-des-dates"));
        assertEquals(List.of("garder", "supprimer"), DecisionWords.FIXED_CHOICES.get("quasi-doublons"));
    }
}
