package fr.passerelle.quality.engine.fix;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Folds a name or an address so that two spellings of the same place meet: case, accents and
 * punctuation ignored, the usual abbreviations of French street types spelled out
 * ("12 av. J. Jaurès" and "12 AVENUE J JAURES" both give "12 avenue j jaures").
 */
final class AddressFolding {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("av", "avenue"), Map.entry("ave", "avenue"), Map.entry("bd", "boulevard"),
            Map.entry("bld", "boulevard"), Map.entry("bvd", "boulevard"), Map.entry("r", "rue"),
            Map.entry("pl", "place"), Map.entry("st", "saint"), Map.entry("ste", "sainte"), Map.entry("ch", "chemin"),
            Map.entry("chem", "chemin"), Map.entry("imp", "impasse"), Map.entry("all", "allee"),
            Map.entry("rte", "route"), Map.entry("fg", "faubourg"), Map.entry("fbg", "faubourg"),
            Map.entry("sq", "square"), Map.entry("crs", "cours"), Map.entry("prom", "promenade"),
            Map.entry("res", "residence"), Map.entry("lot", "lotissement"), Map.entry("qu", "quai"));

    private AddressFolding() {
    }

    static String fold(String text) {
        // The words are the runs of letters and numbers (\\p{L}, \\p{N}: by code point, as the expression read them).
        String plain = FieldValues.fold(text);
        StringJoiner folded = new StringJoiner(" ");
        int start = -1;
        for (int i = 0; i <= plain.length(); ) {
            int codePoint = i < plain.length() ? plain.codePointAt(i) : ' ';
            boolean inWord = i < plain.length() && isLetterOrNumber(codePoint);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = plain.substring(start, i);
                folded.add(ABBREVIATIONS.getOrDefault(word, word));
                start = -1;
            }
            i += i < plain.length() ? Character.charCount(codePoint) : 1;
        }
        return folded.toString();
    }

    private static boolean isLetterOrNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@link #fold} as it was written first: what the word scan must agree with. */
    static String foldByPatterns(String text) {
        String plain = FieldValues.foldByPatterns(text).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        StringJoiner folded = new StringJoiner(" ");
        for (String word : plain.split(" ")) {
            if (!word.isEmpty()) {
                folded.add(ABBREVIATIONS.getOrDefault(word, word));
            }
        }
        return folded.toString();
    }
}
