package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for the national schema stationnement-cyclable (read from shared/schemas at test time):
 * a bicycle rack as staff would type it, with French accents.
 */
final class Bicycles {

    static final String COMMENT = "Près de l’église, côté cœur — tarif 0 €";

    private Bicycles() {
    }

    static TableSchema schema() {
        return ShippedSchemas.schema("stationnement-cyclable");
    }

    static List<String> header() {
        return schema().fieldNames();
    }

    /** A valid rack: the required fields and a few others, in schema order; absent fields empty. */
    static Map<String, String> rack(String id, int capacity) {
        Map<String, String> rack = new LinkedHashMap<>();
        for (String name : header()) {
            rack.put(name, "");
        }
        rack.put("id_local", id);
        rack.put("coordonneesxy", "[5.7145295,45.191463]");
        rack.put("capacite", String.valueOf(capacity));
        rack.put("type_accroche", "CADRE ET ROUE");
        rack.put("mobilier", "ARCEAU");
        rack.put("date_maj", "2024-03-01");
        rack.put("commentaires", COMMENT);
        return rack;
    }

    /** One CSV record: cells quoted when they hold the delimiter or a quote. */
    static String csvLine(List<String> cells, char delimiter) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            boolean quote = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains(",");
            quoted.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(String.valueOf(delimiter), quoted);
    }

    static String csv(char delimiter, String lineEnd, Map<String, String>... racks) {
        StringBuilder csv = new StringBuilder(csvLine(header(), delimiter)).append(lineEnd);
        for (Map<String, String> rack : racks) {
            csv.append(csvLine(new ArrayList<>(rack.values()), delimiter)).append(lineEnd);
        }
        return csv.toString();
    }

    static Checked run(byte[] content) {
        return run(ReadOptions.defaults(), content);
    }

    /** Runs the engine on {@code content} written to a file without extension: only the bytes tell the format. */
    static Checked run(ReadOptions options, byte[] content) {
        try {
            Path file = Files.createTempFile("raw-", "");
            try {
                Files.write(file, content);
                ByteArrayOutputStream clean = new ByteArrayOutputStream();
                QualityReport report = QualityCheck.of(schema()).withOptions(options).run(file, clean);
                return new Checked(report, clean.toString(StandardCharsets.UTF_8));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
