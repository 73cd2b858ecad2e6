package fr.passerelle.platform.web;

import java.util.regex.Pattern;

/** Organisation and dataset identifiers as they appear in paths and object keys. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private Slugs() {
    }

    /** @throws ApiException (400) when the value is not a slug */
    public static String require(String value, String what) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw ApiException.badRequest("invalid-slug",
                    "L'identifiant de " + what + " « " + abbreviate(value) + " » n'est pas valide.",
                    "Utilisez uniquement des lettres minuscules sans accent, des chiffres et des tirets"
                            + " (64 caractères au plus), par exemple « ville-de-grenoble ».");
        }
        return value;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
