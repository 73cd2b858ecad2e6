package fr.passerelle.quality.engine.report;

import fr.passerelle.quality.engine.decision.AppliedDecision;
import fr.passerelle.quality.engine.decision.Decision;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PrivacyAction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a quality check, in frictionless words.
 *
 * @param verdict         {@code VALID} iff {@code errorCount == 0} and no personal data is left undecided;
 *                        {@code BLOCKED} when some is, {@code INVALID} otherwise (see {@link Verdict#BLOCKED})
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
 * @param columnMapping   each column of the file's header, in file order: the schema field it feeds and how it
 *                        was recognised; empty when no header was read
 * @param schemaDetection how the schema was found when none was named; {@code null} when it was named
 * @param fixes           the automatic fixes applied, when the check was asked to fix ({@code QualityCheck.withFixes()})
 * @param suggestions     the fixes left to the clerk: ambiguous readings, near-duplicate rows
 * @param personalData    personal data found, per column and kind, with masked samples and the decision
 *                        covering each; empty when none
 * @param privacyDecisions the decisions applied to the clean CSV, by column label
 * @param validityPercentByField schema field to the share of data rows whose cell in that field has no error, in
 *                        percent, two decimals, in schema order; 0 for a column absent from the file
 * @param warnings        what does not make the file invalid yet deserves a word, as the national validator says it:
 *                        optional columns missing (published empty), columns the schema lacks (left out); the first
 *                        {@link #MAX_SAMPLES_PER_CODE} of each code
 * @param decisions       the questions this file leaves to a person, each with a stable id and its answers
 *                        (column mapping, date order, near-duplicates, personal data); empty when none
 * @param rememberedDecisions what became of each decision remembered for the dataset: applied, or not (its column
 *                        is no longer in the file), in French
 */
public record QualityReport(Verdict verdict, String schemaName, String encoding, String delimiter, long rowCount,
                            long validRowCount, double validityPercent, long errorCount,
                            Map<String, Long> errorsByCode, Map<String, Long> errorsByField,
                            List<ValidationError> samples, String summary, List<ColumnMatch> columnMapping,
                            SchemaDetection schemaDetection, List<AppliedFix> fixes, List<FixSuggestion> suggestions,
                            List<PersonalDataFinding> personalData, Map<String, PrivacyAction> privacyDecisions,
                            Map<String, Double> validityPercentByField, List<ValidationError> warnings,
                            List<Decision> decisions, List<AppliedDecision> rememberedDecisions) {

    public static final int MAX_SAMPLES_PER_CODE = 100;

    public QualityReport {
        errorsByCode = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByCode));
        errorsByField = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByField));
        samples = List.copyOf(samples);
        // Null-tolerant: reports stored before column mapping, fixes and the personal-data guard lack them.
        columnMapping = columnMapping == null ? List.of() : List.copyOf(columnMapping);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        personalData = personalData == null ? List.of() : List.copyOf(personalData);
        privacyDecisions = privacyDecisions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(privacyDecisions));
        validityPercentByField = validityPercentByField == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(validityPercentByField));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        rememberedDecisions = rememberedDecisions == null ? List.of() : List.copyOf(rememberedDecisions);
    }

    /** A report without column mapping, schema detection, automatic fixes, personal data nor validity per field. */
    public QualityReport(Verdict verdict, String schemaName, String encoding, String delimiter, long rowCount,
                         long validRowCount, double validityPercent, long errorCount, Map<String, Long> errorsByCode,
                         Map<String, Long> errorsByField, List<ValidationError> samples, String summary) {
        this(verdict, schemaName, encoding, delimiter, rowCount, validRowCount, validityPercent, errorCount,
                errorsByCode, errorsByField, samples, summary, List.of(), null, List.of(), List.of(), List.of(), Map.of(),
                Map.of(), List.of(), List.of(), List.of());
    }
}
