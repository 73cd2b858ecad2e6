package fr.passerelle.staff.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFormTest {

    @Test
    void anAddressAndAScheduleAreAccepted() {
        SourceForm form = SourceForm.of(" https://opendata.ville.fr/export/velos.csv ", "1440");
        assertTrue(form.valid());
        assertEquals("https://opendata.ville.fr/export/velos.csv", form.url());
        assertEquals(1440, form.interval());
    }

    @Test
    void aBadAddressOrScheduleIsSaidBesideItsField() {
        SourceForm form = SourceForm.of("ftp://ville.fr/x.csv", "2");
        assertEquals(java.util.Set.of("url", "intervalle"), form.errors().keySet());
        assertEquals("Adresse privée.", SourceForm.of("http://10.0.0.1/x", "60").refused("url-not-allowed", "Adresse privée.")
                .errors().get("url"));
    }

    @Test
    void schedulesReadInWordsAndAnUnusualOneIsKeptInTheList() {
        assertEquals("Tous les jours", IntervalChoice.label(1440));
        assertEquals("Toutes les 2 heures", IntervalChoice.label(120));
        List<IntervalChoice> choices = IntervalChoice.around(120);
        assertEquals(120, choices.get(0).minutes());
        assertTrue(choices.get(0).selected());
        assertEquals(5, choices.size());
    }
}
