package fr.passerelle.quality.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A Table Schema (https://specs.frictionlessdata.io/table-schema/), reduced to what the engine
 * checks.
 *
 * @param name          the catalog name (the schema's folder), or the JSON {@code name}
 * @param title         human title, e.g. "Stationnement cyclable"; may be empty
 * @param version       the schema version, may be empty
 * @param fields        the columns, in schema order
 * @param missingValues cell texts that mean "no value" ({@code [""]} by default)
 */
public record TableSchema(String name, String title, String version, List<Field> fields,
                          List<String> missingValues) {

    public TableSchema {
        fields = List.copyOf(fields);
        missingValues = List.copyOf(missingValues);
    }

    /**
     * Parses a schema.json.
     *
     * @throws InvalidSchemaException when the JSON is not a usable Table Schema
     * @throws IOException            when the stream fails or is not JSON
     */
    public static TableSchema parse(InputStream json) throws IOException {
        return TableSchemaReader.read(json);
    }

    public TableSchema withName(String newName) {
        return new TableSchema(newName, title, version, fields, missingValues);
    }

    /** The title for sentences shown to people: the title, or the name when there is none. */
    public String displayTitle() {
        return title.isBlank() ? name : title;
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
