package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;

import java.util.Optional;

/** {@code constraints.unique}: no valid value of the field twice (empty cells do not count, as in frictionless). */
final class UniqueValueCheck implements RowCheck {

    private final Field field;
    private final int[] fieldIndex;
    private final Fingerprinter fingerprinter;
    private final SeenFingerprints seen = new SeenFingerprints();

    UniqueValueCheck(Field field, int fieldIndex, Fingerprinter fingerprinter) {
        this.field = field;
        this.fieldIndex = new int[] {fieldIndex};
        this.fingerprinter = fingerprinter;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        if (row.states()[fieldIndex[0]] != CheckedRow.CellState.VALID) {
            return Optional.empty();
        }
        long first = seen.putIfAbsent(fingerprinter.of(row.canonical(fieldIndex)), row.number());
        if (first == SeenFingerprints.NEW) {
            return Optional.empty();
        }
        return Optional.of(ValidationErrors.uniqueError(row.number(), field, row.texts()[fieldIndex[0]], first));
    }
}
