package io.istiomc.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules of the validator that the stack-file table does not reach. */
class MeshConfigReaderTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"192.0.2.10", "2001:db8::10", "::1", "fe80::1:2", "gw.example.com", "a-b.c", "localhost"})
    @DisplayName("an IPv4 or IPv6 literal or a DNS name is a gateway address")
    void addresses(String address) {
        assertTrue(MeshConfigReader.isAddress(address));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"300.1.2.3", "1.2.3", "2001:db8::10::1", "gw:example", "east_west.example.com", "-a.example",
            "2001:db8::zz", "a..b"})
    @DisplayName("anything else is not")
    void notAddresses(String address) {
        assertFalse(MeshConfigReader.isAddress(address));
    }
}
