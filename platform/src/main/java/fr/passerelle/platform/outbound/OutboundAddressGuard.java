package fr.passerelle.platform.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one check before any server-side request to an address a person gave (a dataset's export URL,
 * a remote portal's API, webhooks to come): the address must lead to a public internet host. Its
 * name is resolved and refused when any of its addresses is {@linkplain ForbiddenAddresses forbidden}
 * (loopback, private, link-local with the cloud metadata endpoint, multicast, unspecified, IPv6 ULA,
 * IPv4 inside IPv6…). Callers check when the address is saved and again before each request and each
 * redirect, since a name may resolve elsewhere later.
 *
 * <p>IPv4 written other than as four plain decimal numbers ({@code 2130706433}, {@code 0x7f000001},
 * {@code 0177.0.0.1}, {@code 127.1}) is refused outright: resolvers disagree on what it means (octal for
 * one, decimal for another), so what is checked might not be what is reached.
 *
 * <p>Hosts in {@value #ALLOWED_HOSTS} (names or addresses, comma separated) are exempt, matched as
 * written in the URL, never after resolution: allowing {@code 127.0.0.1} lets neither {@code localhost}
 * nor {@code 127.0.0.2} nor {@code 2130706433} through. Empty by default; the local stack sets
 * {@code 127.0.0.1}, where its test servers listen.
 *
 * <p>Left open: a name resolving to a public address here and to a private one when the HTTP client
 * resolves it again a moment later (DNS rebinding with a zero TTL). Closing it would need the client
 * to connect to the very address checked, which {@code java.net.http} does not offer.
 */
@ApplicationScoped
public class OutboundAddressGuard {

    public static final String ALLOWED_HOSTS = "passerelle.outbound.allowed-hosts";

    /** Something an IPv4 parser may take for an address: numbers (decimal, octal, hex), one to four, dotted. */
    private static final Pattern NUMERIC_HOST = Pattern.compile(
            "(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    /** The one spelling of IPv4 everybody reads alike: four decimal numbers without leading zeros. */
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    private final Set<String> allowedHosts;

    public OutboundAddressGuard(@ConfigProperty(name = ALLOWED_HOSTS) Optional<List<String>> allowedHosts) {
        this.allowedHosts = allowedHosts.orElse(List.of()).stream().map(OutboundAddressGuard::normalize)
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** A guard exempting exactly {@code hosts}, for tests and tools without configuration. */
    public static OutboundAddressGuard allowing(Collection<String> hosts) {
        return new OutboundAddressGuard(Optional.of(List.copyOf(hosts)));
    }

    /** Why a request to {@code url} may not be sent, in French; empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("L'adresse " + url + " n'est pas une adresse http:// ou https://.");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            // java.net.URI gives no host for "127.1" or "0x7F.0.0.1" (a last label starting with a digit).
            String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority().replaceFirst("^.*@", "")
                    .replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT);
            return Optional.of(NUMERIC_HOST.matcher(authority).matches() ? oddIpv4(url, authority)
                    : "L'adresse " + url + " ne nomme aucun serveur.");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("L'adresse " + url + " contient un identifiant ou un mot de passe : Passerelle ne les "
                    + "envoie pas. Donnez une adresse publique sans identifiants.");
        }
        String normalized = normalize(host);
        if (allowedHosts.contains(normalized)) {
            return Optional.empty();
        }
        if (NUMERIC_HOST.matcher(normalized).matches() && !CANONICAL_IPV4.matcher(normalized).matches()) {
            return Optional.of(oddIpv4(url, host));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(normalized);
        } catch (UnknownHostException e) {
            return Optional.of("Le serveur « " + host + " » de l'adresse " + url + " est introuvable (nom inconnu).");
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = ForbiddenAddresses.reason(address);
            if (reason.isPresent()) {
                return Optional.of("L'adresse " + url + " mène à " + reason.get() + " (" + address.getHostAddress()
                        + ") : Passerelle n'envoie de requêtes qu'aux adresses publiques d'internet.");
            }
        }
        return Optional.empty();
    }

    private static String oddIpv4(URI url, String host) {
        return "L'adresse " + url + " écrit une adresse IP de façon inhabituelle (« " + host
                + " ») : écrivez-la sous la forme 203.0.113.10, ou donnez le nom du serveur.";
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    private static String normalize(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
