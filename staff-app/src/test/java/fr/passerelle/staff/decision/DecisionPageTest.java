package fr.passerelle.staff.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Décider: each question a radio group of its own, the answers kept when the form comes back with an error. */
class DecisionPageTest {

    private static final Api.Question PHONE = new Api.Question("donnees-personnelles.telephone", "donnees-personnelles",
            "Téléphone", "Que faire de la colonne « Téléphone » avant publication ?", List.of(
            new Api.Choice("supprimer", "Supprimer"), new Api.Choice("masquer", "Masquer")));
    private static final Api.Question DATES = new Api.Question("ordre-des-dates.date_maj", "ordre-des-dates", "date_maj",
            "Dans quel ordre ?", List.of(new Api.Choice("jour-mois", "Jour/mois"), new Api.Choice("mois-jour", "Mois/jour")));

    @Test
    void everyQuestionIsARadioGroupWithItsOwnNameAndIdsAndTheChosenAnswerStaysTicked() {
        Api.ReportDetails details = new Api.ReportDetails("BLOCKED", "s", "UTF-8", ";", 1, 1, 100.0, 0, Map.of(), List.of(),
                List.of(PHONE, DATES), List.of());
        Api.Report report = new Api.Report("u-1", "demo", "velos", "a.csv", "s", "BLOCKED", "", Instant.now(), details, null);

        DecisionPage page = DecisionPage.of(report, Map.of("ordre-des-dates.date_maj", "mois-jour"), "cle", "erreur");

        assertEquals(List.of("q0", "q1"), page.questions().stream().map(DecisionPage.QuestionLine::name).toList());
        assertEquals("Données personnelles", page.questions().get(0).kind());
        assertEquals(List.of("q1-0", "q1-1"), page.questions().get(1).choices().stream()
                .map(DecisionPage.ChoiceLine::htmlId).toList());
        assertFalse(page.questions().get(1).choices().get(0).checked());
        assertTrue(page.questions().get(1).choices().get(1).checked());
        assertEquals("erreur", page.error());
    }

    @Test
    void onlyAPublisherIsOfferedToPublishPersonalDataAsTheyAre() {
        Api.Question phone = new Api.Question("donnees-personnelles.telephone", "donnees-personnelles", "Téléphone",
                "Que faire ?", List.of(new Api.Choice("supprimer", "Supprimer"), new Api.Choice("publique", "Publique")));
        Api.ReportDetails details = new Api.ReportDetails("BLOCKED", "s", "UTF-8", ";", 1, 1, 100.0, 0, Map.of(), List.of(),
                List.of(phone), List.of());
        Api.Report report = new Api.Report("u-1", "demo", "velos", "a.csv", "s", "BLOCKED", "", Instant.now(), details, null);

        assertEquals(List.of("supprimer"), DecisionPage.of(report, Map.of(), "cle", null, false).questions().get(0)
                .choices().stream().map(DecisionPage.ChoiceLine::value).toList());
        assertEquals(List.of("supprimer", "publique"), DecisionPage.of(report, Map.of(), "cle", null, true).questions()
                .get(0).choices().stream().map(DecisionPage.ChoiceLine::value).toList());
    }

    @Test
    void aReportWithoutQuestionsHasNone() {
        Api.Report report = new Api.Report("u-1", "demo", "velos", "a.csv", "s", "VALID", "", Instant.now(),
                new Api.ReportDetails("VALID", "s", "UTF-8", ";", 1, 1, 100.0, 0, Map.of(), List.of()), null);

        assertEquals(List.of(), DecisionPage.of(report, Map.of(), "cle", null).questions());
    }
}
