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
        Matcher matcher = NUMBER.matcher(cell);
        while (matcher.find()) {
            String digits = "0" + matcher.group(1) + matcher.group(2).replaceAll("\\D", "");
            found.accept(new Found(digits, matcher.start(), matcher.end()));
        }
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
