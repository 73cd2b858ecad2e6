package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.portals.CkanContractServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CkanMetadataTest {

    @Test
    void everyPasserelleLicenceHasACkanIdAndEveryFrequencyAnEuropeanOne() {
        for (String licence : List.of("etalab-2.0", "odbl", "cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0")) {
            assertTrue(CkanContractServer.LICENCES.contains(CkanMetadata.LICENCES.get(licence)), licence);
        }
        assertEquals("fr-lo", CkanMetadata.LICENCES.get("etalab-2.0"));
        assertEquals("IRREG", CkanMetadata.FREQUENCIES.get("irregular"));
        assertEquals(8, CkanMetadata.FREQUENCIES.size());
    }

    @Test
    void thePackageCarriesContactCoverageAndFrequencyAsCkanAndCkanextDcatReadThem() throws Exception {
        JsonNode body = CkanMetadata.dataset(PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")),
                PortalFixtures.IRVE), true);

        assertTrue(body.path("private").asBoolean());
        assertEquals("fr-lo", body.path("license_id").asText());
        assertEquals("[{\"name\":\"irve\"},{\"name\":\"mobilité\"}]", body.path("tags").toString());
        assertEquals("Service données", body.path("maintainer").asText());
        assertEquals("donnees@grenoble.fr", body.path("maintainer_email").asText());
        assertEquals("[{\"key\":\"frequency\",\"value\":\"http://publications.europa.eu/resource/authority/frequency/MONTHLY\"},"
                + "{\"key\":\"temporal_start\",\"value\":\"2026-01-01\"},{\"key\":\"temporal_end\",\"value\":\"2026-12-31\"}]",
                body.path("extras").toString());
    }

    @Test
    void theResourceGivesTheSchemaUrlForCkanextValidationOrNothing() {
        assertEquals(Map.of("schema", PortalFixtures.IRVE.url()),
                CkanMetadata.resourceFields(PortalFixtures.request(1, null, PortalFixtures.IRVE)));
        assertTrue(CkanMetadata.resourceFields(PortalFixtures.request(1, null, null)).isEmpty());
    }

    @Test
    void whatCkanWouldRefuseIsToldInFrenchBeforeAnythingIsSent() {
        DatasetMetadata bad = new DatasetMetadata("T", "D", List.of("vélo", "a/b"), "wtfpl", null);

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> CkanMetadata.dataset(PortalFixtures.request(1, bad, null), false));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("licence « wtfpl »"), failure.getMessage());
        assertTrue(failure.getMessage().contains("mot-clé « a/b »"), failure.getMessage());
        assertFalse(failure.getMessage().contains("« vélo »"), "accented letters are word characters for CKAN");
    }
}
