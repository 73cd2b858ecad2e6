package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What a run writes besides the clean CSV and the report: the full error list, the annotated file. Streams are
 * flushed, never closed: the caller owns them.
 *
 * <pre>{@code
 * QualityCheck.of(schema).run(rawFile, cleanCsv, ReportOutputs.none()
 *         .withErrorList(errorsCsv)
 *         .withAnnotated(annotatedXlsx, AnnotationFormat.XLSX));
 * }</pre>
 *
 * @param errorList       where to write every finding as CSV (UTF-8 with BOM, {@code ;}: columns ligne, colonne,
 *                        code, valeur, message, conseil), or {@code null}
 * @param annotated       where to write the annotated file, or {@code null}
 * @param annotatedFormat its format; {@code null} only without {@code annotated}
 */
public record ReportOutputs(OutputStream errorList, OutputStream annotated, AnnotationFormat annotatedFormat) {

    private static final ReportOutputs NONE = new ReportOutputs(null, null, null);

    public ReportOutputs {
        if (annotated != null) {
            Objects.requireNonNull(annotatedFormat, "annotatedFormat");
        }
    }

    /** Nothing besides the clean CSV and the report. */
    public static ReportOutputs none() {
        return NONE;
    }

    public ReportOutputs withErrorList(OutputStream out) {
        return new ReportOutputs(Objects.requireNonNull(out, "out"), annotated, annotatedFormat);
    }

    public ReportOutputs withAnnotated(OutputStream out, AnnotationFormat format) {
        return new ReportOutputs(errorList, Objects.requireNonNull(out, "out"), Objects.requireNonNull(format, "format"));
    }

    /** Opens the writers for one run against {@code schema}; the engine calls it. */
    public FindingOutputs start(TableSchema schema) throws IOException {
        ErrorListWriter list = errorList == null ? null : new ErrorListWriter(errorList);
        AnnotatedTable table = annotated == null ? null
                : annotatedFormat == AnnotationFormat.XLSX ? new XlsxAnnotatedTable(annotated)
                : new CsvAnnotatedTable(annotated);
        return new FindingOutputs(schema, list, table);
    }
}
