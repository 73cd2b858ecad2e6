package fr.passerelle.quality.engine.mapping;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column label reduced to what a clerk means: case, accents, spaces, underscores, dashes,
 * apostrophes and punctuation ignored, so « Code INSEE », "code_insee" and "CODE-INSÉE" are one key.
 */
public final class LooseKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LooseKey() {
    }

    /** The loose key of {@code label}: lower-case letters and digits only; empty for a label of punctuation. */
    public static String of(String label) {
        // NFD splits é into e + accent; œ and æ have no decomposition, so they are spelt out.
        String decomposed = Normalizer.normalize(label, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return NOT_LETTER_OR_DIGIT.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
    }
}
