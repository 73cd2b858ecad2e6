package fr.passerelle.staff.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address an administrator types for a new webhook. The app checks only that it is a web address; whether it
 * may be called (HTTPS, no private address) is notification-service's decision, shown beside the field.
 */
public record WebhookForm(String url, String error) {

    static final int MAX_LENGTH = 2000;
    static final String EXPECTED = "Indiquez une adresse qui commence par https://, par exemple"
            + " https://sig.ville.fr/passerelle/evenements.";

    static WebhookForm empty() {
        return new WebhookForm("", null);
    }

    static WebhookForm of(String typed) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty()) {
            return new WebhookForm(url, "Saisissez l'adresse à laquelle Passerelle enverra les événements. " + EXPECTED);
        }
        if (url.length() > MAX_LENGTH) {
            return new WebhookForm(url, "Cette adresse est trop longue (" + MAX_LENGTH + " caractères au plus).");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return new WebhookForm(url, EXPECTED);
            }
        } catch (URISyntaxException e) {
            return new WebhookForm(url, "Cette adresse contient des caractères qu'une adresse web ne peut pas avoir. " + EXPECTED);
        }
        return new WebhookForm(url, null);
    }

    boolean valid() {
        return error == null;
    }

    /** The service refused the address: its French message and hint, beside the field. */
    WebhookForm refused(String message, String hint) {
        return new WebhookForm(url, message + (hint == null || hint.isBlank() ? "" : " " + hint));
    }

    java.util.Map<String, String> request() {
        return java.util.Map.of("url", url);
    }
}
