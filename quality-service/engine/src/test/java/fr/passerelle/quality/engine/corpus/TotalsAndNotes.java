package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Under the table: a « Total » row summing the whole-number columns, a blank line, and a source note. */
final class TotalsAndNotes implements Mess {

    @Override
    public String name() {
        return "totals+notes";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        List<String> total = new ArrayList<>(Collections.nCopies(table.labels.size(), ""));
        total.set(0, "Total");
        for (String field : Mess.fieldsOfType(schema, "integer")) {
            int column = table.column(field);
            if (column > 0) {
                long sum = 0;
                for (MessyTable.MessyRow row : table.rows) {
                    String cell = row.cells().get(column);
                    sum += cell.isEmpty() ? 0 : Long.parseLong(cell);
                }
                total.set(column, Long.toString(sum));
            }
        }
        table.below.add(total);
        table.below.add(List.of(""));
        table.below.add(List.of("Source : service mobilité, extraction du 05/04/2024"));
    }
}
