package fr.passerelle.quality.engine.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Counts every error but keeps only the first ones of each code, so that a million bad rows cost
 * a few counters, not a million objects.
 */
public final class ErrorCollector {

    private final int maxSamplesPerCode;
    private final Map<ErrorCode, Long> countsByCode = new EnumMap<>(ErrorCode.class);
    private final Map<String, Long> countsByField = new LinkedHashMap<>();
    private final List<ValidationError> samples = new ArrayList<>();
    private long total;
    private long rowsWithErrors;
    private long lastRowWithError = -1;
    private final List<Consumer<ValidationError>> listeners = new ArrayList<>();

    public ErrorCollector(int maxSamplesPerCode) {
        this.maxSamplesPerCode = maxSamplesPerCode;
    }

    public void add(ValidationError error) {
        total++;
        long countForCode = countsByCode.merge(error.code(), 1L, Long::sum);
        if (error.field() != null) {
            countsByField.merge(error.field(), 1L, Long::sum);
        }
        if (countForCode <= maxSamplesPerCode) {
            samples.add(error);
        }
        // Rows arrive in file order, so a row is new when its number differs from the last one.
        if (error.rowNumber() != ValidationError.WHOLE_FILE && error.rowNumber() != lastRowWithError) {
            rowsWithErrors++;
            lastRowWithError = error.rowNumber();
        }
        for (Consumer<ValidationError> listener : listeners) {
            listener.accept(error);
        }
    }

    /** Also hands every error, counted or sampled, to {@code listener}: the full error list, the annotated file. */
    public void forwardTo(Consumer<ValidationError> listener) {
        listeners.add(listener);
    }

    public long total() {
        return total;
    }

    /** Rows of the file (header and blank rows included) holding at least one error. */
    public long rowsWithErrors() {
        return rowsWithErrors;
    }

    public boolean has(ErrorCode code) {
        return countsByCode.containsKey(code);
    }

    /** The first sampled error of that code. */
    public Optional<ValidationError> first(ErrorCode code) {
        return samples.stream().filter(error -> error.code() == code).findFirst();
    }

    /** Counts keyed by frictionless code, in {@link ErrorCode} order. */
    public Map<String, Long> countsByCode() {
        Map<String, Long> counts = new LinkedHashMap<>();
        countsByCode.forEach((code, count) -> counts.put(code.code(), count));
        return counts;
    }

    public Map<String, Long> countsByField() {
        return countsByField;
    }

    public List<ValidationError> samples() {
        return samples;
    }
}
