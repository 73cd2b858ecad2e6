package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CatalogueSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDeclarationTest {

    @Test
    void eachPortalSaysWhereItHoldsTheNationalSchema() {
        var irve = PortalFixtures.request(3, PortalFixtures.metadata(List.of("38185")), PortalFixtures.IRVE);

        assertEquals("Schéma déclaré sur la ressource : « etalab/schema-irve-statique » version 2.3.1.",
                SchemaDeclaration.describe("udata", irve));
        assertEquals("Schéma déclaré sur la ressource par son adresse, que le portail valide : "
                + PortalFixtures.IRVE.url() + ".", SchemaDeclaration.describe("ckan", irve));
        assertTrue(SchemaDeclaration.describe("ods", irve).startsWith("Schéma « etalab/schema-irve-statique » version"
                + " 2.3.1 nommé dans la description et les mots-clés"));
    }

    @Test
    void anOrganisationsOwnSchemaDeclaresNothingAndSaysWhy() {
        // PortalFixtures' request names the schema irve-statique; without a catalogue schema it is the organisation's.
        var own = PortalFixtures.request(1, PortalFixtures.metadata(null), null);

        for (String kind : List.of("udata", "ckan", "ods")) {
            String said = SchemaDeclaration.describe(kind, own);
            assertTrue(said.startsWith("Aucun schéma déclaré : « irve-statique » est un schéma propre à votre"
                    + " organisation, absent du catalogue national de schema.data.gouv.fr"), said);
        }
        assertTrue(SchemaDeclaration.describe("udata", own).contains("que data.gouv.fr ne pourrait pas reconnaître"));
    }

    @Test
    void aVersionTheCatalogueDoesNotListIsDeclaredByNameAndSaidSo() {
        var unlisted = PortalFixtures.request(1, null, new CatalogueSchema("etalab/schema-irve-statique", null,
                "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/latest/schema-statique.json"));

        assertEquals("Schéma déclaré sur la ressource : « etalab/schema-irve-statique » (le catalogue national ne liste"
                + " pas la version contrôlée).", SchemaDeclaration.describe("udata", unlisted));
        assertNull(SchemaDeclaration.describe("udata", null), "nothing published, nothing to say");
    }
}
