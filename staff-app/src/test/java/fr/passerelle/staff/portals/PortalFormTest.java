package fr.passerelle.staff.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalFormTest {

    @Test
    void aCkanFormWithEverythingBecomesTheServicesRequestWithTheKeyStripped() {
        PortalForm form = PortalForm.of("ckan", " https://ckan.exemple.fr/api/3/action ", "region-sud", "", "jeton\n");
        assertTrue(form.valid(), form.errors().toString());
        assertEquals(Map.of("apiUrl", "https://ckan.exemple.fr/api/3/action", "organizationId", "region-sud",
                "apiKey", "jeton"), form.request("jeton\n"));
    }

    @Test
    void eachMissingFieldHasItsOwnFrenchError() {
        PortalForm form = PortalForm.of("udata", "www.data.gouv.fr", "", "", " ");
        assertEquals(java.util.Set.of("apiUrl", "organizationId", "apiKey"), form.errors().keySet());
        assertTrue(form.error("apiUrl").contains("https://www.data.gouv.fr/api/1"), form.error("apiUrl"));
    }

    @Test
    void openDataSoftNeedsADomainOrAnApiAddressButNoOrganisation() {
        assertTrue(PortalForm.of("ods", "", "", "data.exemple.fr", "cle").valid());
        assertEquals(Map.of("domain", "data.exemple.fr", "apiKey", "cle"),
                PortalForm.of("ods", "", "", "data.exemple.fr", "cle").request("cle"));
        assertFalse(PortalForm.of("ods", "", "", "", "cle").valid());
    }

    @Test
    void theServicesRefusalIsTiedToTheFieldItIsAbout() {
        PortalForm form = PortalForm.of("ckan", "http://10.0.0.1/api/3/action", "org", "", "cle");
        assertEquals("Adresse privée.", form.refused("url-not-allowed", "Adresse privée.").error("apiUrl"));
        assertEquals("Clé illisible.", form.refused("invalid-api-key", "Clé illisible.").error("apiKey"));
    }
}
