package fr.passerelle.quality.engine.annotate;

import de.siegmar.fastcsv.writer.CsvWriter;
import fr.passerelle.quality.engine.report.ValidationError;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The full error list: every finding, one CSV line each, written as it comes, so a million errors cost no memory
 * (the report keeps only samples).
 */
final class ErrorListWriter {

    static final List<String> HEADER = List.of("ligne", "colonne", "code", "valeur", "message", "conseil");

    private final CsvWriter csv;

    ErrorListWriter(OutputStream out) throws IOException {
        this.csv = ExcelCsv.open(out);
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
