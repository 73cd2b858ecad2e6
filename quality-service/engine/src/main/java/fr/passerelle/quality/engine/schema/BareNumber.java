package fr.passerelle.quality.engine.schema;

/**
 * {@code bareNumber: false} lets a number carry text around it, such as "12 €", "95 %" or "€ 1.5":
 * what spreadsheets export when a cell has a currency or percent format.
 */
final class BareNumber {

    private BareNumber() {
    }

    /**
     * Drops leading characters up to the first digit, sign or {@code decimalChar}, and trailing
     * characters after the last digit. Unlike frictionless 4, the minus sign is kept: "-12 €" is -12.
     */
    static String strip(String text, String decimalChar) {
        int start = 0;
        int end = text.length();
        while (start < end && !startsNumber(text.charAt(start), decimalChar)) {
            start++;
        }
        while (end > start && !isDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean startsNumber(char c, String decimalChar) {
        return isDigit(c) || c == '-' || c == '+' || decimalChar.indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
