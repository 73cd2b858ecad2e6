package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.util.function.Consumer;

/** Walks a table once: header, then every row, checking each and copying it to the clean file. */
public final class TableValidator {

    private final TableSchema schema;
    private final Consumer<ValidationError> errors;
    private final CleanCsvWriter clean;
    private long rowCount;
    private long validRowCount;

    public TableValidator(TableSchema schema, Consumer<ValidationError> errors, CleanCsvWriter clean) {
        this.schema = schema;
        this.errors = errors;
        this.clean = clean;
    }

    /**
     * Validates without {@link ReferencedKeys}: self-referencing foreign keys are not checked.
     *
     * @throws UnreadableRowException when a row cannot be parsed; rows before it are counted
     */
    public void validate(TableReader reader) throws IOException, UnreadableRowException {
        validate(reader, ReferencedKeys.none());
    }

    /**
     * @param referenced what the self-referencing foreign keys may point at, read beforehand from the same file
     * @throws UnreadableRowException when a row cannot be parsed; rows before it are counted
     */
    public void validate(TableReader reader, ReferencedKeys referenced) throws IOException, UnreadableRowException {
        TableRow header = reader.next();
        // Leading blank lines are reported, and the header is the first non-blank row.
        while (header != null && header.isBlank()) {
            errors.accept(ValidationErrors.blankRow(header.number()));
            header = reader.next();
        }
        if (header == null) {
            errors.accept(ValidationErrors.onlyBlankRows());
            return;
        }
        ColumnMapping columns = HeaderMatcher.match(header, schema, errors);
        RowValidator validator = new RowValidator(schema, columns, referenced);
        for (TableRow row = reader.next(); row != null; row = reader.next()) {
            if (row.isBlank()) {
                errors.accept(ValidationErrors.blankRow(row.number()));
                continue;
            }
            rowCount++;
            if (validator.validate(row, errors) == 0) {
                validRowCount++;
            }
            // Rows with errors are written too: the verdict, not the writer, decides on publication.
            clean.writeRow(columns.toSchemaOrder(row));
        }
        if (rowCount == 0) {
            errors.accept(ValidationErrors.noDataRows());
        }
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
