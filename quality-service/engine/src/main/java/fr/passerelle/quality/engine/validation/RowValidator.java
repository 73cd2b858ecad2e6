package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.schema.ValueConstraint;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Checks one data row: its length, then each schema field's cell. */
public final class RowValidator {

    private final List<Field> fields;
    private final Set<String> missingValues;
    private final ColumnMapping columns;

    public RowValidator(TableSchema schema, ColumnMapping columns) {
        this.fields = schema.fields();
        this.missingValues = new HashSet<>(schema.missingValues());
        this.columns = columns;
    }

    /** @return the number of errors found on the row */
    public int validate(TableRow row, Consumer<ValidationError> errors) {
        int found = 0;
        for (int column = row.size(); column < columns.width(); column++) {
            errors.accept(ValidationErrors.missingCell(row.number(), columns.labelAt(column)));
            found++;
        }
        for (int column = columns.width(); column < row.size(); column++) {
            errors.accept(ValidationErrors.extraCell(row.number(), column + 1, row.cell(column)));
            found++;
        }
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            // An absent column was reported once on the header; a missing cell just above.
            if (column != ColumnMapping.ABSENT && column < row.size()) {
                Optional<ValidationError> error = checkCell(row.number(), fields.get(i), row.cell(column));
                if (error.isPresent()) {
                    errors.accept(error.get());
                    found++;
                }
            }
        }
        return found;
    }

    private Optional<ValidationError> checkCell(long rowNumber, Field field, String value) {
        if (missingValues.contains(value)) {
            return field.required()
                    ? Optional.of(ValidationErrors.requiredValueMissing(rowNumber, field, value))
                    : Optional.empty();
        }
        Optional<Object> typed = field.type().cast(value);
        if (typed.isEmpty()) {
            return Optional.of(ValidationErrors.typeError(rowNumber, field, value));
        }
        for (ValueConstraint constraint : field.constraints()) {
            if (!constraint.accepts(typed.get())) {
                return Optional.of(ValidationErrors.constraintError(rowNumber, field, value, constraint));
            }
        }
        return Optional.empty();
    }
}
