package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.report.FixSuggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts every fix and suggestion but keeps only the first {@link AppliedFix#MAX_SAMPLES} examples
 * of each (code, field): a million fixed cells cost a counter. The entries are few, one per fix
 * kind and field.
 */
public final class FixLog {

    private record Key(FixCode code, String field) {
    }

    private static final class Entry {
        final String message;
        long count;
        final List<FixSample> samples = new ArrayList<>();

        Entry(String message) {
            this.message = message;
        }

        void add(FixSample sample) {
            count++;
            if (samples.size() < AppliedFix.MAX_SAMPLES) {
                samples.add(sample);
            }
        }
    }

    private final Map<Key, Entry> applied = new LinkedHashMap<>();
    private final Map<Key, Entry> suggested = new LinkedHashMap<>();
    private final boolean keeping;
    /** The fixes of the row being fixed, held until the row is kept: a row dropped as a duplicate shows none. */
    private final List<Pending> pending = new ArrayList<>();
    private boolean holding;

    private record Pending(FixCode code, String field, String message, FixSample sample) {
    }

    FixLog() {
        this(true);
    }

    private FixLog(boolean keeping) {
        this.keeping = keeping;
    }

    /** A log that forgets the rows it is told: for a pass whose fixes another pass reports. */
    static FixLog discarding() {
        return new FixLog(false);
    }

    /** @param message French sentence, kept from the first call for this (code, field) */
    void applied(FixCode code, String field, String message, FixSample sample) {
        if (!keeping) {
            return;
        }
        if (holding) {
            pending.add(new Pending(code, field, message, sample));
            return;
        }
        applied.computeIfAbsent(new Key(code, field), key -> new Entry(message)).add(sample);
    }

    /** Holds the fixes told from now on until {@link #keepRow} or {@link #dropRow}. */
    void holdRow() {
        holding = true;
    }

    /** Reports the fixes held since {@link #holdRow}. */
    void keepRow() {
        holding = false;
        pending.forEach(fix -> applied(fix.code(), fix.field(), fix.message(), fix.sample()));
        pending.clear();
    }

    /** Forgets the fixes held since {@link #holdRow}: their row is not in the fixed file. */
    void dropRow() {
        holding = false;
        pending.clear();
    }

    /** One more row or cell for the suggestion (code, field); {@code message} is kept from the first call. */
    void suggested(FixCode code, String field, String message, FixSample sample) {
        if (!keeping) {
            return;
        }
        suggested.computeIfAbsent(new Key(code, field), key -> new Entry(message)).add(sample);
    }

    /** A suggestion about a whole column, decided between the passes. */
    void suggested(FixCode code, String field, String message, long count, List<FixSample> samples) {
        Entry entry = suggested.computeIfAbsent(new Key(code, field), key -> new Entry(message));
        samples.forEach(entry::add);
        entry.count += count - samples.size();
    }

    public List<AppliedFix> fixes() {
        List<AppliedFix> fixes = new ArrayList<>();
        applied.forEach((key, entry) -> fixes.add(new AppliedFix(key.code().code(), key.field(), entry.count,
                entry.samples, entry.message)));
        return fixes;
    }

    public List<FixSuggestion> suggestions() {
        List<FixSuggestion> suggestions = new ArrayList<>();
        suggested.forEach((key, entry) -> suggestions.add(new FixSuggestion(key.code().code(), key.field(), entry.count,
                entry.message, entry.samples)));
        return suggestions;
    }

    /** Cells, rows and columns changed. */
    public long total() {
        return applied.values().stream().mapToLong(entry -> entry.count).sum();
    }

    /**
     * French sentences for the report's summary, e.g. "1 204 corrections automatiques : dates au format ISO (1 000),
     * nombres (204)."; empty when nothing was fixed nor suggested.
     */
    public String summary() {
        StringBuilder summary = new StringBuilder();
        long total = total();
        if (total > 0) {
            Map<FixCode, Long> byCode = new LinkedHashMap<>();
            applied.forEach((key, entry) -> byCode.merge(key.code(), entry.count, Long::sum));
            summary.append(count(total, "correction automatique", "corrections automatiques")).append(" : ")
                    .append(byCode.entrySet().stream()
                            .map(e -> e.getKey().label() + " (" + number(e.getValue()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append(".");
        }
        if (!suggested.isEmpty()) {
            if (summary.length() > 0) {
                summary.append(" ");
            }
            summary.append(count(suggested.size(), "suggestion n'a pas été appliquée", "suggestions n'ont pas été appliquées"))
                    .append(" car elle").append(suggested.size() >= 2 ? "s demandent" : " demande")
                    .append(" votre avis : ")
                    .append(suggested.keySet().stream().map(key -> key.code().label()
                            + (key.field() == null ? "" : " (« " + key.field() + " »)")).distinct()
                            .collect(Collectors.joining(", ")))
                    .append(".");
        }
        return summary.toString();
    }

    private static String count(long n, String singular, String plural) {
        return number(n) + " " + (n >= 2 ? plural : singular);
    }

    private static String number(long n) {
        return String.format(Locale.FRANCE, "%,d", n);
    }

}
