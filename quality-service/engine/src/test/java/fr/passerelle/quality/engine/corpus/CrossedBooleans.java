package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

/**
 * Yes/no columns ticked: x for yes, left empty for no. Only on columns whose truth has a yes and is filled on
 * every row (an empty optional answer would be indistinguishable from no).
 */
final class CrossedBooleans implements Mess {

    @Override
    public String name() {
        return "x/empty";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        for (Field field : schema.fields()) {
            int column = table.column(field.name());
            if (!field.type().name().equals("boolean") || column < 0) {
                continue;
            }
            boolean everyFilled = table.rows.stream().allMatch(row -> !row.cells().get(column).isEmpty());
            boolean someYes = table.rows.stream().anyMatch(row -> Boolean.TRUE.equals(field.type().cast(row.cells().get(column)).orElse(null)));
            boolean someNo = table.rows.stream().anyMatch(row -> Boolean.FALSE.equals(field.type().cast(row.cells().get(column)).orElse(null)));
            if (everyFilled && someYes && someNo) {
                table.rewrite(field.name(), value -> Boolean.TRUE.equals(field.type().cast(value).orElse(null)) ? "x" : "");
            }
        }
    }
}
