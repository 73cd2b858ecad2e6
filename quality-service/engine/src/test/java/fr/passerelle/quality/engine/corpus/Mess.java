package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;
import java.util.Optional;

/** One way a local authority's export differs from the published file, applied to a table in place. */
interface Mess {

    /** A short name for the scorer's table, e.g. {@code dates-dd/mm}. */
    String name();

    void apply(MessyTable table, TableSchema schema);

    /** Whether this mess puts personal data in the file: the file must then be BLOCKED. */
    default boolean personalData() {
        return false;
    }

    /** Whether it makes sense on this schema (a point mess on a schema without a point…). */
    default boolean fits(TableSchema schema) {
        return true;
    }

    static List<String> fieldsOfType(TableSchema schema, String type) {
        return schema.fields().stream().filter(f -> f.type().name().equals(type)).map(Field::name).toList();
    }

    static Optional<Field> field(TableSchema schema, String name) {
        return schema.fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
