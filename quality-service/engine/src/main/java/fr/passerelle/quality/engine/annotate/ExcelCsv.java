package fr.passerelle.quality.engine.annotate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CSV meant to be opened by a double click in a French spreadsheet: UTF-8 with a byte order mark (without it Excel
 * reads windows-1252 and breaks the accents), semicolons (Excel in French splits on its list separator, the
 * semicolon, because the comma is the decimal mark), CRLF as RFC 4180 says.
 */
final class ExcelCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExcelCsv() {
    }

    /** Writes the byte order mark, then returns a writer on {@code out}; the caller flushes it, never closes it. */
    static CsvWriter open(OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        return CsvWriter.builder()
                .fieldSeparator(';')
                .quoteCharacter('"')
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out, StandardCharsets.UTF_8);
    }
}
