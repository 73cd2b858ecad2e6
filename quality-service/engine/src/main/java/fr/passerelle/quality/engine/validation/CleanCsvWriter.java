package fr.passerelle.quality.engine.validation;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the clean CSV: UTF-8 without BOM, comma, LF, the schema's columns in schema order.
 * The caller owns the stream: this writer flushes it, never closes it.
 */
public final class CleanCsvWriter {

    /** The class of {@link OutputStream#nullOutputStream()}'s streams: what is written to one is lost anyway. */
    private static final Class<?> DISCARDING = OutputStream.nullOutputStream().getClass();

    /** {@code null} when the caller discards the clean file (a check without {@code --fix}). */
    private final CsvWriter csv;

    public CleanCsvWriter(OutputStream out) {
        // Quoting and encoding every cell is a tenth of a check's time: not for a stream that drops the bytes.
        this.csv = out.getClass() == DISCARDING ? null : CsvWriter.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .lineDelimiter(LineDelimiter.LF)
                .build(new Utf8Writer(out));
    }

    /** Whether the rows are written somewhere: when not, the caller may skip building them. */
    public boolean writes() {
        return csv != null;
    }

    public void writeRow(List<String> cells) throws IOException {
        if (csv == null) {
            return;
        }
        try {
            csv.writeRecord(cells);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void flush() throws IOException {
        if (csv != null) {
            csv.flush();
        }
    }
}
