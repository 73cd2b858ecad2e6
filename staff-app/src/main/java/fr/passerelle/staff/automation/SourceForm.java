package fr.passerelle.staff.automation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The export URL form: an http(s) address and a schedule in minutes (5 at least, as ingest requires). */
public record SourceForm(String url, int interval, Map<String, String> errors) {

    static final int MIN_INTERVAL = 5;

    public static SourceForm of(String url, String interval) {
        String address = url == null ? "" : url.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!isHttp(address)) {
            errors.put("url", address.isEmpty() ? "Indiquez l'adresse du fichier exporté."
                    : "Indiquez une adresse qui commence par https://, par exemple https://opendata.ville.fr/export/velos.csv.");
        }
        int minutes = 1440;
        try {
            minutes = Integer.parseInt(interval == null ? "" : interval.strip());
            if (minutes < MIN_INTERVAL) {
                errors.put("intervalle", "Choisissez une fréquence d'au moins " + MIN_INTERVAL + " minutes.");
            }
        } catch (NumberFormatException e) {
            errors.put("intervalle", "Choisissez une fréquence dans la liste.");
        }
        return new SourceForm(address, minutes, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The form with the service's refusal tied to its field. */
    public SourceForm refused(String code, String message) {
        Map<String, String> errors = new LinkedHashMap<>(this.errors);
        errors.put("interval-too-short".equals(code) ? "intervalle" : "url", message);
        return new SourceForm(url, interval, errors);
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
