package fr.passerelle.publish.portal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A published clean CSV (UTF-8, comma) read row by row from its stream, and written out as JSON or
 * GeoJSON without ever holding the whole file.
 */
final class PublishedTable {

    private static final JsonFactory JSON = new JsonFactory();

    private PublishedTable() {
    }

    /** The header and at most {@code limit} rows. */
    static List<List<String>> head(InputStream csv, int limit) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = reader(csv)) {
            Iterator<CsvRecord> records = reader.iterator();
            while (records.hasNext() && rows.size() <= limit) {
                rows.add(records.next().getFields());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of objects, one per row, keyed by the header. */
    static void writeJson(InputStream csv, OutputStream out) throws IOException {
        try (CsvReader<CsvRecord> reader = reader(csv); JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            Iterator<CsvRecord> records = reader.iterator();
            List<String> header = records.hasNext() ? records.next().getFields() : List.of();
            json.writeStartArray();
            while (records.hasNext()) {
                writeProperties(json, header, records.next().getFields());
            }
            json.writeEndArray();
        }
    }

    /**
     * @param maxFeatures at most this many points, the first ones
     * @return false, writing nothing, when the table has no coordinates
     */
    static boolean writeGeoJson(InputStream csv, OutputStream out, long maxFeatures) throws IOException {
        try (CsvReader<CsvRecord> reader = reader(csv)) {
            Iterator<CsvRecord> records = reader.iterator();
            List<String> header = records.hasNext() ? records.next().getFields() : List.of();
            Optional<Coordinates> coordinates = Coordinates.of(header);
            if (coordinates.isEmpty()) {
                return false;
            }
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("type", "FeatureCollection");
                json.writeArrayFieldStart("features");
                long written = 0;
                while (written < maxFeatures && records.hasNext()) {
                    List<String> row = records.next().getFields();
                    Optional<double[]> point = coordinates.get().read(row);
                    if (point.isEmpty()) {
                        continue;
                    }
                    json.writeStartObject();
                    json.writeStringField("type", "Feature");
                    json.writeObjectFieldStart("geometry");
                    json.writeStringField("type", "Point");
                    json.writeArrayFieldStart("coordinates");
                    json.writeNumber(point.get()[0]);
                    json.writeNumber(point.get()[1]);
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeFieldName("properties");
                    writeProperties(json, header, row);
                    json.writeEndObject();
                    written++;
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            return true;
        }
    }

    static boolean hasCoordinates(List<String> header) {
        return Coordinates.of(header).isPresent();
    }

    private static void writeProperties(JsonGenerator json, List<String> header, List<String> row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < header.size(); i++) {
            String value = i < row.size() ? row.get(i) : null;
            if (value == null || value.isEmpty()) {
                json.writeNullField(header.get(i));
            } else {
                json.writeStringField(header.get(i), value);
            }
        }
        json.writeEndObject();
    }

    private static CsvReader<CsvRecord> reader(InputStream csv) {
        return CsvReader.builder().ofCsvRecord(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }
}
