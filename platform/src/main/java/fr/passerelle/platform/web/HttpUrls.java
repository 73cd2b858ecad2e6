package fr.passerelle.platform.web;

import java.net.URI;

/** Addresses staff give for the platform to call (export URLs, portals' APIs). */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** An absolute http or https URL with a host; anything else (file:, relative, garbage) is not. */
    public static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
