package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a raw file as a {@link TableSource}, whatever its format: one reader per format, all
 * yielding the header first (found under any title rows), then the data rows.
 *
 * <pre>{@code
 * SourceFormat format = FormatDetector.detect(file);
 * try (TableSource rows = TableSources.open(file, format, ReadOptions.defaults(), schema)) { … }
 * }</pre>
 */
public final class TableSources {

    private TableSources() {
    }

    /**
     * @param format what {@link FormatDetector} found; CSV files need their {@link Dialect}, see
     *               {@link #openCsv}
     * @throws UnreadableSourceException when the file cannot be read as a table, with the French reason
     * @throws IllegalArgumentException  for CSV or a refused format
     */
    public static TableSource open(Path file, SourceFormat format, ReadOptions options, TableSchema schema)
            throws IOException, UnreadableRowException {
        return switch (format) {
            case XLSX -> WorkbookTable.of(XlsxWorkbook.open(file), options, schema.fieldNames());
            case XLS -> WorkbookTable.of(XlsWorkbook.open(file), options, schema.fieldNames());
            case JSON -> HeaderLocator.locate(JsonTable.open(file, false, schema), schema.fieldNames());
            case GEOJSON -> HeaderLocator.locate(JsonTable.open(file, true, schema), schema.fieldNames());
            default -> throw new IllegalArgumentException("Not opened by TableSources.open: " + format);
        };
    }

    /**
     * A CSV file read with its dialect, its header found under any title rows; parsed on a thread of its own when
     * {@code readAhead} ({@link ReadAhead}).
     *
     * @param witness see {@link TableReader#open(Path, Dialect, Utf8Witness)}; {@code null} for nobody
     */
    public static TableSource openCsv(Path file, Dialect dialect, TableSchema schema, boolean readAhead,
                                      Utf8Witness witness) throws IOException {
        TableReader table = TableReader.open(file, dialect, witness);
        TableSource reader = readAhead ? ReadAhead.of(table) : table;
        try {
            return HeaderLocator.locate(reader, schema.fieldNames());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
