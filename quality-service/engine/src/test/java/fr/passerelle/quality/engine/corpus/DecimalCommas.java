package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** Every decimal number written the French way: 7,4 and 48,856614. */
final class DecimalCommas implements Mess {

    @Override
    public String name() {
        return "decimal-comma";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        Mess.fieldsOfType(schema, "number").forEach(field -> table.rewrite(field, value -> value.replace('.', ',')));
    }
}
