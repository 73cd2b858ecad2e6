package fr.passerelle.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer for every file a person may open in a spreadsheet (the portal's
 * {@code latest.csv}, the reports' {@code errors.csv} and {@code annotated.csv}), with OWASP's
 * defences against CSV injection:
 * <ul>
 *   <li>a cell a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab
 *       or carriage return first, or their full-width forms, which some spreadsheets fold to ASCII)
 *       gets a leading single quote, which spreadsheets read as "this is text";</li>
 *   <li>so does every <em>part</em> of a cell that a spreadsheet may split off: a comma-separated file
 *       opened in a French Excel is split on {@code ;}, a semicolon one elsewhere on {@code ,}, so
 *       {@code x;=2+3;y} would smuggle a cell {@code =2+3} past a check of the first character only;</li>
 *   <li>every cell holding {@code ;}, {@code ,}, a tab, a quote or a line break is quoted, whatever the
 *       file's own separator.</li>
 * </ul>
 * Plain numbers are left alone: {@code -12.5} or {@code +33} open as the numbers they are and cannot
 * carry a formula, and prefixing them would turn every negative amount into text. Anything else
 * starting with one of those characters is prefixed, even a phone number such as
 * {@code +33 6 12 34 56 78}: Excel does read it as a formula, so the quote also makes it display as
 * written. A tab or carriage return first is both a trigger and a place to split: {@code \t=1} becomes
 * {@code '\t'=1}. Streamed record by record, never the whole file.
 */
public final class SpreadsheetSafeCsv implements Closeable, Flushable {

    /** The two shapes of file Passerelle serves. */
    public enum Dialect {
        /** RFC 4180 with LF, UTF-8 without BOM: the published data ({@code latest.csv}), as the pipeline writes it. */
        COMMA(',', LineDelimiter.LF, false),
        /**
         * For a double click in a French spreadsheet: semicolons (Excel in French splits on its list
         * separator because the comma is the decimal mark), CRLF, UTF-8 with a byte order mark (without
         * it Excel reads windows-1252 and breaks the accents).
         */
        EXCEL_FR(';', LineDelimiter.CRLF, true);

        private final char separator;
        private final LineDelimiter lineDelimiter;
        private final boolean byteOrderMark;

        Dialect(char separator, LineDelimiter lineDelimiter, boolean byteOrderMark) {
            this.separator = separator;
            this.lineDelimiter = lineDelimiter;
            this.byteOrderMark = byteOrderMark;
        }
    }

    /** A number as a spreadsheet reads it: optional sign, digits, decimal point or comma, exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)([eE][+-]?\\d+)?");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Where a spreadsheet may start a new cell inside ours: either list separator, a tab, a line break. */
    private static final String SPLITTERS = ",;\t\r\n";

    /** Quoted whenever a spreadsheet of either dialect could split the cell, not only on the file's own separator. */
    private static final QuoteStrategy QUOTE_SPLITTABLE = new QuoteStrategy() {
        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (SPLITTERS.indexOf(c) >= 0 || c == '"') {
                    return true;
                }
            }
            return false;
        }
    };

    private final CsvWriter csv;
    private final List<String> safe = new ArrayList<>();

    private SpreadsheetSafeCsv(CsvWriter csv) {
        this.csv = csv;
    }

    /**
     * A writer on {@code out} in {@code dialect}, the byte order mark already written when the dialect
     * has one. Closing it closes {@code out}; callers that keep {@code out} open only {@linkplain #flush flush}.
     */
    public static SpreadsheetSafeCsv open(OutputStream out, Dialect dialect) throws IOException {
        if (dialect.byteOrderMark) {
            out.write(UTF8_BOM);
        }
        return new SpreadsheetSafeCsv(CsvWriter.builder()
                .fieldSeparator(dialect.separator)
                .quoteCharacter('"')
                .quoteStrategy(QUOTE_SPLITTABLE)
                .lineDelimiter(dialect.lineDelimiter)
                .build(out, StandardCharsets.UTF_8));
    }

    /** Copies a clean CSV (UTF-8, comma) from {@code csv} to {@code out} in {@code dialect}, each cell made safe. */
    public static void copy(InputStream csv, OutputStream out, Dialect dialect) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(false)
                .ofCsvRecord(new InputStreamReader(csv, StandardCharsets.UTF_8));
             SpreadsheetSafeCsv writer = open(out, dialect)) {
            for (CsvRecord record : reader) {
                writer.writeRecord(record.getFields());
            }
        }
    }

    /** Writes one record, each cell {@linkplain #neutralise made safe}. */
    public void writeRecord(List<String> cells) {
        safe.clear();
        for (String cell : cells) {
            safe.add(neutralise(cell));
        }
        csv.writeRecord(safe);
    }

    public void writeRecord(String... cells) {
        writeRecord(Arrays.asList(cells));
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /**
     * The cell as a spreadsheet must show it: unchanged when it is a plain number or nothing in it looks
     * like a formula; otherwise each part that could be read as one (the cell's start, and whatever follows
     * a {@code ,}, {@code ;}, tab or line break, after its spaces) gets a {@code '} before its first
     * character, unless that part is itself a plain number. Null is an empty cell.
     */
    public static String neutralise(String value) {
        if (value == null) {
            return "";
        }
        if (!hasTrigger(value) || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 4);
        boolean partStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (partStart && c != ' ') {
                partStart = false;
                if (startsLikeAFormula(c) && !PLAIN_NUMBER.matcher(partFrom(value, i)).matches()) {
                    out.append('\'');
                }
            }
            out.append(c);
            if (SPLITTERS.indexOf(c) >= 0) {
                partStart = true;
            }
        }
        return out.toString();
    }

    /** The part starting at {@code start}: up to the next place a spreadsheet may split, without trailing spaces. */
    private static String partFrom(String value, int start) {
        int end = start;
        while (end < value.length() && SPLITTERS.indexOf(value.charAt(end)) < 0) {
            end++;
        }
        return value.substring(start, end).stripTrailing();
    }

    private static boolean hasTrigger(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (startsLikeAFormula(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLikeAFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
