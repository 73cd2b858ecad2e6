package fr.passerelle.publish.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.publish.publication.Publications.PublishedVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetDescriptionTest {

    private static final OrganisationNames NAMES = new OrganisationNames(Map.of("grenoble", "Ville de Grenoble"));

    private static PublishedVersion version(String schema, String request) {
        return new PublishedVersion("grenoble", "velos", 3, schema, new ObjectRef("public", "grenoble/velos/v3/velos.csv",
                "abc", 2048), Instant.parse("2026-03-01T09:30:00Z"), "Arceaux vélo", "Colonne description", "odbl",
                request);
    }

    @Test
    void everythingTheCatalogueSentIsShownInFrench() {
        DatasetDescription about = DatasetDescription.of(version("stationnement-cyclable", """
                {"schema":"stationnement-cyclable","catalogueSchema":{"name":"etalab/schema-stationnement-cyclable","version":"1.0.0","url":"https://schema.data.gouv.fr/schemas/etalab/schema-stationnement-cyclable/1.0.0/schema-stationnement-cyclable.json"},
                 "metadata":{"title":"Arceaux vélo","description":"Les arceaux de la ville.","keywords":["vélo"," mobilité ",""],
                  "licence":"etalab-2.0","frequency":"monthly","theme":"Transports","temporalStart":"2024-01-01",
                  "temporalEnd":"2024-12-31","spatial":["38185","38","reg-84"],"contactName":"Service mobilité",
                  "contactEmail":"mobilite@grenoble.fr"}}
                """), NAMES);

        assertEquals("Ville de Grenoble", about.organisation());
        assertEquals("Les arceaux de la ville.", about.description());
        assertEquals("Licence Ouverte / Open Licence version 2.0", about.licence().name());
        assertEquals("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", about.licence().url());
        assertEquals(List.of("vélo", "mobilité"), about.keywords());
        assertEquals("Mensuelle", about.frequency());
        assertEquals("Du 1er janvier 2024 au 31 décembre 2024", about.temporal());
        assertEquals(List.of("Commune (code INSEE 38185)", "Département 38", "Région (code INSEE 84)"), about.spatial());
        assertEquals(new DatasetDescription.Contact("Service mobilité", "mobilite@grenoble.fr"), about.contact());
        assertEquals("Transports", about.theme());
        assertEquals("Conforme au schéma etalab/schema-stationnement-cyclable 1.0.0", about.schema().label());
    }

    @Test
    void aVersionPublishedBeforeTheRequestWasKeptShowsWhatItsColumnsHold() {
        DatasetDescription about = DatasetDescription.of(version("stationnement-cyclable", null), NAMES);

        assertEquals("Colonne description", about.description());
        assertEquals("Open Database License (ODbL)", about.licence().name());
        assertEquals(List.of(), about.keywords());
        assertNull(about.frequency());
        assertNull(about.temporal());
        assertNull(about.contact());
        assertEquals("Conforme au schéma stationnement-cyclable", about.schema().label(),
                "the schema's identifier until the catalogue sends its title; no version");
    }

    @Test
    void missingOddOrUnknownValuesAreLeftOutOrShownAsTheyAre() {
        DatasetDescription about = DatasetDescription.of(version(null, """
                {"metadata":{"keywords":"pas une liste","licence":"licence-maison","frequency":"unknown",
                 "temporalStart":"pas une date","temporalEnd":"2025-06-30","contactEmail":"a@b.fr","spatial":null}}
                """), NAMES);

        assertEquals(List.of(), about.keywords());
        assertEquals(new FrenchWords.Licence("licence-maison", null), about.licence());
        assertNull(about.frequency(), "« unknown » says nothing to a visitor");
        assertEquals("Jusqu'au 30 juin 2025", about.temporal());
        assertEquals(new DatasetDescription.Contact(null, "a@b.fr"), about.contact());
        assertNull(about.schema(), "no schema, no conformity badge");
    }

    @Test
    void anUnreadableRequestStillGivesAPage() {
        DatasetDescription about = DatasetDescription.of(version("s", "{pas du json"), NAMES);

        assertEquals("Arceaux vélo", about.title());
        assertEquals("Colonne description", about.description());
    }

    @Test
    void anOrganisationWithoutAConfiguredNameIsNamedFromItsIdentifier() {
        assertEquals("Ville de Grenoble", NAMES.of("grenoble"));
        assertEquals("Grenoble alpes metropole", NAMES.of("grenoble-alpes-metropole"));
    }
}
