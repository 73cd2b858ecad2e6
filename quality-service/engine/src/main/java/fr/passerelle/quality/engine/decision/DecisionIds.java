package fr.passerelle.quality.engine.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Decision ids: the kind's code, a dot, then the column (or field) written as a slug, e.g.
 * {@code donnees-personnelles.courriel-du-contact}; the kind alone for a question about the whole file. The same
 * question on the dataset's next file has the same id; ids are safe in a URL path.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    public static String of(DecisionKind kind, String subject) {
        if (subject == null) {
            return kind.code();
        }
        return kind.code() + "." + slug(subject);
    }

    /** Lower case ASCII letters and digits joined by dashes; a label with none gets a short digest instead. */
    static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (!folded.isEmpty()) {
            return folded.length() <= 60 ? folded : folded.substring(0, 60).replaceAll("-$", "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "c" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
