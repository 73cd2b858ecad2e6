import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The ceiling for any CSV validator on the JVM: FastCSV reading every record of a file and
 * counting its fields, nothing else. Prints "records fields" on one line.
 *
 * <p>Usage: {@code java -cp fastcsv.jar:classes FastCsvBareParse FILE.csv}
 */
public final class FastCsvBareParse {

    public static void main(String[] args) throws IOException {
        System.out.println(parse(Path.of(args[0])));
    }

    /** @return "records fields" (WarmRuns repeats this in one JVM) */
    static String parse(Path file) throws IOException {
        long records = 0;
        long fields = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                records++;
                fields += record.getFieldCount();
            }
        }
        return records + " " + fields;
    }
}
