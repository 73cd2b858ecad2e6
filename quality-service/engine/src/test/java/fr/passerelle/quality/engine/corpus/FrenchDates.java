package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** Dates as a French clerk types them: 2024-04-05 becomes 05/04/2024. */
final class FrenchDates implements Mess {

    @Override
    public String name() {
        return "dd/mm/yyyy";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        Mess.fieldsOfType(schema, "date").forEach(field -> table.rewrite(field, value -> value.matches("\\d{4}-\\d{2}-\\d{2}")
                ? value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4) : value));
    }
}
