package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.RowCustomCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a custom check on several cells of each row, once the cells are checked. */
final class RowCustomCheckRun implements RowCheck {

    private final RowCustomCheck check;
    private final int[] fieldIndexes;

    RowCustomCheckRun(RowCustomCheck check, int[] fieldIndexes) {
        this.check = check;
        this.fieldIndexes = fieldIndexes;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        List<RowCustomCheck.Cell> cells = new ArrayList<>(fieldIndexes.length);
        for (int k = 0; k < fieldIndexes.length; k++) {
            int index = fieldIndexes[k];
            CheckedRow.CellState state = row.states()[index];
            // A wrong cell is already reported: comparing it would say the same thing twice.
            if (state == CheckedRow.CellState.WRONG) {
                return Optional.empty();
            }
            cells.add(new RowCustomCheck.Cell(check.fields().get(k), row.texts()[index], row.values()[index],
                    state == CheckedRow.CellState.VALID, state == CheckedRow.CellState.VALID));
        }
        return check.check(cells).map(violation -> ValidationErrors.rowCheckError(row.number(), check, violation));
    }
}
