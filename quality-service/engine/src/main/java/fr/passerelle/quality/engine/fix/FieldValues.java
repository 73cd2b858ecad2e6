package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ValueConstraint;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the fixes ask of a field: whether a text passes its type and constraints (the schema, not
 * the fix, has the last word on every corrected value), and foldings shared by the fixes.
 */
final class FieldValues {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private FieldValues() {
    }

    /** The text casts to the field's type and meets its constraints; never throws. */
    static boolean accepts(Field field, String text) {
        try {
            Optional<Object> typed = field.type().cast(text);
            if (typed.isEmpty()) {
                return false;
            }
            for (ValueConstraint constraint : field.constraints()) {
                if (!constraint.accepts(typed.get())) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Lower case, accents removed, runs of spaces, underscores and dashes as one space: "Abonnés" → "abonnes". */
    static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return foldByPatterns(text);
            }
        }
        // Latin-1 text, nearly all of it: each character folded on its own (see LATIN_1_FOLDED), runs of separators
        // as one space, ends trimmed as String.trim does.
        StringBuilder folded = new StringBuilder(text.length());
        boolean inSeparators = false;
        for (int i = 0; i < text.length(); i++) {
            String piece = LATIN_1_FOLDED[text.charAt(i)];
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (isFoldSeparator(c)) {
                    if (!inSeparators) {
                        folded.append(' ');
                    }
                    inSeparators = true;
                } else {
                    folded.append(c);
                    inSeparators = false;
                }
            }
        }
        return folded.toString().trim();
    }

    /** {@link #fold} as it was written first, for any text: what the Latin-1 way must agree with. */
    static String foldByPatterns(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u202F_-]+", " ").trim();
    }

    /**
     * Each Latin-1 character decomposed (NFD), its marks dropped, in lower case. Folding a Latin-1 text character by
     * character gives what folding it whole gives: no character of it is a combining mark, so NFD never reorders
     * marks across two of them, and lower case has no context in Latin-1.
     */
    private static final String[] LATIN_1_FOLDED = new String[0x100];

    static {
        for (char c = 0; c < 0x100; c++) {
            LATIN_1_FOLDED[c] = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("")
                    .toLowerCase(Locale.ROOT);
        }
    }

    /** {@code [\\s\\u00A0\\u202F_-]}: Java's {@code \\s} is the six ASCII white spaces. */
    private static boolean isFoldSeparator(char c) {
        return isAsciiSpace(c) || c == '\u00A0' || c == '\u202F' || c == '_' || c == '-';
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Runs of spaces (no-break ones, tabs and line breaks included) as one space, ends trimmed. */
    static String collapseSpaces(String text) {
        // Nearly every cell has no space but single ASCII ones: nothing to collapse, only String.trim's ends.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                // Printable ASCII, most characters: no space.
                continue;
            }
            if (isSpace(c) && (c != ' ' || i + 1 < text.length() && isSpace(text.charAt(i + 1)))) {
                return collapseSpacesByPattern(text);
            }
        }
        return text.trim();
    }

    /** {@link #collapseSpaces} as it was written first: what the quick way must agree with. */
    static String collapseSpacesByPattern(String text) {
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** {@code [\\s\\u00A0\\u2007\\u202F]}. */
    private static boolean isSpace(char c) {
        return isAsciiSpace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** The field's name folded, for telling what a field holds (a SIRET, a phone number, a latitude). */
    static String nameKey(Field field) {
        return fold(field.name()).replace(' ', '_');
    }
}
