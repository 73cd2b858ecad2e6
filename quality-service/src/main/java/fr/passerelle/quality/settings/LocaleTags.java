package fr.passerelle.quality.settings;

import fr.passerelle.platform.web.ApiException;
import java.util.Locale;
import java.util.Set;

/** The locales staff may give an organisation or a dataset: BCP 47 tags Java knows. */
final class LocaleTags {

    private static final Set<Locale> KNOWN = Set.of(Locale.getAvailableLocales());

    private LocaleTags() {
    }

    /**
     * A locale Java knows, written back in its canonical form (fr-fr → fr-FR); null when none is given.
     *
     * @throws ApiException 400 {@code invalid-locale}, in French, for a tag Java does not know
     */
    static String canonical(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(requested.strip());
        if (locale.getLanguage().isEmpty() || !KNOWN.contains(locale)) {
            throw ApiException.badRequest("invalid-locale", "La langue « " + requested + " » est inconnue.",
                    "Indiquez une langue et un pays, par exemple fr-FR (jour/mois, virgule décimale) ou en-US.");
        }
        return locale.toLanguageTag();
    }
}
