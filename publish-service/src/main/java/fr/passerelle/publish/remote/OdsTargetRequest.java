package fr.passerelle.publish.remote;

import fr.passerelle.platform.web.HttpUrls;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What staff send to publish a dataset on an OpenDataSoft portal too: the portal's domain (such as
 * {@code data.grandlyon.com}) and an API key. {@code apiUrl} may replace the domain when the
 * Automation API is not at {@code https://{domain}/api/automation/v1.0} (a proxy, a test server).
 */
public record OdsTargetRequest(String domain, String apiUrl, String apiKey) {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** The Automation API's base address, or null when neither the domain nor apiUrl is usable. */
    public String automationApiUrl() {
        if (apiUrl != null && !apiUrl.isBlank()) {
            return HttpUrls.isHttp(apiUrl) ? apiUrl.trim().replaceAll("/+$", "") : null;
        }
        String host = normalizedDomain();
        return host == null ? null : "https://" + host + "/api/automation/v1.0";
    }

    /** The domain in lower case without scheme or trailing slash (what staff copy from a browser), or null. */
    String normalizedDomain() {
        if (domain == null) {
            return null;
        }
        String host = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/+$", "");
        return DOMAIN.matcher(host).matches() ? host : null;
    }

    /** The request as the targets table stores it: the domain (or the API's host) stands for the organisation. */
    TargetRequest asTarget() {
        String apiBase = automationApiUrl();
        String host = normalizedDomain();
        return new TargetRequest(apiBase, host != null ? host : URI.create(apiBase).getHost(), apiKey);
    }
}
