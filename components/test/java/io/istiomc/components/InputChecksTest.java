package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's pure checks of user input: URLs, addresses, annotations. */
class InputChecksTest {
    @Test
    @DisplayName("URLs: user info, query strings and fragments are credentials, shown as ***; ports are 1-65535")
    void urls() {
        assertTrue(Urls.hasCredentials("https://u:p@host:6443"));
        assertTrue(Urls.hasCredentials("https://host/charts?token=t"));
        assertFalse(Urls.hasCredentials("https://host:6443/path"));
        assertEquals("https://***@host:6443/x?***", Urls.withoutCredentials("https://u:p@host:6443/x?token=t"));
        assertEquals("https://***@h st", Urls.withoutCredentials("https://u:p@h st"));
        assertTrue(Urls.hasValidPort("https://host:65535"));
        assertFalse(Urls.hasValidPort("https://host:99999"));
        assertFalse(Urls.hasValidPort("https://host:0"));
        // the components refuse them too, quoting no credential
        var charts = assertThrows(IllegalArgumentException.class,
                () -> new io.istiomc.components.IstioCharts("1.30.3", "https://robot:s3cret@charts.example"));
        assertTrue(charts.getMessage().contains("'https://***@charts.example'"), charts.getMessage());
        assertFalse(charts.getMessage().contains("s3cret"));
        assertEquals(List.of("server"), RemoteSecretKubeconfig.checkServer("https://a:s3cret@api.example:6443").stream()
                .map(Problem::property).toList());
        assertEquals(1, RemoteSecretKubeconfig.checkServer("https://api.example:99999").size());
    }

    @Test
    @DisplayName("gateway addresses: unspecified, broadcast, loopback and localhost cannot be dialled; IPv4-mapped IPv6 can")
    void gatewayAddresses() {
        for (var address : List.of("0.0.0.0", "::", "255.255.255.255", "127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1",
                "localhost", "LOCALHOST", "gw.localhost")) {
            assertTrue(GatewayAddresses.undialable(address).isPresent(), address);
        }
        for (var address : List.of("192.0.2.1", "::ffff:192.0.2.1", "2001:db8::1", "gw.example.com")) {
            assertEquals(Optional.empty(), GatewayAddresses.undialable(address), address);
        }
        // the gateway's rules refuse them too, and annotation names Kubernetes refuses
        var problems = EastWestGatewayArgs.check(EastWestGatewayArgs.builder().address("127.0.0.1")
                .annotations(Map.of("bad name", "x")).build());
        assertEquals(List.of("address", "annotations.bad name"), problems.stream().map(Problem::property).toList());
        assertEquals("must be an address other networks can dial (got '127.0.0.1', a loopback address)",
                problems.get(0).message());
    }

    @Test
    @DisplayName("a gateway address is an IP address or a DNS name: anything else is refused by the gateway's own rules")
    void gatewayAddressFormat() {
        for (var address : List.of("192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1", "gw.example.com", "GW.Example.com")) {
            assertTrue(GatewayAddresses.isAddress(address), address);
            assertEquals(List.of(), EastWestGatewayArgs.check(EastWestGatewayArgs.builder().address(address).build()), address);
        }
        for (var address : List.of("not a host!", "300.1.2.3", "east_west.example.com", "1.2.3", "https://gw.example", "a::b::c")) {
            assertFalse(GatewayAddresses.isAddress(address), address);
        }
        assertEquals(List.of(new Problem("address", "must be an IP address or a DNS name (got 'not a host!')")),
                EastWestGatewayArgs.check(EastWestGatewayArgs.builder().address("not a host!").build()));
    }

    @Test
    @DisplayName("annotation names are Kubernetes qualified names; sizes count names and values in bytes")
    void annotationNames() {
        for (var name : List.of("nlb", "service.beta.kubernetes.io/aws-load-balancer-type", "a_b.c-d", "x/Y")) {
            assertEquals(Optional.empty(), AnnotationNames.problem(name), name);
        }
        for (var name : List.of("", "bad name", "-x", "x-", "Upper.example/x", "/x", "a/", "a/b/c", "x".repeat(64))) {
            assertTrue(AnnotationNames.problem(name).isPresent(), name);
        }
        assertEquals(5, AnnotationNames.totalBytes(Map.of("ab", "cé")));
    }
}
