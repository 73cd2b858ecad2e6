package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.privacy.PrivacyDecisions;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
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
    private final PrivacyDecisions privacy;

    private QualityCheck(TableSchema schema, ReadOptions options) {
        this(schema, options, PrivacyDecisions.none());
    }

    private QualityCheck(TableSchema schema, ReadOptions options, PrivacyDecisions privacy) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
        this.privacy = Objects.requireNonNull(privacy, "privacy");
    }

    public static QualityCheck of(TableSchema schema) {
        return new QualityCheck(schema, ReadOptions.defaults());
    }

    /** The same check reading files with {@code options}, e.g. {@code ReadOptions.sheet("2024")} for a workbook. */
    public QualityCheck withOptions(ReadOptions options) {
        return new QualityCheck(schema, options, privacy);
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
        return new QualityCheck(schema, options, new PrivacyDecisions(decisions, hashSalt));
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
        return new QualityRun(schema, options, privacy, rawFile, cleanCsv).execute();
    }
}
