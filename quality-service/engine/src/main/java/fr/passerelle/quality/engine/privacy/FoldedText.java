package fr.passerelle.quality.engine.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text compared the way people read it: lower case, accents dropped, split into words. */
final class FoldedText {

    private FoldedText() {
    }

    /** Lower case without accents: "Hélène" → "helene". ASCII text skips the costly normalisation. */
    static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        String plain = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    /** The folded runs of letters and digits: "Nom de l'agent" → [nom, de, l, agent]. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String folded = fold(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }
}
