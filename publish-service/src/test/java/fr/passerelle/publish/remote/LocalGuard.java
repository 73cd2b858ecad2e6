package fr.passerelle.publish.remote;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import java.util.List;

/** The outbound guard as the local stack sets it: the contract servers' address, written as their URLs write it, allowed. */
final class LocalGuard {

    static final OutboundAddressGuard GUARD = OutboundAddressGuard.allowing(List.of("127.0.0.1"));

    private LocalGuard() {
    }
}
