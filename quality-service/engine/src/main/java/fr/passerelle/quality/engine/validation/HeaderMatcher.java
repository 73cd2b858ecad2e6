package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Compares the file's header with the schema's field names (exact match after trimming). */
public final class HeaderMatcher {

    private HeaderMatcher() {
    }

    /**
     * Maps schema fields to file columns and reports blank, duplicate, unknown and missing labels.
     * TODO Table Schema v2 {@code fieldsMatch} (subset, superset, partial): for now every field
     * must be present, as with the spec's default "exact".
     */
    public static ColumnMapping match(TableRow header, TableSchema schema, Consumer<ValidationError> errors) {
        List<Field> fields = schema.fields();
        Map<String, Integer> fieldIndexByName = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            fieldIndexByName.putIfAbsent(fields.get(i).name(), i);
        }
        int[] columnOfField = new int[fields.size()];
        Arrays.fill(columnOfField, ColumnMapping.ABSENT);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> absentFieldByLooseKey = absentFieldsByLooseKey(fields, header.cells());
        long row = header.number();

        for (int column = 0; column < header.size(); column++) {
            String label = header.cell(column);
            Integer fieldIndex = fieldIndexByName.get(label);
            if (label.equals(TableSource.SHEET_COLUMN) && fieldIndex == null) {
                // Added by the workbook reader, not by the clerk: known, never an unknown column.
                continue;
            }
            if (label.isEmpty()) {
                errors.accept(ValidationErrors.blankLabel(row, column + 1));
            } else if (seen.putIfAbsent(label, column) != null) {
                errors.accept(ValidationErrors.duplicateLabel(row, label, column + 1));
            } else if (fieldIndex == null) {
                errors.accept(ValidationErrors.extraLabel(row, label,
                        Optional.ofNullable(absentFieldByLooseKey.get(looseKey(label)))));
            } else {
                columnOfField[fieldIndex] = column;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (columnOfField[i] == ColumnMapping.ABSENT) {
                errors.accept(ValidationErrors.missingLabel(row, fields.get(i)));
            }
        }
        return new ColumnMapping(header.cells(), columnOfField);
    }

    /**
     * Schema fields absent from the header, by a key ignoring case, accents, spaces, dashes and
     * underscores: an unknown label "Code Com" is then recognised as the field "code_com".
     */
    private static Map<String, String> absentFieldsByLooseKey(List<Field> fields, List<String> labels) {
        Set<String> present = new HashSet<>(labels);
        Map<String, String> absent = new HashMap<>();
        for (Field field : fields) {
            if (!present.contains(field.name())) {
                absent.putIfAbsent(looseKey(field.name()), field.name());
            }
        }
        return absent;
    }

    private static String looseKey(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\\s_-]", "")
                .toLowerCase(Locale.ROOT);
    }
}
