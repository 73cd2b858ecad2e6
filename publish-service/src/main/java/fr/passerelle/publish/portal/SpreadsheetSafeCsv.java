package fr.passerelle.publish.portal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The published CSV as the portal serves it, made safe to open in a spreadsheet (OWASP, "CSV
 * Injection"): a cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return first) gets a leading single quote, which spreadsheets read as
 * "this is text". Streamed record by record, never the whole file.
 *
 * <p>Plain numbers are left alone: {@code -12.5} or {@code +33} open as the numbers they are and
 * cannot carry a formula, and prefixing them would turn every negative amount into text. Anything
 * else starting with one of those characters is prefixed, even a phone number such as
 * {@code +33 6 12 34 56 78}: Excel does read it as a formula (the spaces being its intersection
 * operator, it shows {@code #NULL!}), so the quote also makes it display as written. The full-width
 * forms of the four signs are prefixed too, as some spreadsheets fold them to the ASCII ones.
 *
 * <p>JSON and GeoJSON keep the data as is: no spreadsheet evaluates them.
 */
final class SpreadsheetSafeCsv {

    /** A number as a spreadsheet reads it: optional sign, digits, decimal point or comma, exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetSafeCsv() {
    }

    /** Copies a clean CSV (UTF-8, comma, LF) from {@code csv} to {@code out}, each cell {@linkplain #cell neutralised}. */
    static void write(InputStream csv, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(false)
                .ofCsvRecord(new InputStreamReader(csv, StandardCharsets.UTF_8));
             CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            List<String> cells = new ArrayList<>();
            for (CsvRecord record : reader) {
                cells.clear();
                for (String field : record.getFields()) {
                    cells.add(cell(field));
                }
                writer.writeRecord(cells);
            }
        }
    }

    /** The cell as stored, or prefixed with {@code '} when a spreadsheet would evaluate it. */
    static String cell(String value) {
        if (value.isEmpty() || !startsLikeAFormula(value.charAt(0)) || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    private static boolean startsLikeAFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
