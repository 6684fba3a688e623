package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meshNetworks document. */
class MeshNetworksTest {
    @Test
    @DisplayName("clusters that share a network are listed together, each with its gateway")
    void sharedNetwork() {
        var yaml = MeshNetworks.yaml(List.of(
                new MeshNetworks.Member("network1", "cluster1", "192.0.2.10", 15443),
                new MeshNetworks.Member("network2", "cluster2", "gw.example.com", 15443),
                new MeshNetworks.Member("network1", "cluster3", "192.0.2.11", 15443)));
        assertEquals("""
                networks:
                  network1:
                    endpoints:
                    - fromRegistry: cluster1
                    - fromRegistry: cluster3
                    gateways:
                    - address: 192.0.2.10
                      port: 15443
                    - address: 192.0.2.11
                      port: 15443
                  network2:
                    endpoints:
                    - fromRegistry: cluster2
                    gateways:
                    - address: gw.example.com
                      port: 15443
                """, yaml);
    }
}
