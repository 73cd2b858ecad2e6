package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ForeignKey;
import fr.passerelle.quality.engine.schema.InvalidSchemaException;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableSchemaTest {

    @Test
    void readsFieldsWithTheirDefaults() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [
                  {"name": "nom"},
                  {"name": "capacite", "type": "integer", "title": "Capacité", "description": "Places",
                   "constraints": {"required": true}},
                  {"name": "coordonnees", "type": "geopoint", "format": "array"}
                ]}
                """);

        assertEquals("", schema.name());
        assertEquals(List.of(""), schema.missingValues(), "missingValues defaults to [\"\"]");
        assertEquals(List.of("nom", "capacite", "coordonnees"), schema.fieldNames());
        Field nom = schema.fields().get(0);
        assertEquals("string", nom.type().name());
        assertEquals("default", nom.format());
        assertFalse(nom.required());
        Field capacite = schema.fields().get(1);
        assertEquals("integer", capacite.type().name());
        assertEquals("Capacité", capacite.title());
        assertEquals("Places", capacite.description());
        assertTrue(capacite.required());
        assertEquals("geopoint", schema.fields().get(2).type().name());
        assertFalse(capacite.unique());
        assertEquals(List.of(), schema.primaryKey());
        assertEquals(List.of(), schema.foreignKeys());
        assertEquals(List.of(), schema.customChecks());
        assertEquals(List.of(), schema.unsupportedCustomChecks());
    }

    @Test
    void readsDeclaredMissingValues() {
        TableSchema schema = TestSchemas.parse("{\"missingValues\": [\"\", \"NA\", \"-\"], \"fields\": [{\"name\": \"a\"}]}");

        assertEquals(List.of("", "NA", "-"), schema.missingValues());
    }

    @Test
    void readsKeysUniqueFieldsAndCustomChecks() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [
                  {"name": "commune", "constraints": {"unique": true}},
                  {"name": "numero", "type": "integer"},
                  {"name": "parent", "type": "integer"},
                  {"name": "siret"}
                ],
                "primaryKey": ["commune", "numero"],
                "foreignKeys": [
                  {"fields": "parent", "reference": {"resource": "", "fields": "numero"}},
                  {"fields": ["commune"], "reference": {"resource": "communes", "fields": ["insee"]}}
                ],
                "custom_checks": [
                  {"name": "french-siret-value", "params": {"column": "siret"}},
                  {"name": "french_siret_value", "params": {"column": "absente"}},
                  {"name": "verification-inconnue", "params": {"column": "siret"}},
                  {"name": "verification-inconnue", "params": {"column": "commune"}}
                ]}
                """);

        assertTrue(schema.fields().get(0).unique());
        assertFalse(schema.fields().get(1).unique());
        assertEquals(List.of("commune", "numero"), schema.primaryKey());
        assertEquals(List.of(new ForeignKey(List.of("parent"), "", List.of("numero")),
                new ForeignKey(List.of("commune"), "communes", List.of("insee"))), schema.foreignKeys());
        assertTrue(schema.foreignKeys().get(0).isSelfReference());
        assertFalse(schema.foreignKeys().get(1).isSelfReference());
        assertEquals(1, schema.customChecks().size());
        assertEquals("french-siret-value", schema.customChecks().get(0).name());
        assertEquals("siret", schema.customChecks().get(0).field());
        // A check on a column the schema lacks cannot run either; each name is listed once.
        assertEquals(List.of("french_siret_value", "verification-inconnue"), schema.unsupportedCustomChecks());
        assertEquals(schema.unsupportedCustomChecks(), schema.withName("autre").unsupportedCustomChecks());
    }

    @Test
    void readsASinglePrimaryKeyWrittenAsAString() {
        assertEquals(List.of("id"), TestSchemas.parse("{\"fields\": [{\"name\": \"id\"}], \"primaryKey\": \"id\"}").primaryKey());
    }

    @Test
    void rejectsKeysOnFieldsThatDoNotExist() {
        assertThrows(InvalidSchemaException.class,
                () -> parse("{\"fields\": [{\"name\": \"id\"}], \"primaryKey\": \"identifiant\"}"));
        assertThrows(InvalidSchemaException.class, () -> parse("{\"fields\": [{\"name\": \"id\"}], \"foreignKeys\": "
                + "[{\"fields\": \"parent\", \"reference\": {\"resource\": \"\", \"fields\": \"id\"}}]}"));
        assertThrows(InvalidSchemaException.class, () -> parse("{\"fields\": [{\"name\": \"id\"}, {\"name\": \"p\"}], "
                + "\"foreignKeys\": [{\"fields\": [\"p\", \"id\"], \"reference\": {\"resource\": \"\", \"fields\": \"id\"}}]}"));
    }

    @Test
    void keepsTheFiveComponentConstructorForExistingCallers() {
        TableSchema schema = new TableSchema("n", "t", "1", TestSchemas.equipements().fields(), List.of(""));

        assertEquals(List.of(), schema.primaryKey());
        assertEquals(List.of(), schema.customChecks());
    }

    @Test
    void rejectsWhatIsNotATableSchema() {
        assertThrows(IOException.class, () -> parse("{ not json"));
        assertThrows(InvalidSchemaException.class, () -> parse(""));
        assertThrows(InvalidSchemaException.class, () -> parse("[]"));
        assertThrows(InvalidSchemaException.class, () -> parse("{\"fields\": []}"));
        assertThrows(InvalidSchemaException.class, () -> parse("{\"fields\": [{\"type\": \"string\"}]}"));
    }

    private static TableSchema parse(String json) throws IOException {
        return TableSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
