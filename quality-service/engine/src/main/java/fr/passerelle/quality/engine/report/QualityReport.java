package fr.passerelle.quality.engine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a quality check, in frictionless words.
 *
 * @param verdict         {@code VALID} iff {@code errorCount == 0}
 * @param schemaName      the catalog name of the schema
 * @param encoding        the detected encoding, e.g. {@code "UTF-8"} or {@code "windows-1252"}; empty when
 *                        the file is empty or not text
 * @param delimiter       the detected separator, e.g. {@code ";"}; empty when the file could not be read
 * @param rowCount        data rows: header and blank rows excluded
 * @param validRowCount   data rows without any error
 * @param validityPercent {@code validRowCount / rowCount}, in percent, two decimals; 0 without data rows
 * @param errorCount      all errors, sampled or not
 * @param errorsByCode    frictionless code to count, in {@link ErrorCode} order
 * @param errorsByField   column to count, for errors tied to a column
 * @param samples         the first errors of each code, at most {@link #MAX_SAMPLES_PER_CODE} per code, in
 *                        file order
 * @param summary         one or two French sentences for the clerk
 * @param validityPercentByField schema field to the share of data rows whose cell in that field has no error, in
 *                        percent, two decimals, in schema order; 0 for a column absent from the file
 */
public record QualityReport(Verdict verdict, String schemaName, String encoding, String delimiter, long rowCount,
                            long validRowCount, double validityPercent, long errorCount,
                            Map<String, Long> errorsByCode, Map<String, Long> errorsByField,
                            List<ValidationError> samples, String summary,
                            Map<String, Double> validityPercentByField) {

    public static final int MAX_SAMPLES_PER_CODE = 100;

    public QualityReport {
        errorsByCode = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByCode));
        errorsByField = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByField));
        samples = List.copyOf(samples);
        validityPercentByField = Collections.unmodifiableMap(new LinkedHashMap<>(validityPercentByField));
    }

    /** A report without validity per field. */
    public QualityReport(Verdict verdict, String schemaName, String encoding, String delimiter, long rowCount,
                         long validRowCount, double validityPercent, long errorCount,
                         Map<String, Long> errorsByCode, Map<String, Long> errorsByField,
                         List<ValidationError> samples, String summary) {
        this(verdict, schemaName, encoding, delimiter, rowCount, validRowCount, validityPercent, errorCount,
                errorsByCode, errorsByField, samples, summary, Map.of());
    }
}
