package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.FindingOutputs;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validates raw files (CSV, XLSX, XLS, JSON, GeoJSON, told apart by their content) against one
 * Table Schema and writes their clean version.
 *
 * <pre>{@code
 * QualityReport report = QualityCheck.of(schema).run(rawFile, cleanCsv);
 * }</pre>
 *
 * Immutable and thread-safe: one instance per schema may serve concurrent runs.
 */
public final class QualityCheck {

    private final TableSchema schema;
    private final ReadOptions options;

    private QualityCheck(TableSchema schema, ReadOptions options) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
    }

    public static QualityCheck of(TableSchema schema) {
        return new QualityCheck(schema, ReadOptions.defaults());
    }

    /** The same check reading files with {@code options}, e.g. {@code ReadOptions.sheet("2024")} for a workbook. */
    public QualityCheck withOptions(ReadOptions options) {
        return new QualityCheck(schema, options);
    }

    /**
     * Reads {@code rawFile} (streamed, any size), writes its clean version to {@code cleanCsv}
     * (UTF-8, comma, LF, schema columns in schema order, blank rows dropped) and reports what is
     * wrong. Any content, even empty or binary, gives a report, never an exception.
     *
     * @param cleanCsv flushed, not closed: the caller owns it
     * @throws IOException only when reading the file or writing the output fails
     */
    public QualityReport run(Path rawFile, OutputStream cleanCsv) throws IOException {
        return new QualityRun(schema, options, rawFile, cleanCsv).execute();
    }

    /**
     * The same as {@link #run(Path, OutputStream)}, also writing {@code outputs}: the full error list (every
     * finding, where the report keeps samples) and the annotated file. Memory stays bounded whatever the number of
     * rows and findings.
     *
     * @param outputs its streams flushed, not closed
     * @throws IOException when reading the file or writing an output fails
     */
    public QualityReport run(Path rawFile, OutputStream cleanCsv, ReportOutputs outputs) throws IOException {
        try (FindingOutputs findings = outputs.start(schema)) {
            QualityReport report = new QualityRun(schema, options, rawFile, cleanCsv, findings).execute();
            findings.finish();
            return report;
        }
    }

    /**
     * Checks {@code rawFile} and writes it annotated: every bad cell marked with its French message and hint, see
     * {@link AnnotationFormat}. The clean CSV is not written.
     *
     * @param annotated flushed, not closed
     */
    public QualityReport annotate(Path rawFile, OutputStream annotated, AnnotationFormat format) throws IOException {
        return run(rawFile, OutputStream.nullOutputStream(), ReportOutputs.none().withAnnotated(annotated, format));
    }
}
