package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.Field;
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
        // Not checked yet, but the type name is kept for later.
        assertEquals("geopoint", schema.fields().get(2).type().name());
    }

    @Test
    void readsDeclaredMissingValues() {
        TableSchema schema = TestSchemas.parse("{\"missingValues\": [\"\", \"NA\", \"-\"], \"fields\": [{\"name\": \"a\"}]}");

        assertEquals(List.of("", "NA", "-"), schema.missingValues());
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
