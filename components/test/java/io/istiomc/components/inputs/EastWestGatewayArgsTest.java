package io.istiomc.components.inputs;

import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The east-west gateway's rules, checked without any resource. */
class EastWestGatewayArgsTest {
    @Test
    @DisplayName("a gateway that exposes istiod to remotes must be a LoadBalancer")
    void exposingIstiodNeedsALoadBalancer() {
        assertEquals(List.of(), EastWestGatewayArgs.checkExposesIstiod(GatewayServiceType.LOAD_BALANCER));
        assertEquals(List.of(new Problem("serviceType", "must be 'LoadBalancer' on a primary that serves remotes"
                        + " (got 'NodePort'): they reach istiod through the gateway address on the fixed ports 15012 and 15017")),
                EastWestGatewayArgs.checkExposesIstiod(GatewayServiceType.NODE_PORT));
    }
}
