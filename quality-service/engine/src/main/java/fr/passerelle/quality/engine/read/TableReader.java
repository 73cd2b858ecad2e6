package fr.passerelle.quality.engine.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldModifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the records of a raw file, one {@link TableRow} at a time, never the whole file.
 * Size limits turn a runaway file (a quote never closed, a binary blob) into an
 * {@link UnreadableRowException} instead of an out-of-memory error.
 */
public final class TableReader implements TableSource {

    /** Largest cell, in characters. */
    public static final int MAX_CELL_CHARS = 1024 * 1024;
    /** Most cells in one record. */
    public static final int MAX_CELLS = 10_000;
    /** Largest record, in characters: a few big cells, not 10 000 of them. */
    static final int MAX_ROW_CHARS = 8 * MAX_CELL_CHARS;
    /** The parser buffer must hold one whole cell; a bit more so the cell limit speaks first. */
    static final int PARSER_BUFFER_CHARS = 2 * MAX_CELL_CHARS;

    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    private long rowNumber;

    private TableReader(CsvReader<CsvRecord> csv) {
        this.csv = csv;
        this.records = csv.iterator();
    }

    public static TableReader open(Path file, Dialect dialect) throws IOException {
        return open(file, dialect, null);
    }

    /**
     * @param witness for a UTF-8 file, told whether the whole file was read as well-formed UTF-8 without NUL;
     *                {@code null} for nobody
     */
    public static TableReader open(Path file, Dialect dialect, Utf8Witness witness) throws IOException {
        InputStream bytes = Files.newInputStream(file);
        try {
            bytes.skipNBytes(dialect.bomLength());
            // Both replace undecodable bytes with U+FFFD; EncodingDetector reports them.
            Reader text = dialect.charset().equals(StandardCharsets.UTF_8) ? new Utf8Reader(bytes, witness)
                    : new InputStreamReader(bytes, dialect.charset());
            return new TableReader(newCsvReader(dialect.delimiter(), text));
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    private static CsvReader<CsvRecord> newCsvReader(char delimiter, Reader text) {
        CsvRecordHandler handler = CsvRecordHandler.builder()
                .maxFields(MAX_CELLS)
                .maxFieldSize(MAX_CELL_CHARS)
                .maxRecordSize(MAX_ROW_CHARS)
                .fieldModifier(FieldModifier.modify(CellText::trimWithoutNul))
                .build();
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                // Blank rows and ragged rows are findings to report, not reasons to stop.
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                // Like Python's csv module (hence frictionless): "abc"def reads as abcdef.
                .allowExtraCharsAfterClosingQuote(true)
                .maxBufferSize(PARSER_BUFFER_CHARS)
                .build(handler, text);
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws UnreadableRowException when the record cannot be parsed; do not call again after it
     */
    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            rowNumber++;
            return new TableRow(rowNumber, record.getFields());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new UnreadableRowException(rowNumber + 1, e);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
