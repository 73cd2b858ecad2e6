package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

/** Yes/no columns answered Oui/Non. */
final class YesNoWords implements Mess {

    @Override
    public String name() {
        return "oui/non";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        for (Field field : schema.fields()) {
            if (field.type().name().equals("boolean")) {
                table.rewrite(field.name(), value -> field.type().cast(value)
                        .map(yes -> Boolean.TRUE.equals(yes) ? "Oui" : "Non").orElse(value));
            }
        }
    }
}
