package fr.passerelle.staff.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferencesFormTest {

    private static final Api.NotificationChoices OFFERED = new Api.NotificationChoices("alix@ville.fr", List.of(
            new Api.NotificationChoice("upload.rejected", "Un fichier est refusé au contrôle", "IMMEDIATE"),
            new Api.NotificationChoice("dead-letter", "Un message n'a pas pu être traité (lettre morte)", "NONE")));

    @Test
    void thePageChecksWhatThePersonChoseAndOffersTheThreeDeliveries() {
        PreferencesForm form = PreferencesForm.of(OFFERED);

        PreferencesForm.Line first = form.lines().get(0);
        assertEquals("upload-rejected", first.field());
        assertEquals(List.of("Tout de suite", "Dans le résumé du jour", "Jamais"),
                first.options().stream().map(PreferencesForm.Option::label).toList());
        assertEquals(List.of(true, false, false), first.options().stream().map(PreferencesForm.Option::checked).toList());
        assertEquals("livraison-upload-rejected-digest", first.options().get(1).id());
        assertTrue(form.lines().get(1).options().get(2).checked(), "dead-letter: never");
    }

    @Test
    void theChoicesSentBecomeTheServicesRequestAndAKindNotOfferedIsIgnored() {
        Map<String, String> sent = Map.of("livraison-upload.rejected", "DIGEST", "livraison-dead-letter", " IMMEDIATE ",
                "livraison-approval.awaiting", "NONE");

        PreferencesForm form = PreferencesForm.read(OFFERED, sent::get);

        assertTrue(form.valid(), form.errors().toString());
        assertEquals(new Api.ChosenDeliveries(List.of(new Api.ChosenDelivery("upload.rejected", "DIGEST"),
                new Api.ChosenDelivery("dead-letter", "IMMEDIATE"))), form.request());
    }

    @Test
    void aGroupLeftEmptyOrSentWithAnotherValueIsSaidBesideIt() {
        PreferencesForm form = PreferencesForm.read(OFFERED, Map.of("livraison-dead-letter", "WEEKLY")::get);

        assertFalse(form.valid());
        assertEquals(List.of("upload.rejected", "dead-letter"), List.copyOf(form.errors().keySet()));
        assertTrue(form.errors().get("dead-letter").startsWith("Choisissez quand recevoir ce message"));
        assertTrue(form.lines().get(1).options().stream().noneMatch(PreferencesForm.Option::checked));
    }

    @Test
    void aPersonOfferedNothingHasNothingToChoose() {
        PreferencesForm form = PreferencesForm.read(new Api.NotificationChoices("ops@passerelle", null), field -> "NONE");

        assertTrue(form.valid());
        assertTrue(form.lines().isEmpty());
    }
}
