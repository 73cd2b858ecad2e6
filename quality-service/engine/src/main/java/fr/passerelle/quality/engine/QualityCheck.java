package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.decision.DecisionInputs;
import fr.passerelle.quality.engine.decision.RememberedDecision;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.privacy.PrivacyDecisions;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.FindingOutputs;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.read.EncodingDetector;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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
    private final ColumnOverrides columnOverrides;
    private final SchemaDetection detection;
    private final boolean fixes;
    private final PrivacyDecisions privacy;
    private final List<RememberedDecision> decisions;
    private final Parallelism parallelism;
    /** See {@link QualityRun#withEncodingGuessFrom}. */
    private final long encodingGuessFrom;

    private QualityCheck(TableSchema schema, ReadOptions options) {
        this(schema, options, ColumnOverrides.none(), null, false, PrivacyDecisions.none(), List.of(),
                Parallelism.defaults(), EncodingDetector.GUESS_FROM_BYTES);
    }

    private QualityCheck(TableSchema schema, ReadOptions options, ColumnOverrides columnOverrides,
                         SchemaDetection detection, boolean fixes, PrivacyDecisions privacy,
                         List<RememberedDecision> decisions, Parallelism parallelism, long encodingGuessFrom) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
        this.encodingGuessFrom = encodingGuessFrom;
        this.decisions = List.copyOf(decisions);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
        this.columnOverrides = Objects.requireNonNull(columnOverrides, "columnOverrides");
        this.detection = detection;
        this.fixes = fixes;
        this.privacy = Objects.requireNonNull(privacy, "privacy");
    }

    public static QualityCheck of(TableSchema schema) {
        return new QualityCheck(schema, ReadOptions.defaults());
    }

    /** The same check reading files with {@code options}, e.g. {@code ReadOptions.sheet("2024")} for a workbook. */
    public QualityCheck withOptions(ReadOptions options) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes, privacy, decisions, parallelism,
                encodingGuessFrom);
    }

    /**
     * The same check using the caller's own column mapping first: file label → schema field name, or
     * {@code ""} to ignore the column (no unknown-column error). Labels are found in the file as written, or
     * but for case, accents and punctuation; a label absent from the file is only mentioned in the summary.
     *
     * @throws IllegalArgumentException with a French message to show as is, when a field is not in the schema or
     *                                  two labels are mapped to one field
     */
    public QualityCheck withColumnMapping(Map<String, String> fieldByLabel) {
        return new QualityCheck(schema, options, ColumnOverrides.of(fieldByLabel, schema), detection, fixes, privacy,
                decisions, parallelism, encodingGuessFrom);
    }

    /** The same check, its reports saying how its schema was detected ({@code SchemaDetector}). */
    public QualityCheck withSchemaDetection(SchemaDetection detection) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes, privacy, decisions, parallelism,
                encodingGuessFrom);
    }

    /**
     * The same check applying the safe automatic fixes first (dates, numbers, yes/no answers, list values, codes,
     * phone numbers, coordinates, blank and repeated rows, empty columns): the clean CSV holds the fixed values, the
     * verdict is the fixed file's, and the report lists every fix ({@link QualityReport#fixes()}) and the fixes left
     * to the clerk ({@link QualityReport#suggestions()}). Reads the file twice.
     */
    public QualityCheck withFixes() {
        return new QualityCheck(schema, options, columnOverrides, detection, true, privacy, decisions, parallelism,
                encodingGuessFrom);
    }

    /**
     * The same check applying a person's decisions on personal data, per column label of the raw file
     * (as in its header). Personal data in a column with a decision no longer blocks the file; the
     * decision is applied to the clean CSV and recorded in the report. A decision naming a column the
     * file lacks is reported as a {@code privacy-decision} error, in French.
     *
     * @throws IllegalArgumentException (French message) when a column is to be hashed: use
     *                                  {@link #withPrivacyDecisions(Map, String)} with a salt
     */
    public QualityCheck withPrivacyDecisions(Map<String, PrivacyAction> decisions) {
        return withPrivacyDecisions(decisions, null);
    }

    /**
     * As {@link #withPrivacyDecisions(Map)}, with the secret salt keying {@link PrivacyAction#HASH}: keep
     * the same salt for every version of a dataset, so that a value hashes the same in each.
     */
    public QualityCheck withPrivacyDecisions(Map<String, PrivacyAction> decisions, String hashSalt) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes,
                new PrivacyDecisions(decisions, hashSalt), this.decisions, parallelism, encodingGuessFrom);
    }

    /**
     * The same check applying the decisions staff made once for the dataset (column mapping, date order,
     * near-duplicates, personal data), on top of the column mapping and personal-data decisions given to
     * {@link #withColumnMapping} and {@link #withPrivacyDecisions}, which win on the same column. A decision that
     * has nothing to apply to in this file (its column is gone) is reported as such
     * ({@link QualityReport#rememberedDecisions()}), never as an error; the questions a decision answers are not
     * asked again ({@link QualityReport#decisions()}).
     */
    public QualityCheck withDecisions(List<RememberedDecision> remembered) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes, privacy, remembered, parallelism,
                encodingGuessFrom);
    }

    /**
     * The same check using {@code parallelism}'s threads ({@link Parallelism#defaults()}: every core from 3 cores
     * up, on files of 4 MB or more). The findings, the report and the clean file do not depend on it.
     */
    public QualityCheck withParallelism(Parallelism parallelism) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes, privacy, decisions, parallelism,
                encodingGuessFrom);
    }

    /**
     * Reads {@code rawFile} (streamed, any size), writes its clean version to {@code cleanCsv}
     * (UTF-8, comma, LF, schema columns in schema order, blank rows dropped) and reports what is
     * wrong, including the personal data found in any column (the verdict is then {@code BLOCKED} until
     * decisions cover it). Any content, even empty or binary, gives a report, never an exception.
     *
     * @param cleanCsv flushed, not closed: the caller owns it
     * @throws IOException only when reading the file or writing the output fails
     */
    public QualityReport run(Path rawFile, OutputStream cleanCsv) throws IOException {
        return execute(() -> newRun(rawFile, cleanCsv));
    }

    /**
     * Runs the check; should the file's start have misled the encoding's guess, runs it again, the encoding told from
     * the whole file (the first run stopped before reporting or writing anything).
     */
    private static QualityReport execute(Supplier<QualityRun> run) throws IOException {
        try {
            return run.get().execute();
        } catch (QualityRun.EncodingGuessContradicted e) {
            return run.get().withEncodingGuessFrom(Long.MAX_VALUE).execute();
        }
    }

    private QualityRun newRun(Path rawFile, OutputStream cleanCsv) {
        if (decisions.isEmpty()) {
            return new QualityRun(schema, options, privacy, rawFile, cleanCsv, fixes).withParallelism(parallelism)
                    .withColumnOverrides(columnOverrides)
                    .withSchemaDetection(detection).withEncodingGuessFrom(encodingGuessFrom);
        }
        DecisionInputs inputs = DecisionInputs.of(decisions, columnOverrides, privacy, schema);
        return new QualityRun(schema, options, inputs.privacy(), rawFile, cleanCsv, fixes).withParallelism(parallelism)
                .withColumnOverrides(inputs.overrides()).withSchemaDetection(detection).withDecisions(decisions, inputs)
                .withEncodingGuessFrom(encodingGuessFrom);
    }

    /**
     * The same check guessing the encoding of CSV files of {@code bytes} or more from their start, {@code
     * Long.MAX_VALUE} never ({@link QualityRun#withEncodingGuessFrom}): for the tests, which compare both ways on
     * small files. The report and the clean file do not depend on it.
     */
    QualityCheck withEncodingGuessFrom(long bytes) {
        return new QualityCheck(schema, options, columnOverrides, detection, fixes, privacy, decisions, parallelism,
                bytes);
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
            QualityReport report = execute(() -> newRun(rawFile, cleanCsv).withFindingOutputs(findings));
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
