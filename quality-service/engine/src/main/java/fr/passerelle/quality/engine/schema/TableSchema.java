package fr.passerelle.quality.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A Table Schema (https://specs.frictionlessdata.io/table-schema/), reduced to what the engine
 * checks.
 *
 * @param name                    the catalog name (the schema's folder), or the JSON {@code name}
 * @param title                   human title, e.g. "Stationnement cyclable"; may be empty
 * @param version                 the schema version, may be empty
 * @param fields                  the columns, in schema order
 * @param missingValues           cell texts that mean "no value" ({@code [""]} by default)
 * @param primaryKey              the fields whose values identify a row, empty when the schema declares none
 * @param foreignKeys             the schema's foreign keys; only self-references are checked (see
 *                                {@link ForeignKey#isSelfReference()})
 * @param customChecks            the schema.data.gouv.fr custom checks ({@code custom_checks}) this engine runs
 * @param unsupportedCustomChecks names of the custom checks the schema asks for that this engine cannot run
 *                                (unknown name, or parameters it cannot use): never checked, never failing a file
 */
public record TableSchema(String name, String title, String version, List<Field> fields,
                          List<String> missingValues, List<String> primaryKey, List<ForeignKey> foreignKeys,
                          List<CustomCheck> customChecks, List<String> unsupportedCustomChecks) {

    public TableSchema {
        fields = List.copyOf(fields);
        missingValues = List.copyOf(missingValues);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        customChecks = List.copyOf(customChecks);
        unsupportedCustomChecks = List.copyOf(unsupportedCustomChecks);
    }

    /** A schema without keys nor custom checks. */
    public TableSchema(String name, String title, String version, List<Field> fields, List<String> missingValues) {
        this(name, title, version, fields, missingValues, List.of(), List.of(), List.of(), List.of());
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
        return new TableSchema(newName, title, version, fields, missingValues, primaryKey, foreignKeys, customChecks,
                unsupportedCustomChecks);
    }

    /** The title for sentences shown to people: the title, or the name when there is none. */
    public String displayTitle() {
        return title.isBlank() ? name : title;
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
