package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small schemas written for the tests, so that each test shows all it depends on. */
final class TestSchemas {

    /** Header of a file that matches {@link #equipements()} exactly. */
    static final String EQUIPEMENTS_HEADER = "id,nom,capacite,ouverture,gratuit,tarif,contact";

    private TestSchemas() {
    }

    static TableSchema equipements() {
        return parse("""
                {
                  "name": "equipements",
                  "title": "Équipements publics",
                  "version": "0.0.1",
                  "fields": [
                    {"name": "id", "type": "string", "constraints": {"required": true}},
                    {"name": "nom", "type": "string", "title": "Nom", "constraints": {"required": true}},
                    {"name": "capacite", "type": "integer", "constraints": {"required": true}},
                    {"name": "ouverture", "type": "date"},
                    {"name": "gratuit", "type": "boolean"},
                    {"name": "tarif", "type": "number"},
                    {"name": "contact", "type": "string", "format": "email"}
                  ]
                }
                """);
    }

    static TableSchema parse(String json) {
        try {
            return TableSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-field schema, to test one type with its options, e.g. {@code "type": "date", "format": "%d/%m/%Y"}. */
    static TableSchema oneField(String fieldProperties) {
        return parse("{\"name\": \"one\", \"title\": \"Un champ\", \"fields\": [{\"name\": \"valeur\", "
                + fieldProperties + "}]}");
    }
}
