package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A file run through the engine: its report and its clean output. */
record Checked(QualityReport report, String clean) {

    static Checked run(TableSchema schema, Path file) {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        try {
            QualityReport report = QualityCheck.of(schema).run(file, clean);
            return new Checked(report, clean.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Checked run(TableSchema schema, byte[] content) {
        try {
            Path file = Files.createTempFile("raw-", ".csv");
            try {
                Files.write(file, content);
                return run(schema, file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Checked run(TableSchema schema, String content) {
        return run(schema, content, StandardCharsets.UTF_8);
    }

    static Checked run(TableSchema schema, String content, Charset charset) {
        return run(schema, content.getBytes(charset));
    }

    /** One value in the one column of {@link TestSchemas#oneField}, quoted as a CSV cell. */
    static Checked oneValue(String fieldProperties, String value) {
        return run(TestSchemas.oneField(fieldProperties), "valeur\n\"" + value.replace("\"", "\"\"") + "\"\n");
    }

    List<ValidationError> errors(ErrorCode code) {
        return report.samples().stream().filter(error -> error.code() == code).toList();
    }

    /** The header's warnings of that code: optional columns missing, columns the schema lacks. */
    List<ValidationError> warnings(ErrorCode code) {
        return report.warnings().stream().filter(warning -> warning.code() == code).toList();
    }

    ValidationError onlyError() {
        if (report.samples().size() != 1) {
            throw new AssertionError("Expected exactly one error, got " + report.samples());
        }
        return report.samples().get(0);
    }

    List<String> cleanLines() {
        return clean.lines().toList();
    }
}
