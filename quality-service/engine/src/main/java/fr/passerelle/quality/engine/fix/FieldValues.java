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
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u202F_-]+", " ").trim();
    }

    /** Runs of spaces (no-break ones, tabs and line breaks included) as one space, ends trimmed. */
    static String collapseSpaces(String text) {
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** The field's name folded, for telling what a field holds (a SIRET, a phone number, a latitude). */
    static String nameKey(Field field) {
        return fold(field.name()).replace(' ', '_');
    }
}
