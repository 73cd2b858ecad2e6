package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.report.QualityReport;
import de.siegmar.fastcsv.reader.CsvReader;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A file run through the engine with the automatic fixes on: its report and its fixed clean output. */
record Fixed(QualityReport report, String clean) {

    static Fixed run(TableSchema schema, Path file) {
        return run(schema, file, ReadOptions.defaults());
    }

    static Fixed run(TableSchema schema, Path file, ReadOptions options) {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        try {
            QualityReport report = QualityCheck.of(schema).withOptions(options).withFixes().run(file, clean);
            return new Fixed(report, clean.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixed run(TableSchema schema, Path dir, String content) {
        return run(schema, dir, content, StandardCharsets.UTF_8);
    }

    static Fixed run(TableSchema schema, Path dir, String content, Charset charset) {
        try {
            Path file = Files.createTempFile(dir, "raw-", ".csv");
            Files.write(file, content.getBytes(charset));
            return run(schema, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fix of that code on that field (null for row fixes); fails when there is none. */
    AppliedFix fix(String code, String field) {
        return report.fixes().stream().filter(fix -> fix.code().equals(code) && Objects.equals(fix.field(), field))
                .findFirst().orElseThrow(() -> new AssertionError("No fix " + code + " on " + field + " in " + report.fixes()));
    }

    boolean hasFix(String code) {
        return report.fixes().stream().anyMatch(fix -> fix.code().equals(code));
    }

    FixSuggestion suggestion(String code) {
        return report.suggestions().stream().filter(suggestion -> suggestion.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("No suggestion " + code + " in " + report.suggestions()));
    }

    List<String> cleanLines() {
        return clean.lines().toList();
    }

    /** A schema with an {@code id} string field, then a {@code valeur} field of the given properties. */
    static TableSchema withId(String valueProperties) {
        return TestSchemas.parse("{\"name\": \"deux\", \"title\": \"Deux champs\", \"fields\": [{\"name\": \"id\", "
                + "\"type\": \"string\"}, {\"name\": \"valeur\", " + valueProperties + "}]}");
    }

    /** Runs the values, one per row with its row number as id, in a ';'-separated file for a schema like {@link #withId}. */
    static Fixed values(TableSchema schema, Path dir, String... values) {
        return values(schema, dir, ReadOptions.defaults(), values);
    }

    /** A two-column file (id;field) of {@code values}, read with {@code options}. */
    static Fixed values(TableSchema schema, Path dir, ReadOptions options, String... values) {
        StringBuilder raw = new StringBuilder("id;" + schema.fields().get(1).name() + "\n");
        for (int i = 0; i < values.length; i++) {
            raw.append(i + 1).append(';').append(values[i]).append('\n');
        }
        try {
            Path file = Files.createTempFile(dir, "raw-", ".csv");
            Files.writeString(file, raw);
            return run(schema, file, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The second column of the clean CSV, header excluded. */
    List<String> cleanValues() {
        return CsvReader.builder().ofCsvRecord(clean).stream().skip(1).map(row -> row.getField(1)).toList();
    }
}
