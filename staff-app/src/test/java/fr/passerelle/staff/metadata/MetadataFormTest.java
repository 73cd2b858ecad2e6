package fr.passerelle.staff.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataFormTest {

    private static MetadataForm form(String keywords, String start, String end, List<String> spatial, String email) {
        return new MetadataForm(" Arceaux vélo ", "Les arceaux.", keywords, "Transports", "etalab-2.0", "monthly", start,
                end, spatial, "", email);
    }

    @Test
    void keywordsAreSplitOnCommasOrSemicolonsWithoutBlanksNorRepeats() {
        assertEquals(List.of("vélo", "stationnement", "mobilité"),
                form("vélo, stationnement;; mobilité , vélo", "", "", List.of(), "").keywordList());
        assertEquals(List.of(), form("  ", "", "", List.of(), "").keywordList());
    }

    @Test
    void datesAreReadFromADateFieldOrTypedTheFrenchWay() {
        Map<String, Object> body = form("", "2024-01-01", "31/12/2024", List.of(), "").body();
        assertEquals("2024-01-01", body.get("temporalStart"));
        assertEquals("2024-12-31", body.get("temporalEnd"));
        assertEquals(Map.of(), form("", "2024-01-01", "31/12/2024", List.of(), "").errors());
    }

    @Test
    void aDateThatIsNoDateIsTiedToItsField() {
        Map<String, String> errors = form("", "2024-13-45", "demain", List.of(), "").errors();
        assertEquals(List.of("debut", "fin"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("debut").contains("« 2024-13-45 »"), errors.toString());
    }

    @Test
    void theBodyEmptiesWhatWasClearedAndSendsTheRestAsTyped() {
        Map<String, Object> body = form("vélo", "", "", List.of("38185", " 38185", "", "38"), "").body();
        assertEquals("Arceaux vélo", body.get("title"));
        assertEquals(List.of("38185", "38"), body.get("spatial"), "codes once each");
        // A null, not left out: the catalogue keeps what is left out, and empties a date or a contact on a null.
        assertTrue(body.containsKey("temporalStart") && body.get("temporalStart") == null, body.toString());
        assertTrue(body.containsKey("temporalEnd") && body.get("temporalEnd") == null, body.toString());
        assertTrue(body.containsKey("contactEmail") && body.get("contactEmail") == null, body.toString());
        assertTrue(body.containsKey("contactName") && body.get("contactName") == null, body.toString());
        assertEquals("monthly", body.get("frequency"));
    }

    @Test
    void theCataloguesRefusalLandsBesideItsField() {
        assertEquals("debut", MetadataResource.fieldOf("invalid-metadata-temporalStart"));
        assertEquals("fin", MetadataResource.fieldOf("invalid-metadata-temporal"));
        assertEquals("contact-email", MetadataResource.fieldOf("invalid-metadata-contactEmail"));
        assertEquals("commune", MetadataResource.fieldOf("invalid-metadata-spatial"));
        assertEquals("titre", MetadataResource.fieldOf("invalid-json"), "an unattributed refusal shows at the top field");
    }
}
