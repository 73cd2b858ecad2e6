package fr.passerelle.quality.engine.annotate;

import fr.passerelle.csv.SpreadsheetSafeCsv;
import fr.passerelle.quality.engine.report.ValidationError;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The full error list: every finding, one CSV line each, written as it comes, so a million errors cost no memory
 * (the report keeps only samples). Written for a French spreadsheet, safe to open there: the values come
 * from the uploaded file and may hold formulas.
 */
final class ErrorListWriter {

    static final List<String> HEADER = List.of("ligne", "colonne", "code", "valeur", "message", "conseil");

    private final SpreadsheetSafeCsv csv;

    ErrorListWriter(OutputStream out) throws IOException {
        this.csv = SpreadsheetSafeCsv.open(out, SpreadsheetSafeCsv.Dialect.EXCEL_FR);
        csv.writeRecord(HEADER);
    }

    void write(ValidationError error) {
        csv.writeRecord(error.rowNumber() == ValidationError.WHOLE_FILE ? "" : Long.toString(error.rowNumber()),
                orEmpty(error.field()), error.code().code(), orEmpty(error.value()), error.message(), error.hint());
    }

    void finish() throws IOException {
        csv.flush();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
