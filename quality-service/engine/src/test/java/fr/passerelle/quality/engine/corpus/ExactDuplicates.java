package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;

/** Two rows pasted twice: the second and the fifth appear again right after themselves. */
final class ExactDuplicates implements Mess {

    @Override
    public String name() {
        return "duplicate-rows";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        for (int i : new int[] {4, 1}) {
            if (i < table.rows.size()) {
                MessyTable.MessyRow row = table.rows.get(i);
                table.rows.add(i + 1, new MessyTable.MessyRow(row.truthRow(), new ArrayList<>(row.cells())));
            }
        }
    }
}
