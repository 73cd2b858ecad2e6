package fr.passerelle.e2e;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test files: the national examples, re-encoded the way staff's spreadsheets export them. */
final class Csv {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Csv() {
    }

    static Path example(String schema, String file) {
        return Stack.shippedSchemas().resolve(schema).resolve("examples").resolve(file);
    }

    static List<List<String>> rows(byte[] utf8Csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(utf8Csv, StandardCharsets.UTF_8))) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> rows(Path utf8Csv) {
        try {
            return rows(Files.readAllBytes(utf8Csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quality check trims cells (a safe fix): what the clean file should hold. */
    static List<List<String>> trimmed(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(String::strip).toList()).toList();
    }

    /** The rows as plain UTF-8 CSV (comma, LF), quoted where needed. */
    static byte[] asUtf8(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            rows.forEach(writer::writeRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The rows as a French spreadsheet saves them: Windows-1252, semicolons, CRLF. */
    static byte[] asFrenchExcelExport(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF)
                .build(new OutputStreamWriter(bytes, WINDOWS_1252))) {
            rows.forEach(writer::writeRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
