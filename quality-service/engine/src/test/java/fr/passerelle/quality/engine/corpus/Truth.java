package fr.passerelle.quality.engine.corpus;

import java.util.List;

/**
 * A clean file as it should be published: the schema's fields in schema order, then the rows, each value in
 * the spelling the schema accepts. {@code key} names the field telling rows apart (unique in the truth).
 */
record Truth(String schema, List<String> fields, List<List<String>> rows, String key) {

    String cell(int row, String field) {
        return rows.get(row).get(fields.indexOf(field));
    }
}
