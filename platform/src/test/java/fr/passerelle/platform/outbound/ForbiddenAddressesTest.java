package fr.passerelle.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "0.1.2.3", "10.0.0.1", "172.16.5.4",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1",
            "ff02::1", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1", "240.0.0.1", "255.255.255.255",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1"})
    void refusesWhatIsNoPublicInternetHost(String literal) throws UnknownHostException {
        Optional<String> reason = ForbiddenAddresses.reason(InetAddress.getByName(literal));

        assertTrue(reason.isPresent(), literal);
        assertTrue(reason.get().matches("^[a-zl].*"), "a French phrase to follow « mène à »: " + reason.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.63.255.255", "100.128.0.1",
            "192.0.2.1", "193.51.24.1", "2001:4860:4860::8888", "2a01:e0a::1", "::ffff:8.8.8.8"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), ForbiddenAddresses.reason(InetAddress.getByName(literal)), literal);
    }
}
