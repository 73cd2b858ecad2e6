package fr.passerelle.staff.communes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** On the list the app ships. */
class CommunesTest {

    private static final Communes COMMUNES = new Communes();

    private static List<String> codes(String query) {
        return COMMUNES.search(query, 10).stream().map(Commune::code).toList();
    }

    @Test
    void aNameFindsItsInseeCodeWhateverTheAccentsAndHyphens() {
        assertEquals("38185", codes("grenoble").get(0));
        assertEquals("42218", codes("saint etienne").get(0), "Saint-Étienne, typed without accent nor hyphen");
        assertEquals("42218", codes("SAINT-ÉTIENNE").get(0));
    }

    @Test
    void theExactNameComesFirstThenTheMostPopulated() {
        List<Commune> found = COMMUNES.search("Paris", 10);
        assertEquals("75056", found.get(0).code());
        assertEquals("Paris (75)", found.get(0).label());
        List<String> namesakes = codes("Saint-Denis");
        assertEquals(List.of("97411", "93066"), namesakes.subList(0, 2), "the two largest Saint-Denis first: " + namesakes);
    }

    @Test
    void aCodeFindsItsCommuneAndTooShortFindsNothing() {
        assertEquals(List.of("38185"), codes("38185"));
        assertEquals("Ajaccio", COMMUNES.byCode("2A004").orElseThrow().name());
        assertEquals(List.of(), codes("g"));
        assertEquals(List.of(), codes("hippopotame"));
    }

    @Test
    void foldingIgnoresCaseAccentsAndPunctuation() {
        assertEquals("l abergement clemenciat", Communes.fold("L'Abergement-Clémenciat"));
    }
}
