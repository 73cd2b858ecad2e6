package fr.passerelle.quality.engine.validation;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the clean CSV: UTF-8 without BOM, comma, LF, the schema's columns in schema order.
 * The caller owns the stream: this writer flushes it, never closes it.
 */
public final class CleanCsvWriter {

    private final CsvWriter csv;

    public CleanCsvWriter(OutputStream out) {
        this.csv = CsvWriter.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .lineDelimiter(LineDelimiter.LF)
                .build(out, StandardCharsets.UTF_8);
    }

    public void writeRow(List<String> cells) throws IOException {
        try {
            csv.writeRecord(cells);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void flush() throws IOException {
        csv.flush();
    }
}
