package fr.passerelle.quality.engine.read;

/** Trimming rules for cell text, shared by the reader and the header check. */
public final class CellText {

    private CellText() {
    }

    /**
     * Strips leading and trailing white space, including the no-break spaces (U+00A0, U+202F,
     * U+2007) that French spreadsheets put around numbers and that {@link String#strip()} keeps.
     */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * {@link #trim} after dropping NUL characters: a NUL in a published CSV truncates it in many
     * tools, and no table means one. {@code EncodingDetector} reports the file that had them.
     */
    public static String trimWithoutNul(String text) {
        return trim(text.indexOf('\0') < 0 ? text : text.replace("\0", ""));
    }

    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            // Printable ASCII, most characters: neither test holds for any of them.
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
