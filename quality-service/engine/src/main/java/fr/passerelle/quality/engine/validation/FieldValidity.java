package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per schema field, the share of data rows whose cell in that field has no error. Listens to the findings and to
 * the rows of one run; keeps one counter per field and the fields hit on the current row, never the rows.
 */
public final class FieldValidity implements Consumer<ValidationError>, RowListener {

    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final long[] rowsWithError;
    private final BitSet absent;
    private final BitSet hitOnCurrentRow;
    private boolean headerSeen;

    public FieldValidity(TableSchema schema) {
        this.names = schema.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            indexByName.putIfAbsent(names.get(i), i);
        }
        this.rowsWithError = new long[names.size()];
        this.absent = new BitSet(names.size());
        this.hitOnCurrentRow = new BitSet(names.size());
    }

    @Override
    public void accept(ValidationError error) {
        // Header findings are counted through the mapping (an absent column), blank rows and the file as a whole
        // concern no data cell.
        if (!headerSeen || error.field() == null || error.code() == ErrorCode.BLANK_ROW
                || error.rowNumber() == ValidationError.WHOLE_FILE) {
            return;
        }
        Integer index = indexByName.get(error.field());
        if (index != null) {
            hitOnCurrentRow.set(index);
            return;
        }
        // Key errors name their columns joined: "code_insee, id".
        for (String name : error.field().split(", ")) {
            Integer part = indexByName.get(name);
            if (part != null) {
                hitOnCurrentRow.set(part);
            }
        }
    }

    @Override
    public void header(TableRow header, ColumnMapping columns) {
        headerSeen = true;
        for (int i = 0; i < names.size(); i++) {
            if (columns.columnOf(i) == ColumnMapping.ABSENT) {
                absent.set(i);
            }
        }
        hitOnCurrentRow.clear();
    }

    @Override
    public void row(TableRow row) {
        for (int i = hitOnCurrentRow.nextSetBit(0); i >= 0; i = hitOnCurrentRow.nextSetBit(i + 1)) {
            rowsWithError[i]++;
        }
        hitOnCurrentRow.clear();
    }

    /**
     * Field name to percent (two decimals), in schema order; 0 for every field without data rows, and for a field
     * whose column is absent from the file: none of its cells can be right.
     */
    public Map<String, Double> percentByField(long rowCount) {
        Map<String, Double> percents = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            double percent = rowCount == 0 || absent.get(i) ? 0.0
                    : BigDecimal.valueOf((rowCount - rowsWithError[i]) * 100.0 / rowCount)
                            .setScale(2, RoundingMode.HALF_UP).doubleValue();
            percents.putIfAbsent(names.get(i), percent);
        }
        return percents;
    }
}
