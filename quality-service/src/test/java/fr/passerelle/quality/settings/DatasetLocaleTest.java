package fr.passerelle.quality.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.web.ApiException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The locale files are read under: the dataset's, else its organisation's, else fr-FR. */
class DatasetLocaleTest {

    @Test
    void aDatasetFollowsItsOrganisationWhichIsFrenchUnlessStaffSayOtherwise() {
        assertNull(LocaleTags.canonical(null));
        assertNull(LocaleTags.canonical(" "));
        assertNull(new DatasetSettings(Map.of(), Map.of(), " ").locale());
        assertEquals(Locale.FRANCE, DatasetSettings.NONE.readingLocale(null));
        assertEquals(Locale.FRANCE, DatasetSettings.NONE.readingLocale(new OrganizationSettings(null).locale()));
        assertEquals(Locale.US, DatasetSettings.NONE.readingLocale("en-US"));
    }

    @Test
    void aDatasetsOwnLocaleOverridesItsOrganisations() {
        assertEquals(Locale.FRANCE, new DatasetSettings(Map.of(), Map.of(), "fr-FR").readingLocale("en-US"));
        assertEquals(Locale.US, new DatasetSettings(Map.of(), Map.of(), "en-US").readingLocale("fr-FR"));
    }

    @Test
    void aKnownLocaleIsKeptInItsCanonicalForm() {
        assertEquals("en-US", LocaleTags.canonical("en-us"));
        assertEquals("fr-BE", LocaleTags.canonical(" fr-BE "));
    }

    @Test
    void anUnknownLocaleIsAFrenchBadRequest() {
        for (String tag : new String[] {"klingon", "xx-YY", "12", "français"}) {
            ApiException refused = assertThrows(ApiException.class, () -> LocaleTags.canonical(tag), tag);
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("inconnue"), refused.getMessage());
        }
    }

    @Test
    void theAuditSaysWhenFilesAreReadUnderAnotherLocale() {
        assertTrue(DatasetSettingsResource.auditDetail(new DatasetSettings(Map.of(), Map.of(), "en-US"))
                .endsWith("Fichiers lus selon la langue en-US."));
        assertTrue(OrganizationSettingsResource.auditDetail(new OrganizationSettings("en-US"))
                .contains("fichiers lus selon la langue en-US"));
    }
}
