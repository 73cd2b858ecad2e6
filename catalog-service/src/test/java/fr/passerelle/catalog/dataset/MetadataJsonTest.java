package fr.passerelle.catalog.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A metadata body of the wrong form is refused in French, naming its field (it was a bare 400). */
class MetadataJsonTest {

    private static MetadataUpdate read(String json) {
        return MetadataJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException refused(String json) {
        return assertThrows(ApiException.class, () -> read(json));
    }

    @Test
    void aWellFormedBodyIsRead() {
        MetadataUpdate update = read("""
                {"title":"Arceaux","keywords":["vélo"],"temporalStart":"2024-01-01","alwaysAsk":true,"extra":1}""");
        assertEquals("Arceaux", update.title());
        assertEquals(List.of("vélo"), update.keywords());
        assertEquals(LocalDate.of(2024, 1, 1), update.temporalStart());
        assertEquals(Boolean.TRUE, update.alwaysAsk());
    }

    @Test
    void aDateThatIsNoDateNamesItsField() {
        ApiException error = refused("{\"temporalStart\":\"2024-13-45\"}");
        assertEquals(400, error.status());
        assertEquals("invalid-metadata-temporalStart", error.error().code());
        assertEquals("Le début de la couverture temporelle (temporalStart) n'a pas la forme attendue.", error.getMessage());
        assertTrue(error.error().hint().contains("AAAA-MM-JJ"), error.error().hint());
        assertEquals("invalid-metadata-temporalEnd", refused("{\"temporalEnd\":\"31/12/2024\"}").error().code());
    }

    @Test
    void keywordsAsOneTextNameTheirField() {
        ApiException error = refused("{\"keywords\":\"vélo, stationnement\"}");
        assertEquals("invalid-metadata-keywords", error.error().code());
        assertTrue(error.error().hint().contains("[\"vélo\""), error.error().hint());
    }

    @Test
    void noJsonOrNoObjectIsSaidSo() {
        assertEquals("invalid-json", refused("{\"title\": ").error().code());
        assertEquals("invalid-json", refused("[\"title\"]").error().code());
        assertEquals("metadata-required", refused("  ").error().code());
        assertEquals("invalid-metadata-alwaysAsk", refused("{\"alwaysAsk\":\"peut-être\"}").error().code());
    }
}
