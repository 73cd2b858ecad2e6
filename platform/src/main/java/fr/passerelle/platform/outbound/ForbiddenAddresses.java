package fr.passerelle.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Addresses no server-side request may reach (export URLs, portal APIs, webhooks): the service's own machine and network, cloud metadata
 * endpoints, and ranges that are no internet host. What a request to them could reveal or touch
 * (an admin port, {@code 169.254.169.254}) is the server-side request forgery risk.
 */
final class ForbiddenAddresses {

    private ForbiddenAddresses() {
    }

    /** Why {@code address} is refused, in French; empty for a public address. */
    static Optional<String> reason(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("une adresse non spécifiée (0.0.0.0 ou ::)");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("la machine du service elle-même (boucle locale)");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("une adresse locale au lien (169.254.0.0/16 ou fe80::/10), dont celle des métadonnées "
                    + "des hébergeurs cloud");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("une adresse de multidiffusion");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("un réseau privé (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            if (first == 0) {
                return Optional.of("le réseau 0.0.0.0/8, qui désigne la machine elle-même");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("un réseau privé d'opérateur (100.64.0.0/10)");
            }
            if (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) {
                return Optional.of("un réseau réservé (192.0.0.0/24)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("un réseau réservé aux tests (198.18.0.0/15)");
            }
            if (first >= 240) {
                return Optional.of("un réseau réservé (240.0.0.0/4) ou la diffusion générale");
            }
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return Optional.of("un réseau privé IPv6 (fc00::/7)");
            }
            if (isIpv4Embedded(bytes)) {
                // ::ffff:10.0.0.1 or ::10.0.0.1 reach the IPv4 address inside.
                try {
                    return reason(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (java.net.UnknownHostException e) {
                    return Optional.of("une adresse IPv6 illisible");
                }
            }
        }
        return Optional.empty();
    }

    /** ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped; Java usually turns these into IPv4 already). */
    private static boolean isIpv4Embedded(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF);
    }
}
