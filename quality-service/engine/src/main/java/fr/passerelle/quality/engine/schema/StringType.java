package fr.passerelle.quality.engine.schema;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Text; the {@code email}, {@code uri}, {@code uuid} and {@code binary} formats get a syntax check. */
final class StringType implements FieldType {

    // Deliberately loose: catches "mairie.fr" or "jean dupont@x", not every RFC 5322 corner.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    // A scheme then something: the national validator rejects "www.ville.fr" the same way.
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{32}");

    private final Format format;

    StringType(String format) {
        this.format = switch (format) {
            case "email" -> Format.EMAIL;
            case "uri" -> Format.URI;
            case "uuid" -> Format.UUID;
            case "binary" -> Format.BINARY;
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
            case EMAIL -> isEmail(text);
            case URI -> URI.matcher(text).matches();
            case UUID -> isUuid(text);
            case BINARY -> isBase64(text);
            case ANY -> true;
        };
        return conforms ? Optional.of(text) : Optional.empty();
    }

    /**
     * What {@link #EMAIL} matches, by hand (it ran on every cell of an e-mail column): one {@code @} with something
     * before it, then a last dot with something between the two and after it, and no white space ({@code \\s}: the
     * six ASCII ones).
     */
    static boolean isEmail(String text) {
        int n = text.length();
        int at = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
        }
        int lastDot = text.lastIndexOf('.');
        return at > 0 && lastDot > at + 1 && lastDot < n - 1;
    }

    /** {@link #isEmail} with the regular expression itself: what it must agree with. */
    static boolean isEmailByPattern(String text) {
        return EMAIL.matcher(text).matches();
    }

    /**
     * The spellings Python's {@code uuid.UUID} reads, as frictionless does: 32 hexadecimal digits,
     * hyphens anywhere, optionally in braces or after {@code urn:uuid:}.
     */
    private static boolean isUuid(String text) {
        String hex = text.replace("urn:", "").replace("uuid:", "");
        if (hex.startsWith("{")) {
            hex = hex.substring(1);
        }
        if (hex.endsWith("}")) {
            hex = hex.substring(0, hex.length() - 1);
        }
        return HEX_32.matcher(hex.replace("-", "")).matches();
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String expected() {
        return switch (format) {
            case EMAIL -> "une adresse électronique valide";
            case URI -> "une adresse web complète";
            case UUID -> "un identifiant UUID";
            case BINARY -> "un contenu encodé en base64";
            case ANY -> "un texte";
        };
    }

    @Override
    public String hint() {
        return switch (format) {
            case EMAIL -> "Saisissez une adresse électronique complète, par exemple mairie@exemple.fr.";
            case URI -> "Saisissez l'adresse complète, en commençant par https://, par exemple https://www.exemple.fr/page.";
            case UUID -> "Saisissez un identifiant UUID de 32 chiffres hexadécimaux (0 à 9, a à f), par exemple "
                    + "3f2504e0-4f89-11d3-9a0c-0305e82c3301.";
            case BINARY -> "Saisissez le contenu encodé en base64 (lettres, chiffres, « + » et « / », complétés par des « = »), "
                    + "par exemple SGVsbG8=.";
            case ANY -> "Saisissez un texte.";
        };
    }

    private enum Format { ANY, EMAIL, URI, UUID, BINARY }
}
