package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.istiomc.components.GatewayServiceType.LOAD_BALANCER;
import static io.istiomc.components.GatewayServiceType.NODE_PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The east-west gateway's rules, checked without any resource. */
class EastWestGatewayArgsTest {
    private static final String NODE_PORT_ADDRESS = "is required when 'serviceType' is NodePort: Kubernetes reports no"
            + " external address for a NodePort Service; set the address other networks reach the nodes at";

    static Stream<Arguments> exposures() {
        return Stream.of(
                Arguments.of(LOAD_BALANCER, 15443, null, List.of()),
                Arguments.of(LOAD_BALANCER, 443, "gw.example", List.of()),
                Arguments.of(NODE_PORT, 30000, "203.0.113.10", List.of()),
                Arguments.of(NODE_PORT, 32767, "203.0.113.10", List.of()),
                Arguments.of(LOAD_BALANCER, 0, null,
                        List.of(new Problem("port", "must be a port number from 1 to 65535 (got 0)"))),
                Arguments.of(LOAD_BALANCER, 70000, null,
                        List.of(new Problem("port", "must be a port number from 1 to 65535 (got 70000)"))),
                Arguments.of(NODE_PORT, 29999, "203.0.113.10",
                        List.of(new Problem("port", "must be a node port from 30000 to 32767 when 'serviceType' is"
                                + " NodePort (got 29999)"))),
                Arguments.of(NODE_PORT, 32768, null,
                        List.of(new Problem("port", "must be a node port from 30000 to 32767 when 'serviceType' is"
                                        + " NodePort (got 32768)"),
                                new Problem("address", NODE_PORT_ADDRESS))));
    }

    @ParameterizedTest(name = "{0} port {1} address {2}")
    @MethodSource("exposures")
    @DisplayName("the port is a port number, a node port for a NodePort, whose address must be given")
    void exposure(GatewayServiceType type, int port, String address, List<Problem> expected) {
        assertEquals(expected, EastWestGatewayArgs.check(type, port, address));
    }

    @Test
    @DisplayName("the builder only assembles; the gateway's check finds the same problems in built args, and a bad service type")
    void checkOfBuiltArgs() {
        var gateway = EastWestGatewayArgs.builder().serviceType(NODE_PORT).port(80).build();
        assertEquals(List.of(new Problem("port", "must be a node port from 30000 to 32767 when 'serviceType' is NodePort"
                        + " (got 80)"), new Problem("address", NODE_PORT_ADDRESS)), EastWestGatewayArgs.check(gateway));
        var clusterIp = EastWestGatewayArgs.builder().serviceType("ClusterIP").build();
        assertEquals(List.of(new Problem("serviceType", "must be 'LoadBalancer' or 'NodePort' (got 'ClusterIP')")),
                EastWestGatewayArgs.check(clusterIp));
        var e = assertThrows(IllegalArgumentException.class, clusterIp::serviceType);
        assertEquals("EastWestGatewayArgs: 'serviceType' must be 'LoadBalancer' or 'NodePort' (got 'ClusterIP')", e.getMessage());
    }

    @Test
    @DisplayName("a gateway that exposes istiod to remotes must be a LoadBalancer")
    void exposingIstiodNeedsALoadBalancer() {
        assertEquals(List.of(), EastWestGatewayArgs.checkExposesIstiod(LOAD_BALANCER));
        assertEquals(List.of(new Problem("serviceType", "must be 'LoadBalancer' on a primary that serves remotes"
                        + " (got 'NodePort'): they reach istiod through the gateway address on the fixed ports 15012 and 15017")),
                EastWestGatewayArgs.checkExposesIstiod(NODE_PORT));
    }
}
