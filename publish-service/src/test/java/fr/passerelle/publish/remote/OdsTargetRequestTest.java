package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OdsTargetRequestTest {

    @Test
    void theDomainGivesTheAutomationApiAddress() {
        OdsTargetRequest request = new OdsTargetRequest("data.grandlyon.com", null, "cle");

        assertEquals("https://data.grandlyon.com/api/automation/v1.0", request.automationApiUrl());
        assertEquals(new TargetRequest("https://data.grandlyon.com/api/automation/v1.0", "data.grandlyon.com", "cle"),
                request.asTarget());
    }

    @Test
    void aDomainCopiedFromTheBrowserIsCleanedUp() {
        assertEquals("https://data.exemple.fr/api/automation/v1.0",
                new OdsTargetRequest(" https://Data.Exemple.fr/ ", null, "cle").automationApiUrl());
    }

    @Test
    void anExplicitApiAddressWinsAndItsHostStandsForTheOrganisation() {
        OdsTargetRequest request = new OdsTargetRequest(null, "http://127.0.0.1:8999/api/automation/v1.0/", "cle");

        assertEquals("http://127.0.0.1:8999/api/automation/v1.0", request.automationApiUrl());
        assertEquals("127.0.0.1", request.asTarget().organizationId());
    }

    @Test
    void somethingThatIsNotADomainOrAnAddressIsRefused() {
        assertNull(new OdsTargetRequest("pas un domaine", null, "cle").automationApiUrl());
        assertNull(new OdsTargetRequest("localhost", null, "cle").automationApiUrl());
        assertNull(new OdsTargetRequest(null, null, "cle").automationApiUrl());
        assertNull(new OdsTargetRequest("data.exemple.fr", "file:///etc/passwd", "cle").automationApiUrl());
    }
}
