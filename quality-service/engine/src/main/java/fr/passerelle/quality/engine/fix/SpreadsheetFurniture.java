package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a spreadsheet adds under its table and is no data: a totals row (« Total », « TOTAL GÉNÉRAL », or the
 * sums of the numeric columns above it) and notes (« Source : … », « * données provisoires », a sentence after
 * a blank line). Only rows at the very end of the table count: a « Total » between data rows is data, told to
 * the validator as it is. Keeps the running sums of the columns and the trailing rows (a few), never the data.
 */
final class SpreadsheetFurniture {

    /** More trailing rows than this are a table, not furniture. */
    private static final int MAX_TRAILING = 20;
    private static final Pattern TOTAL = Pattern.compile("(sous )?(total|totaux|somme|cumul)( general| generale| des .*)?( :)?");
    private static final Pattern NOTE = Pattern.compile(
            "(source|sources|note|notes|nb|n b|remarque|remarques|mise a jour|mis a jour|donnees|edite|extrait|fait le|\\*|\\(\\d+\\)|\\d+\\)).*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");
    /**
     * Cut from a label's folded text (a row whose first cell starts with T, S or C is folded): compiled once, where
     * String.replaceAll compiled it again for each such row.
     */
    private static final Pattern NOT_LABEL = Pattern.compile("[^a-z0-9*()]+");

    enum Kind {
        TOTAL("ligne de total"), NOTE("note sous le tableau");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private record Trailing(long row, Kind kind) {
    }

    private final double[] sums;
    private final boolean[] summable;
    private long dataRows;
    private boolean blankBefore;
    private final List<Trailing> trailing = new ArrayList<>();

    SpreadsheetFurniture(int width) {
        this.sums = new double[width];
        this.summable = new boolean[width];
        java.util.Arrays.fill(summable, true);
    }

    void blank() {
        blankBefore = true;
    }

    void observe(TableRow row) {
        Optional<Kind> kind = classify(row.cells());
        if (kind.isPresent() && (trailing.size() < MAX_TRAILING)) {
            trailing.add(new Trailing(row.number(), kind.get()));
        } else {
            // A data row after candidates: they were data too (a « Total » line inside the table, a lone cell).
            trailing.clear();
            add(row.cells());
        }
        blankBefore = false;
    }

    /** Row number → what it is, for the rows that end the table and are no data. */
    Map<Long, Kind> decide() {
        Map<Long, Kind> furniture = new LinkedHashMap<>();
        trailing.forEach(row -> furniture.put(row.row(), row.kind()));
        return furniture;
    }

    private Optional<Kind> classify(List<String> cells) {
        // Called on every row of the first pass: the common case (a data row with several filled cells, the first
        // not « Total… ») costs a scan of the cells and no folding.
        int filledCount = 0;
        String firstFilled = null;
        for (String cell : cells) {
            if (!cell.isBlank()) {
                firstFilled = firstFilled == null ? cell : firstFilled;
                filledCount++;
            }
        }
        if (filledCount == 0) {
            return Optional.empty();
        }
        String raw = firstFilled.strip();
        boolean maybeLabel = raw.length() <= 40 && "TtSsCc".indexOf(raw.charAt(0)) >= 0;
        if (!maybeLabel && filledCount > 1) {
            // Unlabelled sums leave the first column (an id, a name) empty; a row of numbers that happens to add up
            // does not.
            return cells.get(0).isBlank() && sumsAbove(cells) ? Optional.of(Kind.TOTAL) : Optional.empty();
        }
        List<String> filled = cells.stream().filter(cell -> !cell.isBlank()).toList();
        String first = NOT_LABEL.matcher(FieldValues.fold(raw)).replaceAll(" ").strip();
        // « Total » followed by numbers or nothing: a data row whose first cell happens to read « Total » (an
        // operator's name) has text beside it.
        if (TOTAL.matcher(first).matches()
                && filled.subList(1, filled.size()).stream().allMatch(cell -> number(cell.strip()).isPresent())) {
            return Optional.of(Kind.TOTAL);
        }
        if (cells.get(0).isBlank() && sumsAbove(cells)) {
            return Optional.of(Kind.TOTAL);
        }
        boolean sentence = raw.contains(" ") && raw.length() >= 15;
        if (filled.size() == 1 && (NOTE.matcher(first).matches() || (blankBefore || !trailing.isEmpty()) && sentence)) {
            return Optional.of(Kind.NOTE);
        }
        return Optional.empty();
    }

    /** Every filled cell a number equal to the sum of its column above, at least one of them not zero. */
    private boolean sumsAbove(List<String> cells) {
        if (dataRows < 2) {
            return false;
        }
        boolean someSum = false;
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c).strip();
            if (text.isEmpty()) {
                continue;
            }
            Optional<Double> value = number(text);
            if (value.isEmpty() || c >= sums.length || !summable[c]
                    || Math.abs(value.get() - sums[c]) > 1e-6 * Math.max(1, Math.abs(sums[c]))) {
                return false;
            }
            someSum |= sums[c] != 0;
        }
        return someSum;
    }

    private void add(List<String> cells) {
        dataRows++;
        for (int c = 0; c < cells.size() && c < sums.length; c++) {
            String text = cells.get(c).strip();
            if (text.isEmpty() || !summable[c]) {
                continue;
            }
            Optional<Double> value = number(text);
            if (value.isPresent()) {
                sums[c] += value.get();
            } else {
                summable[c] = false;
            }
        }
    }

    /**
     * {@link #NUMBER} once the spaces ({@code [\\s\\u00A0\\u202F]}) are dropped, by hand: it runs on every cell of every
     * row of the first pass (and String.replaceAll compiled its expression each time).
     */
    static Optional<Double> number(String text) {
        CharSequence bare = text;
        for (int i = 0; i < text.length(); i++) {
            if (isNumberSpace(text.charAt(i))) {
                bare = withoutSpaces(text);
                break;
            }
        }
        int i = 0;
        int n = bare.length();
        boolean negative = false;
        if (i < n && (bare.charAt(i) == '+' || bare.charAt(i) == '-')) {
            negative = bare.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        while (i < n && bare.charAt(i) >= '0' && bare.charAt(i) <= '9') {
            mantissa = 10 * mantissa + (bare.charAt(i) - '0');
            digits++;
            i++;
        }
        if (digits == 0) {
            return Optional.empty();
        }
        int decimals = 0;
        if (i < n && (bare.charAt(i) == '.' || bare.charAt(i) == ',')) {
            i++;
            while (i < n && bare.charAt(i) >= '0' && bare.charAt(i) <= '9') {
                mantissa = 10 * mantissa + (bare.charAt(i) - '0');
                decimals++;
                i++;
            }
            if (decimals == 0) {
                return Optional.empty();
            }
        }
        if (i != n) {
            return Optional.empty();
        }
        if (digits + decimals <= EXACT_DIGITS) {
            // Both the digits and the power of ten are exact doubles and IEEE division rounds once, correctly: the
            // value Double.parseDouble gives (Clinger's fast path), without its parsing.
            double value = mantissa / POWERS_OF_TEN[decimals];
            return Optional.of(negative ? -value : value);
        }
        return Optional.of(Double.parseDouble(bare.toString().replace(',', '.')));
    }

    /** Digits a long holds below 2^53, where every integer is an exact double. */
    private static final int EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[EXACT_DIGITS + 1];

    static {
        double power = 1;
        for (int k = 0; k <= EXACT_DIGITS; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private static boolean isNumberSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u202F';
    }

    private static String withoutSpaces(String text) {
        StringBuilder bare = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isNumberSpace(c)) {
                bare.append(c);
            }
        }
        return bare.toString();
    }

    /** {@link #number} as it was written first: what the hand-written way must agree with. */
    static Optional<Double> numberByPattern(String text) {
        String bare = text.replaceAll("[\\s\\u00A0\\u202F]", "");
        return NUMBER.matcher(bare).matches() ? Optional.of(Double.parseDouble(bare.replace(',', '.'))) : Optional.empty();
    }
}
