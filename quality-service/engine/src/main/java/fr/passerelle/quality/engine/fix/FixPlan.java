package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * What the second pass applies, decided on the first: the fixes of each schema field, the fixes
 * across cells, the columns to drop and the column to split.
 *
 * @param schema         the schema the file is checked against
 * @param fieldFixes     per schema field (schema order), the column fixes decided for it
 * @param rowFixes       the row fixes decided, in the order they apply
 * @param droppedColumns per column of the header as read: dropped, being empty and no schema field
 * @param split          the column to split into latitude and longitude, or null
 * @param nearDuplicates the near-duplicate detector, or null when the schema has no name and address
 * @param overrides      the columns staff mapped by hand: fixed like the columns recognised on their own
 * @param furniture      the rows ending the table that are no data (totals, notes), by row number
 */
record FixPlan(TableSchema schema, List<List<ColumnFix>> fieldFixes, List<RowFix> rowFixes, boolean[] droppedColumns,
               CoordinatesSplitFix split, NearDuplicates nearDuplicates, ColumnOverrides overrides,
               Map<Long, SpreadsheetFurniture.Kind> furniture) {

    /** For a file without header: nothing to fix. */
    static FixPlan nothing(TableSchema schema, ColumnOverrides overrides) {
        return new FixPlan(schema, schema.fields().stream().map(field -> List.<ColumnFix>of()).toList(), List.of(),
                new boolean[0], null, null, overrides, Map.of());
    }

    boolean dropped(int column) {
        return column < droppedColumns.length && droppedColumns[column];
    }

    /** Where a column of the header as read sits once the dropped columns are gone. */
    int afterDrops(int column) {
        int shift = 0;
        for (int c = 0; c < column && c < droppedColumns.length; c++) {
            if (droppedColumns[c]) {
                shift++;
            }
        }
        return column - shift;
    }
}
