package fr.passerelle.portals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ckanext-validation does with a resource's file and its {@code schema} (frictionless, goodtables before it),
 * reduced to what a stand-in needs to tell a conforming file from another: every schema field has its column
 * ({@code missing-label}), every column is a schema field ({@code extra-label}), no required cell is empty
 * ({@code constraint-error}; empty means one of the schema's {@code missingValues}, {@code ""} by default). Its own
 * small reading of the CSV, independent of Passerelle's engine, so that the connector cannot pass by agreeing with
 * itself. The report is shaped as ckanext-validation returns it: {@code {valid, error-count, tables: [{errors}]}}.
 */
final class TableValidation {

    private TableValidation() {
    }

    static Map<String, Object> report(JsonNode schema, byte[] csv) {
        List<List<String>> rows = rows(new String(csv, StandardCharsets.UTF_8));
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        Set<String> fields = new HashSet<>();
        Set<String> missingValues = new HashSet<>();
        schema.path("missingValues").forEach(value -> missingValues.add(value.asText()));
        if (missingValues.isEmpty()) {
            missingValues.add("");
        }
        for (JsonNode field : schema.path("fields")) {
            String name = field.path("name").asText();
            fields.add(name);
            int column = header.indexOf(name);
            if (column < 0) {
                errors.add(error("missing-label", "There is a missing label in the header's field \"" + name + "\""));
            } else if (field.path("constraints").path("required").asBoolean(false)) {
                for (int row = 1; row < rows.size(); row++) {
                    List<String> cells = rows.get(row);
                    if (column >= cells.size() || missingValues.contains(cells.get(column))) {
                        errors.add(error("constraint-error", "The cell in row at position \"" + (row + 1)
                                + "\" and field \"" + name + "\" does not conform to a constraint: constraint"
                                + " \"required\" is \"True\""));
                    }
                }
            }
        }
        for (String label : header) {
            if (!fields.contains(label)) {
                errors.add(error("extra-label", "There is an extra label \"" + label + "\" in header"));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("valid", errors.isEmpty());
        report.put("error-count", errors.size());
        report.put("tables", List.of(Map.of("valid", errors.isEmpty(), "errors", errors)));
        return report;
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("code", code, "message", message);
    }

    /** RFC 4180: comma, double quotes (doubled inside), CRLF or LF; a trailing newline makes no row. */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1));
        }
        return rows;
    }
}
