package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.schema.TableSchema;

import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import java.io.IOException;
import java.util.Locale;
import java.util.List;

/**
 * The safe automatic fixes of one file, in two passes over its rows:
 *
 * <pre>{@code
 * AutomaticFixes fixes;
 * try (TableSource first = open()) {
 *     fixes = AutomaticFixes.plan(first, schema, overrides, locale);   // profiles the columns, decides
 * }
 * try (TableSource fixed = fixes.apply(open())) {  // the rows with the fixes applied
 *     validator.validate(fixed, …);
 * }
 * fixes.fixes(); fixes.suggestions(); fixes.summary();
 * }</pre>
 *
 * Every fix is reported (count, first examples before → after); a fix whose reading is ambiguous
 * for the column is not applied but suggested. Memory stays bounded: the first pass keeps counters,
 * the second a fingerprint per row to drop repeated rows. Not thread-safe: one per run.
 */
public final class AutomaticFixes {

    private final FixPlan plan;
    private final FixLog log;

    private AutomaticFixes(FixPlan plan, FixLog log) {
        this.plan = plan;
        this.log = log;
    }

    /**
     * The first pass: reads {@code source} to its end (or to its first unreadable row) and decides the fixes.
     *
     * @param overrides the columns staff mapped by hand, fixed like those recognised on their own
     * @param locale    the conventions the file was written under: they settle what its values leave open
     * @throws IOException when reading fails
     */
    public static AutomaticFixes plan(TableSource source, TableSchema schema, ColumnOverrides overrides, Locale locale)
            throws IOException {
        return plan(source, schema, overrides, locale, FixDecisions.NONE);
    }

    /**
     * As {@link #plan(TableSource, TableSchema, ColumnOverrides, Locale)}, with what a person decided about the
     * readings the values leave open (date order, near-duplicate rows).
     */
    public static AutomaticFixes plan(TableSource source, TableSchema schema, ColumnOverrides overrides, Locale locale,
                                      FixDecisions decisions) throws IOException {
        FixLog log = new FixLog();
        return new AutomaticFixes(FixPlanner.plan(source, schema, overrides, locale, decisions, log), log);
    }

    /** The second pass: {@code source}'s rows fixed, each fix reported here. Closing it closes {@code source}. */
    public TableSource apply(TableSource source) {
        return new FixingSource(CoordinatePairJoin.joinColumns(source, plan.schema(), plan.overrides(), log), plan, log);
    }

    /** The same rows as {@link #apply}, reported nowhere: for another pass over the file (e.g. collecting keys). */
    public TableSource applyUnreported(TableSource source) {
        FixLog nowhere = FixLog.discarding();
        return new FixingSource(CoordinatePairJoin.joinColumns(source, plan.schema(), plan.overrides(), nowhere), plan, nowhere);
    }

    public List<AppliedFix> fixes() {
        return log.fixes();
    }

    public List<FixSuggestion> suggestions() {
        return log.suggestions();
    }

    /** French sentences for the report's summary; empty when nothing was fixed nor suggested. */
    public String summary() {
        return log.summary();
    }
}
