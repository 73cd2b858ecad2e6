package fr.passerelle.quality.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.web.ApiException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetLocaleTest {

    @Test
    void aDatasetIsFrenchUnlessStaffSayOtherwise() {
        assertEquals("fr-FR", DatasetSettingsResource.locale(null));
        assertEquals("fr-FR", DatasetSettingsResource.locale(" "));
        assertEquals(Locale.FRANCE, DatasetSettings.NONE.readingLocale());
        assertEquals(Locale.FRANCE, new DatasetSettings(Map.of(), Map.of(), null).readingLocale());
    }

    @Test
    void aKnownLocaleIsKeptInItsCanonicalForm() {
        assertEquals("en-US", DatasetSettingsResource.locale("en-us"));
        assertEquals("fr-BE", DatasetSettingsResource.locale(" fr-BE "));
        assertEquals(Locale.US, new DatasetSettings(Map.of(), Map.of(), "en-US").readingLocale());
    }

    @Test
    void anUnknownLocaleIsAFrenchBadRequest() {
        for (String tag : new String[] {"klingon", "xx-YY", "12", "français"}) {
            ApiException refused = assertThrows(ApiException.class, () -> DatasetSettingsResource.locale(tag), tag);
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("inconnue"), refused.getMessage());
        }
    }

    @Test
    void theAuditSaysWhenFilesAreReadUnderAnotherLocale() {
        assertTrue(DatasetSettingsResource.auditDetail(new DatasetSettings(Map.of(), Map.of(), "en-US"))
                .endsWith("Fichiers lus selon la langue en-US."));
    }
}
