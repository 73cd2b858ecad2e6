package fr.passerelle.quality.engine.report;

import java.util.List;

/**
 * A fix the engine did not dare apply (the reading is ambiguous, or it is a near-duplicate only
 * a person can confirm): the clerk decides.
 *
 * @param code    stable code, e.g. {@code date-format} or {@code near-duplicate}
 * @param field   the schema field concerned; null for whole rows
 * @param count   cells or rows concerned
 * @param message a French sentence saying what to check and why it was not fixed
 * @param samples the first cells or rows concerned, at most {@link AppliedFix#MAX_SAMPLES}
 */
public record FixSuggestion(String code, String field, long count, String message, List<FixSample> samples) {

    public FixSuggestion {
        samples = List.copyOf(samples);
    }
}
