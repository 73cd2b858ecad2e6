package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.RecentResults;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.schema.ValueConstraint;
import fr.passerelle.quality.engine.validation.CheckedRow.CellState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks one data row: its length, then each schema field's cell (one error per cell at most),
 * then the checks across cells and rows (custom checks, unique, primary key, duplicate rows,
 * self-referencing foreign keys). Keeps what the cross-row checks remember: one instance per file.
 */
public final class RowValidator {

    private final List<Field> fields;
    /**
     * The schema's missing values (usually just ""), compared one by one: fewer than a set's hash of every cell, which
     * reads the whole text, while {@code equals} stops at the length.
     */
    private final String[] missingValues;
    /** Each field's constraints, by field index: no iterator made per cell. */
    private final ValueConstraint[][] constraints;
    /**
     * By field index, what the cell's own checks gave for the texts met lately (see {@link RecentResults}): a column
     * repeating its values (a station's power, place and opening hours on each of its charge points, an operator's
     * SIREN) casts and matches each once in a while. Only for types whose values are immutable, since a value is
     * then shared between rows; {@code null} for the others (JSON values). Per run: no cell outlives the file's check.
     */
    private final RecentResults<Verdict>[] verdicts;

    /** Types whose values (String, Boolean, BigInteger, BigDecimal, GeoPoint, java.time, Integer) are immutable. */
    private static final Set<String> IMMUTABLE_VALUE_TYPES = Set.of("string", "integer", "number", "boolean",
            "geopoint", "date", "datetime", "time", "year", "yearmonth");
    private final ColumnMapping columns;
    private final List<RowCheck> rowChecks;
    /** Of the row last validated, by field: its cell broke no rule of its own (type, constraints). */
    private final boolean[] validByField;
    /** Whether the rows are checked for duplicates: their fingerprint may then be computed beforehand. */
    private final boolean duplicateRows;

    /** Without {@link ReferencedKeys}: self-referencing foreign keys are not checked. */
    public RowValidator(TableSchema schema, ColumnMapping columns) {
        this(schema, columns, ReferencedKeys.none());
    }

    public RowValidator(TableSchema schema, ColumnMapping columns, ReferencedKeys referenced) {
        this(schema, columns, referenced, false);
    }

    /** @param distinctRows the rows are known to be distinct (see {@code TableSource.distinctRows()}) */
    public RowValidator(TableSchema schema, ColumnMapping columns, ReferencedKeys referenced, boolean distinctRows) {
        this.fields = schema.fields();
        this.missingValues = schema.missingValues().stream().distinct().toArray(String[]::new);
        this.constraints = fields.stream().map(field -> field.constraints().toArray(ValueConstraint[]::new))
                .toArray(ValueConstraint[][]::new);
        @SuppressWarnings("unchecked")
        RecentResults<Verdict>[] verdicts = new RecentResults[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            if (IMMUTABLE_VALUE_TYPES.contains(fields.get(i).type().name())) {
                int field = i;
                verdicts[i] = new RecentResults<>(text -> verdict(field, text));
            }
        }
        this.verdicts = verdicts;
        this.columns = columns;
        this.rowChecks = RowChecks.of(schema, referenced, distinctRows);
        this.validByField = new boolean[fields.size()];
        this.duplicateRows = rowChecks.stream().anyMatch(DuplicateRowCheck.class::isInstance);
    }

    /**
     * The row's fingerprint for the duplicate-row check, to hand to {@link #checkCells(TableRow, Fingerprint)}: a
     * function of the row alone, so another thread may compute it with a fingerprinter of its own. {@code null} when
     * the rows are not checked for duplicates.
     */
    Fingerprint fingerprintAhead(TableRow row, Fingerprinter own) {
        return duplicateRows ? DuplicateRowCheck.of(own, row) : null;
    }

    /** Of the row last validated, by field index: whether its cell was present and broke no rule of its own. */
    public boolean[] validByField() {
        return validByField;
    }

    /** @return the number of errors found on the row */
    public int validate(TableRow row, Consumer<ValidationError> errors) {
        return finish(checkCells(row), errors);
    }

    /**
     * The row's own checks (its length, each cell's type and constraints): they read nothing another row changes,
     * so they may run on any thread, rows in any order. {@link #finish} then reports them, in file order.
     */
    CheckedCells checkCells(TableRow row) {
        return checkCells(row, null);
    }

    /** @param fingerprint the row's, from {@link #fingerprintAhead}; {@code null} to compute it when needed */
    CheckedCells checkCells(TableRow row, Fingerprint fingerprint) {
        List<ValidationError> found = new ArrayList<>();
        for (int column = row.size(); column < columns.width(); column++) {
            found.add(ValidationErrors.missingCell(row.number(), columns.labelAt(column)));
        }
        for (int column = columns.width(); column < row.size(); column++) {
            found.add(ValidationErrors.extraCell(row.number(), column + 1, row.cell(column)));
        }
        CheckedRow checked = new CheckedRow(row, new String[fields.size()], new Object[fields.size()],
                new CellState[fields.size()], fingerprint);
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            // An absent column was reported once on the header; a missing cell just above.
            if (column == ColumnMapping.ABSENT || column >= row.size()) {
                checked.states()[i] = CellState.ABSENT;
                continue;
            }
            String text = row.cell(column);
            checked.texts()[i] = text;
            checkCell(row.number(), fields.get(i), text, checked, i).ifPresent(found::add);
        }
        return new CheckedCells(checked, found);
    }

    /**
     * Reports a row's own findings, then runs the checks across cells and rows (which remember the rows before):
     * rows must come here one at a time, in file order.
     *
     * @return the number of errors found on the row
     */
    int finish(CheckedCells cells, Consumer<ValidationError> errors) {
        int found = 0;
        for (ValidationError error : cells.errors()) {
            errors.accept(error);
            found++;
        }
        CheckedRow checked = cells.row();
        for (int i = 0; i < fields.size(); i++) {
            validByField[i] = checked.states()[i] == CellState.VALID;
        }
        for (RowCheck check : rowChecks) {
            Optional<ValidationError> error = check.check(checked);
            if (error.isPresent()) {
                errors.accept(error.get());
                found++;
            }
        }
        return found;
    }

    /** A row after its own checks: its cells' states and values, and what they found, in report order. */
    record CheckedCells(CheckedRow row, List<ValidationError> errors) {

        /** By field index: whether the cell was present and broke no rule of its own. */
        boolean[] validByField() {
            CellState[] states = row.states();
            boolean[] valid = new boolean[states.length];
            for (int i = 0; i < states.length; i++) {
                valid[i] = states[i] == CellState.VALID;
            }
            return valid;
        }
    }

    /** Checks a present cell and records its state (and typed value) in {@code checked}. */
    private Optional<ValidationError> checkCell(long rowNumber, Field field, String value, CheckedRow checked, int i) {
        if (isMissing(value)) {
            checked.states()[i] = CellState.EMPTY;
            return field.required()
                    ? Optional.of(ValidationErrors.requiredValueMissing(rowNumber, field, value))
                    : Optional.empty();
        }
        Verdict verdict = verdicts[i] != null ? verdicts[i].get(value) : verdict(i, value);
        if (verdict.value() == null) {
            checked.states()[i] = CellState.WRONG;
            return Optional.of(ValidationErrors.typeError(rowNumber, field, value));
        }
        if (verdict.broken() != null) {
            checked.states()[i] = CellState.WRONG;
            return Optional.of(ValidationErrors.constraintError(rowNumber, field, value, verdict.broken()));
        }
        checked.states()[i] = CellState.VALID;
        checked.values()[i] = verdict.value();
        return Optional.empty();
    }

    /** A present, non-missing cell's type and constraints: a function of its text alone. */
    private Verdict verdict(int i, String value) {
        Optional<Object> typed = fields.get(i).type().cast(value);
        if (typed.isEmpty()) {
            return Verdict.NOT_OF_TYPE;
        }
        for (ValueConstraint constraint : constraints[i]) {
            if (!constraint.accepts(typed.get())) {
                return new Verdict(typed.get(), constraint);
            }
        }
        return new Verdict(typed.get(), null);
    }

    /**
     * @param value  the cell's typed value, or {@code null} when it is not of the field's type
     * @param broken the first of the field's constraints the value breaks, or {@code null}
     */
    private record Verdict(Object value, ValueConstraint broken) {
        static final Verdict NOT_OF_TYPE = new Verdict(null, null);
    }

    private boolean isMissing(String value) {
        for (String missing : missingValues) {
            if (missing.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
