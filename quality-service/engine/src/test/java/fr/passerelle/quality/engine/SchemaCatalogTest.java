package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.PatternSyntax;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCatalogTest {

    @Test
    void listsTheNationalSchemasWithTitleVersionAndFieldCount() {
        List<SchemaSummary> summaries = ShippedSchemas.catalog().list();

        // More schemas may be added to the shared folder: check these three, not the total.
        assertTrue(summaries.contains(new SchemaSummary("irve-statique", "IRVE statique", "v2.3.0", 40)), summaries::toString);
        assertTrue(summaries.contains(new SchemaSummary("lieux-stationnement", "Lieux de stationnement", "0.1.5", 30)),
                summaries::toString);
        assertTrue(summaries.contains(new SchemaSummary("stationnement-cyclable", "Stationnement cyclable", "1.1.2", 21)),
                summaries::toString);
        assertEquals(summaries.stream().map(SchemaSummary::name).sorted().toList(),
                summaries.stream().map(SchemaSummary::name).toList(), "sorted by name");
        assertTrue(ShippedSchemas.catalog().rejectedSchemas().isEmpty(), () -> ShippedSchemas.catalog().rejectedSchemas().toString());
        assertEquals(SchemaCatalog.shippedNames().stream().sorted().toList(),
                summaries.stream().map(SchemaSummary::name).toList(), "every shipped schema is listed");
        assertTrue(summaries.size() >= 14, summaries::toString);
    }

    @Test
    void holdsAGeoJsonSchemaBesideTheTableSchemasAndSaysItsFilesAreNotPublishedYet() {
        SchemaSummary cycling = ShippedSchemas.catalog().list().stream()
                .filter(summary -> summary.name().equals("amenagements-cyclables")).findFirst().orElseThrow();

        assertEquals(SchemaSummary.GEOJSON, cycling.kind());
        assertEquals("Aménagement cyclable", cycling.title());
        assertEquals("0.3.5", cycling.version());
        assertEquals(30, cycling.fieldCount(), "the feature properties");
        assertTrue(cycling.notice().contains("GeoJSON") && cycling.notice().contains("ne les publie pas encore"),
                cycling.notice());
        assertTrue(ShippedSchemas.catalog().find("amenagements-cyclables").isEmpty(), "not a Table Schema");
        assertEquals(5, ShippedSchemas.catalog().findGeoJson("amenagements-cyclables").orElseThrow().required().size());
        assertTrue(ShippedSchemas.catalog().schemas().stream().noneMatch(s -> s.name().equals("amenagements-cyclables")),
                "never offered to schema detection");
    }

    @Test
    void namesASchemaAfterItsFolderEvenWhenTheJsonHasAnotherNameOrNone() {
        // irve's schema.json says "schema-irve-statique"; lieux-stationnement's has no name at all.
        assertEquals("irve-statique", ShippedSchemas.schema("irve-statique").name());
        TableSchema lieux = ShippedSchemas.schema("lieux-stationnement");
        assertEquals("lieux-stationnement", lieux.name());
        assertEquals(30, lieux.fields().size());
        assertEquals(List.of(""), lieux.missingValues());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../stationnement-cyclable", "stationnement-cyclable/../irve-statique", "IRVE-STATIQUE",
            "irve statique", "irve-statique/schema.json", "..", "/etc/passwd", "inconnu"})
    void findsNothingForNamesOutsideTheCatalog(String name) {
        assertTrue(ShippedSchemas.catalog().find(name).isEmpty());
    }

    @Test
    void leavesOutUnreadableSchemasAndSaysWhy(@TempDir Path dir) throws IOException {
        write(dir.resolve("bon/schema.json"), "{\"title\": \"Bon\", \"version\": \"1.0\", \"fields\": [{\"name\": \"a\"}]}");
        write(dir.resolve("pas-du-json/schema.json"), "{ not json");
        write(dir.resolve("sans-champs/schema.json"), "{\"title\": \"Vide\"}");
        write(dir.resolve("Majuscules/schema.json"), "{\"fields\": [{\"name\": \"a\"}]}");
        Files.createDirectories(dir.resolve("sans-schema"));

        SchemaCatalog catalog = SchemaCatalog.fromDirectory(dir);

        assertEquals(List.of(new SchemaSummary("bon", "Bon", "1.0", 1)), catalog.list());
        assertEquals(List.of("pas-du-json", "sans-champs"), List.copyOf(catalog.rejectedSchemas().keySet()));
        assertTrue(catalog.find("majuscules").isEmpty());
    }

    @Test
    void readsOneSchemaAloneAsTheWholeCatalogReadsIt() throws IOException {
        SchemaCatalog all = ShippedSchemas.catalog();
        for (SchemaSummary summary : all.list()) {
            String name = summary.name();
            SchemaCatalog fromFolder = SchemaCatalog.fromDirectory(ShippedSchemas.schemasDir(), name).orElseThrow();
            SchemaCatalog shipped = SchemaCatalog.shipped(name).orElseThrow();
            for (SchemaCatalog alone : List.of(fromFolder, shipped)) {
                assertEquals(List.of(summary), alone.list(), name);
                assertEquals(all.find(name).map(SchemaCatalogTest::shape), alone.find(name).map(SchemaCatalogTest::shape),
                        name);
                assertEquals(all.findGeoJson(name).isPresent(), alone.findGeoJson(name).isPresent(), name);
            }
        }
    }

    /** Each field's name, type, format, requirement and number of constraints (types and constraints have no equals). */
    private static List<String> shape(TableSchema schema) {
        return schema.fields().stream().map(field -> field.name() + " " + field.type().name() + " " + field.format()
                + " " + field.required() + " " + field.unique() + " " + field.constraints().size()).toList();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../stationnement-cyclable", "stationnement-cyclable/../irve-statique", "IRVE-STATIQUE",
            "irve-statique/schema.json", "..", "/etc/passwd", "inconnu"})
    void readsNoSchemaAloneForNamesOutsideTheCatalog(String name) throws IOException {
        assertTrue(SchemaCatalog.fromDirectory(ShippedSchemas.schemasDir(), name).isEmpty());
        assertTrue(SchemaCatalog.shipped(name).isEmpty());
    }

    @Test
    void failsWhenTheDirectoryDoesNotExist(@TempDir Path dir) {
        assertThrows(IOException.class, () -> SchemaCatalog.fromDirectory(dir.resolve("absent")));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aCatalogOfSchemasAlreadyReadKeepsTheFirstOfANameAndSortsThem() throws IOException {
        TableSchema bikes = ShippedSchemas.catalog().find("stationnement-cyclable").orElseThrow();
        TableSchema charging = ShippedSchemas.catalog().find("irve-statique").orElseThrow();
        SchemaCatalog joined = SchemaCatalog.of(List.of(bikes, charging, bikes.withName("irve-statique")));
        assertEquals(List.of("irve-statique", "stationnement-cyclable"),
                joined.list().stream().map(SchemaSummary::name).toList());
        assertEquals(charging.fields().size(), joined.find("irve-statique").orElseThrow().fields().size());
    }

    @Test
    void aPatternIsUsableInJavaOrPythonSpellingOrNamedAsBroken() {
        assertTrue(PatternSyntax.problem("^(?P<code>[0-9]{5})$").isEmpty());
        assertTrue(PatternSyntax.problem("^([0-9]{5}$").orElseThrow().contains("position"));
    }
}
