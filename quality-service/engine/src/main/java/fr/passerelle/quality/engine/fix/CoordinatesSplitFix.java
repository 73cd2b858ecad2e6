package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.custom.FrenchTerritory;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column holding both coordinates ("48.8566, 2.3522") when the schema wants a latitude and a
 * longitude field, both missing from the file: the column is replaced by the two fields. Which
 * number is the latitude is read from France's position over the whole column: applied only when
 * one order puts every point in France and the other does not.
 *
 * <p>Keeps counters per column of the header (a few dozen), never the values.
 */
final class CoordinatesSplitFix {

    private static final String NUM = "([+-]?\\d+(?:[.,]\\d+)?)";
    private static final Pattern PAIR = Pattern.compile("[\\[(]?\\s*" + NUM + "\\s*(?:[,;]|\\s)\\s*" + NUM + "\\s*[\\])]?");

    private final PointCells.TwoFields fields;
    private final int[] candidates;
    private final long[] filled;
    private final long[] pairs;
    private final long[] latFirstInFrance;
    private final long[] lonFirstInFrance;
    private final Samples[] samples;
    private int column = -1;
    private boolean latFirst;
    private String label;

    /** @param candidates the header's columns mapped to no schema field */
    CoordinatesSplitFix(PointCells.TwoFields fields, int[] candidates) {
        this.fields = fields;
        this.candidates = candidates.clone();
        this.filled = new long[candidates.length];
        this.pairs = new long[candidates.length];
        this.latFirstInFrance = new long[candidates.length];
        this.lonFirstInFrance = new long[candidates.length];
        this.samples = new Samples[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            samples[i] = new Samples();
        }
    }

    void observe(long row, List<String> cells) {
        for (int i = 0; i < candidates.length; i++) {
            int c = candidates[i];
            if (c >= cells.size() || cells.get(c).isEmpty()) {
                continue;
            }
            filled[i]++;
            Optional<double[]> pair = pair(cells.get(c));
            if (pair.isEmpty()) {
                continue;
            }
            pairs[i]++;
            samples[i].add(row, cells.get(c), "");
            double a = pair.get()[0];
            double b = pair.get()[1];
            if (FrenchTerritory.contains(b, a)) {
                latFirstInFrance[i]++;
            }
            if (FrenchTerritory.contains(a, b)) {
                lonFirstInFrance[i]++;
            }
        }
    }

    /**
     * @param header the header as read, to name the column in the report
     * @param log    told when a column holds pairs whose order cannot be told
     */
    boolean decide(List<String> header, FixLog log) {
        for (int i = 0; i < candidates.length; i++) {
            if (filled[i] == 0 || pairs[i] != filled[i]) {
                continue;
            }
            boolean latFirstFits = latFirstInFrance[i] == pairs[i];
            boolean lonFirstFits = lonFirstInFrance[i] == pairs[i];
            label = candidates[i] < header.size() ? header.get(candidates[i]) : "";
            if (latFirstFits != lonFirstFits) {
                column = candidates[i];
                latFirst = latFirstFits;
                return true;
            }
            log.suggested(code(), fields.label(), "La colonne « " + label + " » semble contenir les deux coordonnées, "
                    + "mais l'ordre latitude/longitude ne peut pas être déduit : elle n'a pas été séparée. Créez les "
                    + "colonnes « " + fields.lon().name() + " » et « " + fields.lat().name() + " ».", pairs[i],
                    samples[i].list());
            return false;
        }
        return false;
    }

    FixCode code() {
        return FixCode.COORDINATES_SPLIT;
    }

    /** The column to split, in the header as read. */
    int column() {
        return column;
    }

    /** Replaces the column's label by the two fields' names. */
    void fixHeader(List<String> header, int at) {
        if (at < header.size()) {
            header.set(at, latFirst ? fields.lat().name() : fields.lon().name());
            header.add(at + 1, latFirst ? fields.lon().name() : fields.lat().name());
        }
    }

    /** Replaces the row's cell by two, the first as the header now says. */
    void fix(long row, List<String> cells, int at, FixLog log) {
        if (at >= cells.size()) {
            return;
        }
        String text = cells.get(at);
        Optional<double[]> pair = pair(text);
        String first = pair.map(p -> PointCells.degrees(p[0])).orElse(text);
        String second = pair.map(p -> PointCells.degrees(p[1])).orElse("");
        cells.set(at, first);
        cells.add(at + 1, second);
        if (pair.isPresent()) {
            String lat = latFirst ? first : second;
            String lon = latFirst ? second : first;
            log.applied(code(), label, "La colonne « " + label + " » a été séparée en « " + fields.lat().name() + " » et « "
                    + fields.lon().name() + " », la " + (latFirst ? "latitude" : "longitude") + " venant en premier.",
                    new FixSample(row, text, fields.lat().name() + " = " + lat + " ; " + fields.lon().name() + " = " + lon));
        }
    }

    private static Optional<double[]> pair(String text) {
        Matcher matcher = PAIR.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String a = matcher.group(1);
        String b = matcher.group(2);
        // "48,85, 2,35" cannot be told apart from two pairs of integers: decimal commas only with another separator.
        if ((a.contains(",") || b.contains(",")) && text.replaceAll("\\d,\\d", "").contains(",")) {
            return Optional.empty();
        }
        return Optional.of(new double[] {Double.parseDouble(a.replace(',', '.')), Double.parseDouble(b.replace(',', '.'))});
    }
}
