package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Optional;

/**
 * The schema's {@code primaryKey}, one field or several: every row's key must be present and
 * different from all others. A key cell already reported (absent, wrong, or empty though required)
 * is not reported again.
 */
final class PrimaryKeyCheck implements RowCheck {

    private final List<Field> keyFields;
    private final int[] fieldIndexes;
    private final Fingerprinter fingerprinter;
    private final SeenFingerprints seen = new SeenFingerprints();

    PrimaryKeyCheck(List<Field> keyFields, int[] fieldIndexes, Fingerprinter fingerprinter) {
        this.keyFields = List.copyOf(keyFields);
        this.fieldIndexes = fieldIndexes.clone();
        this.fingerprinter = fingerprinter;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        if (row.any(fieldIndexes, CheckedRow.CellState.ABSENT) || row.any(fieldIndexes, CheckedRow.CellState.WRONG)) {
            return Optional.empty();
        }
        for (int i = 0; i < fieldIndexes.length; i++) {
            if (row.states()[fieldIndexes[i]] == CheckedRow.CellState.EMPTY) {
                Field field = keyFields.get(i);
                return field.required() ? Optional.empty()
                        : Optional.of(ValidationErrors.primaryKeyEmpty(row.number(), keyFields, field,
                                row.texts()[fieldIndexes[i]]));
            }
        }
        long first = seen.putIfAbsent(fingerprinter.of(row.canonical(fieldIndexes)), row.number());
        if (first == SeenFingerprints.NEW) {
            return Optional.empty();
        }
        return Optional.of(ValidationErrors.primaryKeyDuplicate(row.number(), keyFields, row.texts(fieldIndexes), first));
    }
}
