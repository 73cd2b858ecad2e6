package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.read.RecentResults;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;
import fr.passerelle.quality.engine.validation.HeaderMatcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The first pass: profiles every column of the file (counters only, see {@link ColumnFix}) and
 * decides which fixes are safe for the whole file.
 */
final class FixPlanner {

    /** The column fixes, in the order they are tried on a cell: the first the field accepts wins. */
    private static List<Function<Field, Optional<ColumnFix>>> columnFixes(TableSchema schema, Locale locale,
                                                                          FixDecisions decisions) {
        return List.of(field -> DateFix.of(field, locale, decisions.dateOrders().get(field.name())), field -> NumberFormatFix.of(field, locale), BooleanWordsFix::of,
                EnumCaseFix::of, field -> CodePaddingFix.of(field, schema), PhoneFormatFix::of, GeoPointSpellingFix::of);
    }

    private FixPlanner() {
    }

    /**
     * Reads {@code source} to its end, or to the first row it cannot read (the second pass reports it).
     *
     * @param log told the suggestions: fixes found ambiguous
     */
    static FixPlan plan(TableSource source, TableSchema schema, ColumnOverrides overrides, Locale locale,
                        FixDecisions decisions, FixLog log) throws IOException {
        // The planner sees the table the fixing pass will fix: with a coordinate pair joined, if there is one.
        source = CoordinatePairJoin.joinColumns(source, schema, overrides, FixLog.discarding());
        try {
            TableRow header = source.next();
            while (header != null && header.isBlank()) {
                header = source.next();
            }
            if (header == null) {
                return FixPlan.nothing(schema, overrides);
            }
            return profile(source, schema, overrides, header, columnFixes(schema, locale, decisions), decisions, log);
        } catch (UnreadableRowException e) {
            return FixPlan.nothing(schema, overrides);
        } catch (RuntimeException e) {
            // A fix tripping on a value it did not foresee must not cost the clerk the validation: no fixes then.
            return FixPlan.nothing(schema, overrides);
        }
    }

    private static FixPlan profile(TableSource source, TableSchema schema, ColumnOverrides overrides, TableRow header,
                                   List<Function<Field, Optional<ColumnFix>>> columnFixes, FixDecisions decisions,
                                   FixLog log) throws IOException {
        List<Field> fields = schema.fields();
        // Errors on the header are the validator's to report, on the second pass.
        ColumnMapping columns = HeaderMatcher.match(header, schema, overrides, error -> { });
        List<List<ColumnFix>> candidates = new ArrayList<>();
        boolean[] mapped = new boolean[header.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            int column = columns.columnOf(i);
            if (column >= 0) {
                mapped[column] = true;
                candidates.add(columnFixes.stream().map(fix -> fix.apply(field)).flatMap(Optional::stream).toList());
            } else {
                candidates.add(List.of());
            }
        }
        Optional<PointCells> point = PointCells.of(schema);
        List<RowFix> rowCandidates = point.isPresent()
                ? List.of(new ReprojectionFix(point.get()), new LatLonSwapFix(point.get())) : List.of();
        CoordinatesSplitFix split = null;
        if (point.isPresent() && point.get() instanceof PointCells.TwoFields two
                && columns.columnOf(two.lonIndex()) < 0 && columns.columnOf(two.latIndex()) < 0) {
            split = new CoordinatesSplitFix(two, IntStream.range(0, header.size()).filter(c -> !mapped[c]).toArray());
        }
        boolean[] filled = new boolean[header.size()];
        // Whether a field accepts a text (FieldValues.accepts, a function of the text alone), by field index, for the
        // texts met lately: columns repeat their values.
        @SuppressWarnings("unchecked")
        RecentResults<Boolean>[] accepted = new RecentResults[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            accepted[i] = new RecentResults<>(text -> FieldValues.accepts(field, text));
        }
        SpreadsheetFurniture furniture = new SpreadsheetFurniture(header.size());
        try {
            for (TableRow row = source.next(); row != null; row = source.next()) {
                if (row.isBlank()) {
                    furniture.blank();
                    continue;
                }
                furniture.observe(row);
                observe(row, accepted, columns, candidates, filled);
                for (RowFix fix : rowCandidates) {
                    fix.observe(row.number(), row.cells(), columns);
                }
                if (split != null) {
                    split.observe(row.number(), row.cells());
                }
            }
        } catch (UnreadableRowException e) {
            // The plan stands on the rows read so far; the second pass stops at the same row and reports it.
        }
        List<List<ColumnFix>> decided = new ArrayList<>();
        for (List<ColumnFix> fixes : candidates) {
            decided.add(fixes.stream().filter(fix -> fix.decide(log)).toList());
        }
        List<RowFix> rowFixes = rowCandidates.stream().filter(fix -> fix.decide(log)).toList();
        if (split != null && !split.decide(header.cells(), log)) {
            split = null;
        }
        boolean[] dropped = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            dropped[c] = !mapped[c] && !filled[c] && !(split != null && split.column() == c);
        }
        // Near-duplicates a person chose to keep are no longer looked for; chosen to drop, they are dropped.
        NearDuplicates nearDuplicates = Boolean.FALSE.equals(decisions.dropNearDuplicates()) ? null
                : NearDuplicates.of(schema, Boolean.TRUE.equals(decisions.dropNearDuplicates())).orElse(null);
        return new FixPlan(schema, decided, rowFixes, dropped, split, nearDuplicates, overrides, furniture.decide());
    }

    private static void observe(TableRow row, RecentResults<Boolean>[] accepts, ColumnMapping columns,
                                List<List<ColumnFix>> candidates, boolean[] filled) {
        for (int c = 0; c < row.size() && c < filled.length; c++) {
            filled[c] |= !row.cell(c).isEmpty();
        }
        for (int i = 0; i < accepts.length; i++) {
            int column = columns.columnOf(i);
            if (column < 0 || candidates.get(i).isEmpty()) {
                continue;
            }
            String text = column < row.size() ? FieldValues.collapseSpaces(row.cell(column)) : "";
            boolean accepted = accepts[i].get(text);
            for (ColumnFix fix : candidates.get(i)) {
                fix.observe(row.number(), text, accepted);
            }
        }
    }
}
