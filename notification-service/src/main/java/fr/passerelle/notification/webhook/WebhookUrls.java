package fr.passerelle.notification.webhook;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which addresses may receive webhooks: HTTPS, to a public internet host ({@link OutboundAddressGuard}, the export
 * URLs' guard: no loopback, private network or cloud metadata). Checked when a webhook is made and again before each
 * delivery, since a name may resolve elsewhere later. The hosts of {@code passerelle.outbound.allowed-hosts} (the local
 * stack's 127.0.0.1, where its test receivers listen) are exempt from both rules, plain HTTP included.
 */
@ApplicationScoped
public class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private final OutboundAddressGuard guard;
    private final Set<String> allowedHosts;

    public WebhookUrls(OutboundAddressGuard guard,
                       @ConfigProperty(name = OutboundAddressGuard.ALLOWED_HOSTS) Optional<List<String>> allowedHosts) {
        this.guard = guard;
        this.allowedHosts = allowedHosts.orElse(List.of()).stream().map(WebhookUrls::normalize)
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code url} may not receive webhooks, in French; empty when it may. Resolves the host name: blocks. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Indiquez l'adresse https:// qui recevra les événements.");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("L'adresse dépasse " + MAX_LENGTH + " caractères.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("L'adresse « " + url + " » n'est pas une adresse web valide.");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("L'adresse « " + url + " » n'est pas complète : elle doit commencer par https://.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("L'adresse « " + url + " » contient un fragment (#…), qui n'est jamais envoyé au serveur.");
        }
        boolean allowed = uri.getHost() != null && allowedHosts.contains(normalize(uri.getHost()));
        if (!allowed && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("L'adresse « " + url + " » n'est pas en https:// : les événements et leur signature ne"
                    + " voyagent que chiffrés.");
        }
        return guard.refusal(uri);
    }

    private static String normalize(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
