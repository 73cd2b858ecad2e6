package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.portals.UdataContractServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdataMetadataTest {

    private static final RemoteTarget TARGET = new RemoteTarget("grenoble", "bornes", "udata", "https://www.data.gouv.fr/api/1",
            "5bbb6d6cff66bd4dc17bfd5a", "cle", null, null);

    @Test
    void everyPasserelleLicenceAndFrequencyHasAUdataIdTheApiAccepts() {
        for (String licence : List.of("etalab-2.0", "odbl", "cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0")) {
            assertTrue(UdataContractServer.LICENCES.contains(UdataMetadata.LICENCES.get(licence)), licence);
        }
        assertEquals("lov2", UdataMetadata.LICENCES.get("etalab-2.0"));
        for (String frequency : List.of("continuous", "daily", "weekly", "monthly", "quarterly", "annual", "irregular",
                "unknown")) {
            assertTrue(UdataContractServer.FREQUENCIES.contains(UdataMetadata.FREQUENCIES.get(frequency)), frequency);
        }
    }

    @Test
    void inseeCodesBecomeGeoZonesIdsWithTheFinestLevelAsGranularity() throws Exception {
        JsonNode body = UdataMetadata.dataset(TARGET, PortalFixtures.request(1,
                PortalFixtures.metadata(List.of("reg-84", "38", "38185", "2A004")), PortalFixtures.IRVE), true);

        assertEquals("[\"fr:region:84\",\"fr:departement:38\",\"fr:commune:38185\",\"fr:commune:2a004\"]",
                body.at("/spatial/zones").toString());
        assertEquals("fr:commune", body.at("/spatial/granularity").asText());
        assertEquals("fr:departement", UdataMetadata.spatial(List.of("38", "reg-84"),
                new MetadataProblems("x")).orElseThrow().path("granularity").asText());
    }

    @Test
    void theDatasetCarriesItsCoverageLicenceFrequencyTagsAndIsADraftUntilToldOtherwise() throws Exception {
        JsonNode draft = UdataMetadata.dataset(TARGET, PortalFixtures.request(1,
                PortalFixtures.metadata(List.of("38185")), PortalFixtures.IRVE), true);
        JsonNode published = UdataMetadata.dataset(TARGET, PortalFixtures.request(1,
                PortalFixtures.metadata(List.of("38185")), PortalFixtures.IRVE), false);

        assertTrue(draft.path("private").asBoolean());
        assertFalse(published.path("private").asBoolean(true));
        assertEquals("{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}", draft.path("temporal_coverage").toString());
        assertEquals("lov2", draft.path("license").asText());
        assertEquals("monthly", draft.path("frequency").asText());
        assertEquals("[\"irve\",\"mobilité\"]", draft.path("tags").toString());
        assertFalse(draft.has("theme") || draft.has("contact_points"), "udata has no theme; contacts are its objects");
    }

    @Test
    void theResourceDeclaresTheSchemaAsTheCatalogueNamesItOrNothing() {
        JsonNode declared = UdataMetadata.resource(PortalFixtures.request(1, null, PortalFixtures.IRVE));
        JsonNode custom = UdataMetadata.resource(PortalFixtures.request(1, null, null));

        assertEquals("{\"name\":\"etalab/schema-irve-statique\",\"version\":\"2.3.1\"}", declared.path("schema").toString());
        assertFalse(custom.has("schema"), "an organisation's own schema declares nothing");
        assertEquals("bornes.csv", custom.path("title").asText());
    }

    @Test
    void whatUdataWouldRefuseIsToldInFrenchBeforeAnythingIsSent() {
        DatasetMetadata bad = new DatasetMetadata("T", "D", List.of("ok-tag", "x"), "wtfpl", "fortnightly", null,
                null, LocalDate.of(2026, 2, 1), List.of("38185", "Grenoble"), null, null);

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> UdataMetadata.dataset(TARGET, PortalFixtures.request(1, bad, null), true));

        assertFalse(failure.retryable(), "the metadata must change first");
        String message = failure.getMessage();
        assertTrue(message.startsWith("Rien n'a été envoyé à data.gouv.fr"), message);
        for (String part : List.of("licence « wtfpl »", "fréquence « fortnightly »", "mot-clé « x »",
                "couverture temporelle n'a pas de début", "« Grenoble » n'est pas un code INSEE")) {
            assertTrue(message.contains(part), part + " in " + message);
        }
    }

    @Test
    void udatasRefusalIsNamedFromItsFieldsNotItsWords() throws Exception {
        JsonNode answer = RemoteHttp.JSON.readTree("{\"message\":\"Validation error\",\"errors\":{\"spatial\":"
                + "{\"zones\":[\"Unknown geoid(s): fr:commune:99999\"]}}}");

        assertEquals("la couverture spatiale (zone inconnue de data.gouv.fr)", UdataMetadata.refusedWhat(answer));
        assertEquals(null, UdataMetadata.refusedWhat(RemoteHttp.JSON.readTree("{\"message\":\"x\"}")));
    }
}
