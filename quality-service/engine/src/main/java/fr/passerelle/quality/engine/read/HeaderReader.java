package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Reads only the header of a raw file, before any schema is chosen: the same readers as a check
 * (encoding, delimiter, title rows, sheets, JSON keys), guided by every label the catalogue knows
 * instead of one schema's. Memory stays that of reading one row, but for JSON, whose columns are
 * the keys of all its objects (one streamed pass).
 *
 * <pre>{@code
 * FileHeader header = HeaderReader.read(rawFile, ReadOptions.defaults(), allFieldNames);
 * }</pre>
 */
public final class HeaderReader {

    /** A schema with no field: the JSON readers take one, and then add no geometry column. */
    private static final TableSchema NO_SCHEMA = new TableSchema("", "", "", List.of(), List.of(""));

    private HeaderReader() {
    }

    /**
     * @param expectedLabels labels a header may hold (e.g. every field name of the catalogue): they tell the
     *                       header from title rows above it, and the CSV delimiter
     * @throws IOException only when the file cannot be read at all; bad content gives a {@link FileHeader#problem()}
     */
    public static FileHeader read(Path file, ReadOptions options, Collection<String> expectedLabels) throws IOException {
        SourceFormat format = FormatDetector.detect(file);
        if (format.refused()) {
            return FileHeader.unreadable(format, format.refusal());
        }
        try {
            return switch (format) {
                case EMPTY -> FileHeader.unreadable(format, "Le fichier est vide.");
                case CSV -> readCsv(file, expectedLabels);
                case XLSX -> first(format, WorkbookTable.of(XlsxWorkbook.open(file), options, expectedLabels));
                case XLS -> first(format, WorkbookTable.of(XlsWorkbook.open(file), options, expectedLabels));
                case JSON -> first(format, JsonTable.open(file, false, NO_SCHEMA));
                case GEOJSON -> first(format, JsonTable.open(file, true, NO_SCHEMA));
                default -> FileHeader.unreadable(format, "Le format du fichier n'est pas lu par Passerelle.");
            };
        } catch (UnreadableSourceException e) {
            return FileHeader.unreadable(format, e.frenchMessage());
        } catch (UnreadableRowException e) {
            return FileHeader.unreadable(format, "Les noms de colonnes n'ont pas pu être lus (ligne " + e.rowNumber()
                    + ").");
        } catch (RuntimeException e) {
            // POI and Jackson meet hostile files too: whatever they throw is about the file.
            return FileHeader.unreadable(format, "Le fichier n'a pas pu être lu : il est peut-être endommagé.");
        }
    }

    private static FileHeader readCsv(Path file, Collection<String> expectedLabels) throws IOException,
            UnreadableRowException {
        DetectedEncoding encoding = EncodingDetector.detect(file);
        if (encoding.kind() == DetectedEncoding.Kind.EMPTY) {
            return FileHeader.unreadable(SourceFormat.EMPTY, "Le fichier est vide.");
        }
        if (encoding.kind() == DetectedEncoding.Kind.BINARY) {
            return FileHeader.unreadable(SourceFormat.BINARY, SourceFormat.BINARY.refusal());
        }
        Dialect dialect = new Dialect(encoding.charset(), encoding.bomLength(),
                DelimiterSniffer.sniff(file, encoding, expectedLabels));
        TableReader reader = TableReader.open(file, dialect);
        HeaderLocator located;
        try {
            located = HeaderLocator.locate(reader, expectedLabels);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return first(SourceFormat.CSV, located);
    }

    /** The first non-blank row of {@code rows}, without the workbook's sheet column; closes {@code rows}. */
    private static FileHeader first(SourceFormat format, TableSource rows) throws IOException, UnreadableRowException {
        try (rows) {
            TableRow header = rows.next();
            while (header != null && header.isBlank()) {
                header = rows.next();
            }
            if (header == null) {
                return FileHeader.unreadable(format, "Le fichier ne contient que des lignes vides.");
            }
            List<String> labels = header.cells().stream().filter(label -> !label.equals(TableSource.SHEET_COLUMN))
                    .toList();
            int end = labels.size();
            while (end > 0 && labels.get(end - 1).isEmpty()) {
                end--;
            }
            return new FileHeader(format, labels.subList(0, end), null);
        }
    }
}
