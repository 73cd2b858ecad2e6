package fr.passerelle.quality.engine.report;

import java.util.List;

/**
 * An automatic fix applied to the clean file, never silently: how often, and a few examples.
 *
 * @param code    stable code, e.g. {@code date-format}, {@code decimal-comma}, {@code duplicate-row-dropped}
 * @param field   the schema field (or file column) fixed; null for fixes on whole rows
 * @param count   cells, rows or columns changed
 * @param samples the first changes, at most {@link #MAX_SAMPLES}, in file order
 * @param message a French sentence saying what was done
 */
public record AppliedFix(String code, String field, long count, List<FixSample> samples, String message) {

    public static final int MAX_SAMPLES = 5;

    public AppliedFix {
        samples = List.copyOf(samples);
    }
}
