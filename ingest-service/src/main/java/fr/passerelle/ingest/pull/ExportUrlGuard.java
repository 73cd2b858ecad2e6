package fr.passerelle.ingest.pull;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that an export URL leads to a public internet host: resolves its name and refuses it when
 * any of its addresses is {@linkplain ForbiddenAddresses forbidden}. Checked when the URL is
 * registered and again before each request and each redirect, since a name may resolve elsewhere
 * later. Hosts in {@code passerelle.pull.allowed-hosts} (names or addresses, as written in the URL)
 * are exempt: the local stack pulls from 127.0.0.1.
 *
 * <p>Left open: a name resolving to a public address here and to a private one when the HTTP client
 * resolves it again a moment later (DNS rebinding with a zero TTL). Closing it would need the client
 * to connect to the very address checked, which {@code java.net.http} does not offer.
 */
@ApplicationScoped
public class ExportUrlGuard {

    private final Set<String> allowedHosts;

    public ExportUrlGuard(@ConfigProperty(name = "passerelle.pull.allowed-hosts") Optional<List<String>> allowedHosts) {
        this.allowedHosts = allowedHosts.orElse(List.of()).stream().map(ExportUrlGuard::normalize)
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code url} may not be fetched, in French; empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("L'adresse " + url + " n'est pas une adresse http:// ou https://.");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("L'adresse " + url + " ne nomme aucun serveur.");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("L'adresse " + url + " contient un identifiant ou un mot de passe : Passerelle ne les "
                    + "envoie pas. Donnez une adresse publique sans identifiants.");
        }
        if (allowedHosts.contains(normalize(host))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(normalize(host));
        } catch (UnknownHostException e) {
            return Optional.of("Le serveur « " + host + " » de l'adresse d'export est introuvable (nom inconnu).");
        }
        // The allow-list is matched as written in the URL only: "127.0.0.1" allowed must not let "localhost",
        // or any name an attacker points at 127.0.0.1, through.
        for (InetAddress address : addresses) {
            Optional<String> reason = ForbiddenAddresses.reason(address);
            if (reason.isPresent()) {
                return Optional.of("L'adresse d'export mène à " + reason.get() + " (" + address.getHostAddress()
                        + ") : Passerelle ne relève que des adresses publiques d'internet.");
            }
        }
        return Optional.empty();
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    private static String normalize(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
