package fr.passerelle.staff.portals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a publisher typed to connect one portal, checked before it goes to the publish service: the
 * fields each kind needs, with a French error tied to each field. The API key is never kept for the page
 * that comes back: a person types it again.
 */
public record PortalForm(String kind, String apiUrl, String organizationId, String domain, Map<String, String> errors) {

    public static final String UDATA_API = "https://www.data.gouv.fr/api/1";

    public static PortalForm empty(String kind) {
        return new PortalForm(kind, "udata".equals(kind) ? UDATA_API : "", "", "", Map.of());
    }

    /** Checks the fields; {@link #errors()} is empty when the form may be sent. */
    public static PortalForm of(String kind, String apiUrl, String organizationId, String domain, String apiKey) {
        String url = strip(apiUrl);
        String organisation = strip(organizationId);
        String host = strip(domain);
        Map<String, String> errors = new LinkedHashMap<>();
        if ("ods".equals(kind)) {
            if (host.isEmpty() && url.isEmpty()) {
                errors.put("domain", "Indiquez le domaine du portail OpenDataSoft, par exemple data.exemple.fr.");
            }
            if (!url.isEmpty() && !isHttp(url)) {
                errors.put("apiUrl", "Indiquez une adresse qui commence par https:// (ou laissez ce champ vide).");
            }
        } else {
            if (!isHttp(url)) {
                errors.put("apiUrl", url.isEmpty() ? "Indiquez l'adresse de l'API du portail."
                        : "Indiquez une adresse qui commence par https://, par exemple "
                        + ("udata".equals(kind) ? UDATA_API : "https://ckan.exemple.fr/api/3/action") + ".");
            }
            if (organisation.isEmpty()) {
                errors.put("organizationId", "Indiquez l'identifiant de l'organisation sur le portail.");
            }
        }
        if (apiKey == null || apiKey.isBlank()) {
            errors.put("apiKey", "Saisissez la clé d'API (elle n'est jamais réaffichée : saisissez-la à chaque modification).");
        }
        return new PortalForm(kind, url, organisation, host, errors);
    }

    /** The body publish-service expects for this kind (its README). */
    public Map<String, String> request(String apiKey) {
        Map<String, String> body = new LinkedHashMap<>();
        if ("ods".equals(kind)) {
            if (!domain.isEmpty()) {
                body.put("domain", domain);
            }
            if (!apiUrl.isEmpty()) {
                body.put("apiUrl", apiUrl);
            }
        } else {
            body.put("apiUrl", apiUrl);
            body.put("organizationId", organizationId);
        }
        body.put("apiKey", apiKey.strip());
        return body;
    }

    /** The same form with the service's refusal tied to the field it is about. */
    public PortalForm refused(String code, String message) {
        Map<String, String> errors = new LinkedHashMap<>(this.errors);
        String field = switch (code == null ? "" : code) {
            case "url-not-allowed" -> "ods".equals(kind) && apiUrl.isEmpty() ? "domain" : "apiUrl";
            case "invalid-api-key" -> "apiKey";
            default -> "ods".equals(kind) ? "domain" : "apiUrl";
        };
        errors.put(field, message);
        return new PortalForm(kind, apiUrl, organizationId, domain, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
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

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
