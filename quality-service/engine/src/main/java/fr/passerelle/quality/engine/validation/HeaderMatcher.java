package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnMatcher;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.HeaderMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares the file's header with the schema's fields: each column is matched with a field by
 * {@link ColumnMatcher} (exact name, then looser ways), and what stays unmatched is reported.
 */
public final class HeaderMatcher {

    private HeaderMatcher() {
    }

    /** {@link #match(TableRow, TableSchema, ColumnOverrides, Consumer)} without the caller's own mapping. */
    public static ColumnMapping match(TableRow header, TableSchema schema, Consumer<ValidationError> errors) {
        return match(header, schema, ColumnOverrides.none(), errors);
    }

    /**
     * Maps schema fields to file columns and reports blank, duplicate, unknown and missing labels. A
     * column matched other than by its exact name is not an error: the mapping is in
     * {@link ColumnMapping#matches()}, for the report.
     * TODO Table Schema v2 {@code fieldsMatch} (subset, superset, partial): for now every field
     * must be present, as with the spec's default "exact".
     */
    public static ColumnMapping match(TableRow header, TableSchema schema, ColumnOverrides overrides,
                                      Consumer<ValidationError> errors) {
        return match(header, schema, overrides, errors, errors);
    }

    /**
     * As the national validator (Validata) judges columns: a missing required column is an error; a missing
     * optional column and a column the schema does not have are warnings — the clean file has every schema
     * column (empty when absent) and none other.
     */
    public static ColumnMapping match(TableRow header, TableSchema schema, ColumnOverrides overrides,
                                      Consumer<ValidationError> errors, Consumer<ValidationError> warnings) {
        List<Field> fields = schema.fields();
        HeaderMatch matched = ColumnMatcher.match(header.cells(), schema, overrides);
        int[] columnOfField = new int[fields.size()];
        Arrays.fill(columnOfField, ColumnMapping.ABSENT);
        Set<String> seen = new HashSet<>();
        boolean sheetIsAField = schema.fieldNames().contains(TableSource.SHEET_COLUMN);
        long row = header.number();

        for (ColumnMatch match : matched.columns()) {
            int column = match.column() - 1;
            String label = match.label();
            if (label.equals(TableSource.SHEET_COLUMN) && !sheetIsAField) {
                // Added by the workbook reader, not by the clerk: known, never an unknown column.
                continue;
            }
            if (label.isEmpty()) {
                errors.accept(ValidationErrors.blankLabel(row, column + 1));
            } else if (!seen.add(label)) {
                errors.accept(ValidationErrors.duplicateLabel(row, label, column + 1));
            } else if (match.field() != null) {
                columnOfField[schema.fieldNames().indexOf(match.field())] = column;
            } else if (match.how() == MatchKind.NONE) {
                warnings.accept(ValidationErrors.extraLabel(row, label, Optional.empty()));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (columnOfField[i] == ColumnMapping.ABSENT) {
                (fields.get(i).required() ? errors : warnings).accept(ValidationErrors.missingLabel(row, fields.get(i)));
            }
        }
        return new ColumnMapping(header.cells(), columnOfField, matched);
    }
}
