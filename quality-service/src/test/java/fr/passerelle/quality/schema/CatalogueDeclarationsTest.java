package fr.passerelle.quality.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogueDeclarationsTest {

    private static final SchemaCatalog SHIPPED = SchemaCatalog.shipped();
    private final CatalogueDeclarations declarations = new CatalogueDeclarations();

    @Test
    void irveIsDeclaredAsTheCatalogueNamesItAtTheCheckedVersion() {
        CatalogueSchema irve = declarations.declaration("irve-statique", SHIPPED.find("irve-statique")).orElseThrow();

        assertEquals("etalab/schema-irve-statique", irve.name());
        assertEquals("2.3.1", irve.version(), "the catalogue's version_name, not schema.json's v2.3.0");
        assertEquals("https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json",
                irve.url());
    }

    @Test
    void aVersionTheCatalogueDoesNotListIsDeclaredByNameOnly() {
        CatalogueSchema velos = declarations.declaration("stationnement-cyclable",
                SHIPPED.find("stationnement-cyclable")).orElseThrow();

        assertEquals("etalab/schema-stationnement-cyclable", velos.name());
        assertNull(velos.version(), "1.1.2 is not in the catalogue, which stops at 1.1.1");
        assertTrue(velos.url().contains("/latest/"), velos.url());
    }

    @Test
    void aSchemaTheRefreshReplacedIsDeclaredByNameWithTheLatestUrl() {
        TableSchema refreshed = new TableSchema("irve-statique", "IRVE", "2.4.0", List.of(), List.of(""));

        CatalogueSchema irve = declarations.declaration("irve-statique", Optional.of(refreshed)).orElseThrow();

        assertNull(irve.version());
        assertEquals("https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/latest/schema-statique.json",
                irve.url());
    }

    @Test
    void anOrganisationsOwnSchemaOrOneOutsideTheCatalogueDeclaresNothing() {
        assertTrue(declarations.declaration("arbres-remarquables", Optional.empty()).isEmpty(), "custom schema");
        assertTrue(declarations.declaration("catalogue-donnees", SHIPPED.find("catalogue-donnees")).isEmpty(),
                "not listed by schema.data.gouv.fr");
        assertTrue(declarations.declaration(null, Optional.empty()).isEmpty());
    }

    @Test
    void everyShippedTableSchemaButTheTwoOutsideTheCatalogueHasADeclaredVersion() {
        List<String> undeclared = SchemaCatalog.shippedNames().stream()
                .filter(name -> SHIPPED.find(name).isPresent())
                .filter(name -> declarations.declaration(name, SHIPPED.find(name))
                        .map(schema -> schema.version() == null).orElse(true))
                .sorted().toList();

        assertEquals(List.of("catalogue-donnees", "inclusion-numerique", "stationnement-cyclable"), undeclared,
                "a schema.json updated without catalogue.txt would fall here");
    }
}
