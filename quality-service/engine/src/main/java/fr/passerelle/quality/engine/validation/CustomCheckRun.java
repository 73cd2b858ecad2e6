package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.CustomCheck;

import java.util.Optional;

/** Runs one of the schema's custom checks on its field's valid cells. */
final class CustomCheckRun implements RowCheck {

    private final CustomCheck check;
    private final int fieldIndex;

    CustomCheckRun(CustomCheck check, int fieldIndex) {
        this.check = check;
        this.fieldIndex = fieldIndex;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        if (row.states()[fieldIndex] != CheckedRow.CellState.VALID) {
            return Optional.empty();
        }
        String text = row.texts()[fieldIndex];
        return check.check(row.values()[fieldIndex], text)
                .map(violation -> ValidationErrors.customCheckError(row.number(), check, text, violation));
    }
}
