package fr.passerelle.quality.engine.privacy;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds French phone numbers in a cell, in the ways people write them: {@code 06 12 34 56 78},
 * {@code 06.12.34.56.78}, {@code 0612345678}, {@code +33 6 12 34 56 78}, {@code +33 (0)6 12 34 56 78},
 * {@code 0033612345678}. Mobile numbers (06, 07) are a person's far more often than a switchboard is:
 * only they count as personal data.
 */
final class FrenchPhoneNumbers {

    /** A number found: its ten national digits ({@code 0612345678}) and where it sits in the cell. */
    record Found(String nationalDigits, int start, int end) {

        /** 06 and 07: mobile lines. 01-05 and 09 are fixed lines, 08 special services. */
        boolean mobile() {
            return nationalDigits.charAt(1) == '6' || nationalDigits.charAt(1) == '7';
        }
    }

    // Not glued to other digits, nor the tail of a decimal ("48.0612345678"), nor followed by more digits.
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d+.,])(?:(?:\\+|00)33[\\s\\u00A0\\u202F.-]?(?:\\(0\\)[\\s\\u00A0\\u202F.-]?)?|0)([1-9])"
                    + "((?:[\\s\\u00A0\\u202F.-]?\\d{2}){4})(?!\\d|[.,]\\d)");

    /** Fewer digits than this cannot hold a phone number: the regular expression is not even tried. */
    static final int MIN_DIGITS = 9;

    private FrenchPhoneNumbers() {
    }

    static void find(String cell, Consumer<Found> found) {
        if (!mayHoldANumber(cell)) {
            return;
        }
        int n = cell.length();
        char[] digits = new char[10];
        for (int start = 0; start < n; ) {
            int end = match(cell, start, digits);
            if (end < 0) {
                start++;
                continue;
            }
            found.accept(new Found(new String(digits), start, end));
            start = end;
        }
    }

    /** {@link #find} with the regular expression {@link #NUMBER} itself: what {@link #match} must agree with. */
    static void findByPattern(String cell, Consumer<Found> found) {
        Matcher matcher = NUMBER.matcher(cell);
        while (matcher.find()) {
            String digits = "0" + matcher.group(1) + matcher.group(2).replaceAll("\\D", "");
            found.accept(new Found(digits, matcher.start(), matcher.end()));
        }
    }

    /**
     * {@link #NUMBER} at {@code start}, by hand (the expression is a tenth of a check's time on a large file): each of
     * its optional parts can be told by one character (a separator, "(", a digit), so it never needs to backtrack.
     *
     * @param digits receives the ten national digits when it matches
     * @return the end of the number, or -1
     */
    private static int match(String cell, int start, char[] digits) {
        int n = cell.length();
        if (start > 0) {
            char before = cell.charAt(start - 1);
            if (isDigit(before) || before == '+' || before == '.' || before == ',') {
                return -1;
            }
        }
        int i = start;
        char c = cell.charAt(i);
        if (c == '+' || c == '0' && i + 1 < n && cell.charAt(i + 1) == '0') {
            // (?:\+|00)33 then a separator, "(0)" and a separator, each optional.
            i += c == '+' ? 1 : 2;
            if (!(i + 1 < n && cell.charAt(i) == '3' && cell.charAt(i + 1) == '3')) {
                return -1;
            }
            i += 2;
            if (i < n && isSeparator(cell.charAt(i))) {
                i++;
            }
            if (i + 2 < n && cell.charAt(i) == '(' && cell.charAt(i + 1) == '0' && cell.charAt(i + 2) == ')') {
                i += 3;
                if (i < n && isSeparator(cell.charAt(i))) {
                    i++;
                }
            }
        } else if (c == '0') {
            i++;
        } else {
            return -1;
        }
        if (i >= n || cell.charAt(i) < '1' || cell.charAt(i) > '9') {
            return -1;
        }
        digits[0] = '0';
        digits[1] = cell.charAt(i++);
        for (int pair = 0; pair < 4; pair++) {
            if (i < n && isSeparator(cell.charAt(i))) {
                i++;
            }
            if (!(i + 1 < n && isDigit(cell.charAt(i)) && isDigit(cell.charAt(i + 1)))) {
                return -1;
            }
            digits[2 + 2 * pair] = cell.charAt(i);
            digits[3 + 2 * pair] = cell.charAt(i + 1);
            i += 2;
        }
        // Not followed by a digit, nor by a decimal's tail.
        if (i < n && (isDigit(cell.charAt(i))
                || (cell.charAt(i) == '.' || cell.charAt(i) == ',') && i + 1 < n && isDigit(cell.charAt(i + 1)))) {
            return -1;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [\\s\\u00A0\\u202F.-]}: Java's {@code \\s} is the six ASCII white spaces. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u202F'
                || c == '.' || c == '-';
    }

    /**
     * A cheap test before the regular expression: a number starts with "+3", "0033" or a "0" followed
     * by a digit other than 0, not glued to a digit before it. Most numeric cells
     * (coordinates, SIRET, amounts) have no such start and skip the regular expression.
     */
    private static boolean mayHoldANumber(String cell) {
        for (int i = 0; i + 1 < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '+' && cell.charAt(i + 1) == '3') {
                return true;
            }
            if (c == '0' && (i == 0 || !Character.isDigit(cell.charAt(i - 1)))) {
                char next = cell.charAt(i + 1);
                if (next >= '1' && next <= '9' || cell.startsWith("0033", i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "06 •• •• •• 78": the operator prefix and the last two digits, enough to recognise a number one knows. */
    static String mask(String nationalDigits) {
        return nationalDigits.substring(0, 2) + " •• •• •• " + nationalDigits.substring(8);
    }
}
