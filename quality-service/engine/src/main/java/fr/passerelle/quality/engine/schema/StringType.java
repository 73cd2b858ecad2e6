package fr.passerelle.quality.engine.schema;

import java.util.Optional;
import java.util.regex.Pattern;

/** Text; the {@code email} and {@code uri} formats get a light syntax check. */
final class StringType implements FieldType {

    // Deliberately loose: catches "mairie.fr" or "jean dupont@x", not every RFC 5322 corner.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    // A scheme then something: the national validator rejects "www.ville.fr" the same way.
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    private final Format format;

    StringType(String format) {
        this.format = switch (format) {
            case "email" -> Format.EMAIL;
            case "uri" -> Format.URI;
            // TODO formats binary and uuid: accepted as-is for now.
            default -> Format.ANY;
        };
    }

    @Override
    public String name() {
        return "string";
    }

    @Override
    public Optional<Object> cast(String text) {
        boolean conforms = switch (format) {
            case EMAIL -> EMAIL.matcher(text).matches();
            case URI -> URI.matcher(text).matches();
            case ANY -> true;
        };
        return conforms ? Optional.of(text) : Optional.empty();
    }

    @Override
    public String expected() {
        return switch (format) {
            case EMAIL -> "une adresse électronique valide";
            case URI -> "une adresse web complète";
            case ANY -> "un texte";
        };
    }

    @Override
    public String hint() {
        return switch (format) {
            case EMAIL -> "Saisissez une adresse électronique complète, par exemple mairie@exemple.fr.";
            case URI -> "Saisissez l'adresse complète, en commençant par https://, par exemple https://www.exemple.fr/page.";
            case ANY -> "Saisissez un texte.";
        };
    }

    private enum Format { ANY, EMAIL, URI }
}
