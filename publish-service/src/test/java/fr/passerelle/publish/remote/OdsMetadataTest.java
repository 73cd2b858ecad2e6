package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.portals.OdsContractServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OdsMetadataTest {

    @Test
    void theSchemaIsNamedInTheDescriptionAndAsAKeyword() throws Exception {
        JsonNode body = OdsMetadata.dataset(PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")),
                PortalFixtures.IRVE));

        String description = body.at("/metadata/default/description/value").asText();
        assertTrue(description.startsWith("Les bornes de la ville.\n\nCe fichier suit le schéma national"
                + " « etalab/schema-irve-statique » (version 2.3.1)"), description);
        assertTrue(description.endsWith(PortalFixtures.IRVE.url()));
        assertEquals("[\"irve\",\"mobilité\",\"etalab/schema-irve-statique\"]",
                body.at("/metadata/default/keyword/value").toString());
    }

    @Test
    void theDcatTemplateCarriesContactFrequencyAndCoverageAsText() throws Exception {
        JsonNode dcat = OdsMetadata.dataset(PortalFixtures.request(1,
                PortalFixtures.metadata(List.of("38185", "38", "reg-84")), null)).at("/metadata/dcat");

        assertEquals("Service données", dcat.at("/contact_name/value").asText());
        assertEquals("donnees@grenoble.fr", dcat.at("/contact_email/value").asText());
        assertEquals("Mensuelle", dcat.at("/accrualperiodicity/value").asText());
        assertEquals("2026-01-01/2026-12-31", dcat.at("/temporal/value").asText());
        assertEquals("Codes INSEE : commune 38185, département 38, région 84", dcat.at("/spatial/value").asText());
    }

    @Test
    void everyFieldSentIsOneOfTheTemplatesTheContractServerKnows() throws Exception {
        JsonNode metadata = OdsMetadata.dataset(PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")),
                PortalFixtures.IRVE)).path("metadata");

        metadata.fieldNames().forEachRemaining(template -> metadata.get(template).fieldNames().forEachRemaining(field ->
                assertTrue(OdsContractServer.TEMPLATES.get(template).contains(field), template + "." + field)));
        assertFalse(metadata.has("internal"), "licence and theme ids are each portal's own: not guessed");
    }

    @Test
    void anOrganisationsOwnSchemaAddsNothingToTheDescription() throws Exception {
        JsonNode body = OdsMetadata.dataset(PortalFixtures.request(1, PortalFixtures.metadata(null), null));

        assertEquals("Les bornes de la ville.", body.at("/metadata/default/description/value").asText());
        assertEquals("[\"irve\",\"mobilité\"]", body.at("/metadata/default/keyword/value").toString());
        assertNull(OdsMetadata.temporal(new DatasetMetadata("t", null, null, null, null)), "no dates, no interval");
    }

    @Test
    void opendatasoftsRefusalIsNamedFromTheMetadataPathItGives() throws Exception {
        assertTrue(OdsMetadata.refusedWhat(RemoteHttp.JSON.readTree("{\"error_code\":\"ValidationError\",\"message\":"
                + "\"metadata.dcat: unknown metadata template.\"}")).startsWith("les métadonnées DCAT"));
        assertEquals("le champ « default.theme » des métadonnées", OdsMetadata.refusedWhat(RemoteHttp.JSON.readTree(
                "{\"message\":\"metadata.default.theme: unknown metadata field.\"}")));
        assertNull(OdsMetadata.refusedWhat(RemoteHttp.JSON.readTree("{\"message\":\"The dataset is being processed.\"}")));
    }

    @Test
    void everyPasserelleFrequencyHasAFrenchName() throws Exception {
        for (String frequency : List.of("continuous", "daily", "weekly", "monthly", "quarterly", "annual", "irregular",
                "unknown")) {
            assertTrue(OdsMetadata.FREQUENCIES.containsKey(frequency), frequency);
        }
        assertEquals("Trimestrielle", OdsMetadata.FREQUENCIES.get("quarterly"));
    }
}
