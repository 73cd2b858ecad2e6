package fr.passerelle.catalog.metadata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.platform.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataValidatorTest {

    private static MetadataUpdate only(String licence, String frequency, List<String> spatial, String email) {
        return new MetadataUpdate(null, null, null, null, licence, frequency, null, null, spatial, null, email);
    }

    @Test
    void acceptsWhatPortalsAccept() {
        assertDoesNotThrow(() -> MetadataValidator.check(new MetadataUpdate("Arceaux vélo", "…", List.of("vélo"),
                "Transports", "odbl", "monthly", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of("38185", "2A", "971", "reg-84"), "Service", "donnees@ville.fr")));
        assertDoesNotThrow(() -> MetadataValidator.check(only(null, null, null, null)), "nothing to change");
    }

    @Test
    void refusesEachBadFieldWithItsOwnCode() {
        assertEquals("invalid-metadata-licence", code(only("libre", null, null, null)));
        assertEquals("invalid-metadata-frequency", code(only(null, "souvent", null, null)));
        assertEquals("invalid-metadata-spatial", code(only(null, null, List.of("Grenoble"), null)));
        assertEquals("invalid-metadata-contactEmail", code(only(null, null, null, "pas-une-adresse")));
        assertEquals("invalid-metadata-temporal", code(new MetadataUpdate(null, null, null, null, null, null,
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 1, 1), null, null, null)));
        assertEquals("invalid-metadata-title", code(new MetadataUpdate(" ", null, null, null, null, null, null, null,
                null, null, null)));
    }

    private static String code(MetadataUpdate update) {
        return assertThrows(ApiException.class, () -> MetadataValidator.check(update)).error().code();
    }
}
