package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.read.ReadAhead;
import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.function.Consumer;

/** Walks a table once: header, then every row, checking each and copying it to the clean file. */
public final class TableValidator {

    /** Blank rows held back to see whether the table ends with them; past this many, they are reported. */
    static final int MAX_PENDING_BLANK_ROWS = 10_000;

    private final TableSchema schema;
    private final Consumer<ValidationError> errors;
    private Consumer<ValidationError> warnings = warning -> { };
    private final CleanCsvWriter clean;
    private long rowCount;
    private long validRowCount;
    private boolean keepSheetColumn;
    private int threads = 1;
    private int batchRows = 1_024;
    private boolean readAhead;
    private ColumnOverrides overrides = ColumnOverrides.none();
    private ColumnMapping columns;
    private TableListener listener;
    private final List<RowListener> rowListeners = new ArrayList<>();

    public TableValidator(TableSchema schema, Consumer<ValidationError> errors, CleanCsvWriter clean) {
        this.schema = schema;
        this.errors = errors;
        this.clean = clean;
    }

    /** Where the header's warnings go (optional columns missing, columns the schema lacks); nowhere by default. */
    public void reportWarningsTo(Consumer<ValidationError> warnings) {
        this.warnings = warnings;
    }

    /**
     * Validates without {@link ReferencedKeys}: self-referencing foreign keys are not checked.
     *
     * @throws UnreadableRowException when a row cannot be parsed; rows before it are counted
     */
    public void validate(TableReader reader) throws IOException, UnreadableRowException {
        validate((TableSource) reader, ReferencedKeys.none());
    }

    /**
     * @param referenced what the self-referencing foreign keys may point at, read beforehand from the same file
     * @throws UnreadableRowException when a row cannot be parsed; rows before it are counted
     */
    public void validate(TableReader reader, ReferencedKeys referenced) throws IOException, UnreadableRowException {
        validate((TableSource) reader, referenced);
    }

    /**
     * Validates the rows of any source: its first non-blank row is the header. Blank rows are
     * reported, except those ending the table (spreadsheets and exports often leave some).
     *
     * @param referenced what the self-referencing foreign keys may point at, read beforehand from the same file
     * @throws UnreadableRowException when a row cannot be read; rows before it are counted
     */
    public void validate(TableSource source, ReferencedKeys referenced) throws IOException, UnreadableRowException {
        TableRow header = source.next();
        // Leading blank lines are reported, and the header is the first non-blank row.
        while (header != null && header.isBlank()) {
            errors.accept(ValidationErrors.blankRow(header.number()));
            header = source.next();
        }
        if (header == null) {
            errors.accept(ValidationErrors.onlyBlankRows());
            return;
        }
        columns = HeaderMatcher.match(header, schema, overrides, errors, warnings);
        if (listener != null) {
            listener.header(header, columns);
        }
        for (RowListener rowListener : rowListeners) {
            rowListener.header(header, columns);
        }
        RowValidator validator = new RowValidator(schema, columns, referenced, source.distinctRows());
        // A row cannot be valid when the file has no column for a field every row must fill.
        boolean requiredColumnMissing = IntStream.range(0, schema.fields().size())
                .anyMatch(i -> schema.fields().get(i).required() && columns.columnOf(i) == ColumnMapping.ABSENT);
        RowWalk walk = new RowWalk(validator, requiredColumnMissing, header.cells().indexOf(TableSource.SHEET_COLUMN));
        if (threads > 1) {
            new ParallelCellChecks(threads, batchRows, this, validator).walk(source, walk);
        } else if (readAhead) {
            // The reading thread fingerprints each row for the duplicate-row check besides parsing it: the two halves
            // then weigh about the same on two cores (bench/README.md, issue 16).
            Fingerprinter own = new Fingerprinter();
            try (ReadAhead ahead = ReadAhead.preparing(source,
                    row -> row.isBlank() ? null : validator.fingerprintAhead(row, own))) {
                for (TableRow row = ahead.next(); row != null; row = ahead.next()) {
                    walk.row(row, null, (Fingerprint) ahead.prepared());
                }
            }
        } else {
            for (TableRow row = source.next(); row != null; row = source.next()) {
                walk.row(row, null, null);
            }
        }
        if (rowCount == 0) {
            errors.accept(ValidationErrors.noDataRows());
        }
    }

    /**
     * What is done to each row once read, in file order: everything that remembers the rows before it (blank rows
     * held back, counts, unique values and keys, duplicate rows, the listeners, the clean file).
     */
    final class RowWalk {

        private final RowValidator validator;
        private final boolean requiredColumnMissing;
        private final int sheetColumn;
        /** Blank rows are reported once a non-blank row follows them: trailing ones are not. */
        private final List<Long> pendingBlankRows = new ArrayList<>();

        private RowWalk(RowValidator validator, boolean requiredColumnMissing, int sheetColumn) {
            this.validator = validator;
            this.requiredColumnMissing = requiredColumnMissing;
            this.sheetColumn = sheetColumn;
        }

        /**
         * @param prechecked the row's own checks, done beforehand on another thread; {@code null} to do them here
         *                   (always {@code null} for a blank row)
         */
        void row(TableRow row, PrecheckedRow prechecked, Fingerprint fingerprint) throws IOException {
            if (row.isBlank()) {
                pendingBlankRows.add(row.number());
                if (pendingBlankRows.size() >= MAX_PENDING_BLANK_ROWS) {
                    reportBlankRows(pendingBlankRows);
                }
                return;
            }
            reportBlankRows(pendingBlankRows);
            rowCount++;
            Consumer<ValidationError> rowErrors = sheetColumn >= 0 && sheetColumn < row.size() && !schema.fieldNames()
                    .contains(TableSource.SHEET_COLUMN) ? inSheet(row.cell(sheetColumn)) : errors;
            RowValidator.CheckedCells cells = prechecked == null ? validator.checkCells(row, fingerprint)
                    : prechecked.checked();
            if (validator.finish(cells, rowErrors) == 0 && !requiredColumnMissing) {
                validRowCount++;
            }
            for (RowListener listener : rowListeners) {
                listener.row(row);
            }
            // Rows with errors are written too: the verdict, not the writer, decides on publication.
            List<String> cleanCells = prechecked == null ? columns.toSchemaOrder(row) : prechecked.cleanCells();
            if (listener != null) {
                cleanCells = listener.row(row, cleanCells, validator.validByField(),
                        prechecked == null ? null : prechecked.prepared());
            }
            if (keepSheetColumn) {
                cleanCells = new ArrayList<>(cleanCells);
                cleanCells.add(sheetColumn >= 0 && sheetColumn < row.size() ? row.cell(sheetColumn) : "");
            }
            clean.writeRow(cleanCells);
        }
    }

    /**
     * A data row's own checks, its clean cells and what the listener prepares of it ({@link TableListener#prepare}),
     * on another thread than the walk's; a failure is kept for the row's turn.
     */
    PrecheckedRow precheck(TableRow row, RowValidator validator, Fingerprinter own) {
        try {
            RowValidator.CheckedCells cells = validator.checkCells(row, validator.fingerprintAhead(row, own));
            return new PrecheckedRow(cells, columns.toSchemaOrder(row),
                    listener == null ? null : listener.prepare(row, cells.validByField()), null);
        } catch (RuntimeException e) {
            return new PrecheckedRow(null, null, null, e);
        }
    }

    /**
     * A data row's own checks, clean cells and what the listener prepared, done on a worker thread; or what they threw, thrown again when the
     * row's turn comes, as it would have been on one thread.
     */
    record PrecheckedRow(RowValidator.CheckedCells cells, List<String> cleanCells, Object prepared,
                         RuntimeException failure) {

        RowValidator.CheckedCells checked() {
            if (failure != null) {
                throw failure;
            }
            return cells;
        }
    }

    /** A compiled workbook's rows are numbered within their sheet: each error names the sheet. */
    private Consumer<ValidationError> inSheet(String sheet) {
        return error -> errors.accept(new ValidationError(error.code(), error.rowNumber(), error.field(), error.value(),
                "Feuille « " + sheet + " » : " + error.message(), error.hint()));
    }

    private void reportBlankRows(List<Long> rowNumbers) {
        for (long number : rowNumbers) {
            errors.accept(ValidationErrors.blankRow(number));
        }
        rowNumbers.clear();
    }

    /**
     * Also writes each row's {@value TableSource#SHEET_COLUMN} cell to the clean CSV, after the schema's columns;
     * the caller writes the matching header.
     */
    public void keepSheetColumn() {
        this.keepSheetColumn = true;
    }

    /**
     * Checks each row's own cells on {@code threads} threads in all (this one reading, ordering and writing), the
     * rest as on one thread: the same findings, in the same order, and the same clean file. 1 (the default): all
     * on this thread.
     *
     * @param batchRows rows handed to a thread at once
     */
    public void useThreads(int threads, int batchRows) {
        this.threads = Math.max(1, threads);
        this.batchRows = Math.max(1, batchRows);
    }

    /**
     * On one checking thread ({@link #useThreads} 1), reads the rows on a second thread ({@link ReadAhead}), which also
     * computes each row's fingerprint for the duplicate-row check, while this one checks them: the same findings, in
     * the same order, and the same clean file. For two cores.
     */
    public void readAhead(boolean readAhead) {
        this.readAhead = readAhead;
    }

    /** Matches the header's columns with the caller's own mapping first (see {@link ColumnOverrides}). */
    public void useColumnOverrides(ColumnOverrides overrides) {
        this.overrides = overrides;
    }

    /** How each column of the header was matched with a field; empty before the header is read. */
    public List<ColumnMatch> columnMatches() {
        return columns == null ? List.of() : columns.matches();
    }

    /** Labels of the caller's mapping that no column of the header carries. */
    public List<String> unusedColumnOverrides() {
        return columns == null ? List.of() : columns.unusedOverrides();
    }

    /** Shows the header and every data row to {@code listener}, which may rewrite the clean cells. */
    public void listen(TableListener listener) {
        this.listener = listener;
    }

    /** Also tells {@code listener} of the header and of each data row, after their findings. */
    public void listenToRows(RowListener listener) {
        rowListeners.add(listener);
    }

    /** Data rows read so far: header and blank rows excluded. */
    public long rowCount() {
        return rowCount;
    }

    /** Data rows read so far without any error. */
    public long validRowCount() {
        return validRowCount;
    }
}
