package io.istiomc.components;

import com.pulumi.core.Output;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cluster components' validate(args): the shared checks, thrown with the args' property paths. */
class ClusterArgsValidationTest {
    private static final String LABEL_RULE = "use at most 63 lowercase letters, digits and '-', starting and ending with"
            + " a letter or digit";

    private static ClusterArgs.Builder cluster(String name, String network) {
        var pem = Output.of("pem");
        return ClusterArgs.builder()
                .clusterName(name)
                .context("ctx-" + name)
                .network(network)
                .meshId("mesh1")
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY))
                .certificates(new CaBundle(pem, pem, pem, pem));
    }

    @Test
    @DisplayName("a primary's gateway that exposes istiod must be a LoadBalancer, in the wording the config reader reports")
    void primaryGatewayExposingIstiod() {
        var args = PrimaryClusterArgs.builder().cluster(cluster("cluster1", "network1")
                .gateway(EastWestGatewayArgs.builder().serviceType(GatewayServiceType.NODE_PORT).port(31443)
                        .address("203.0.113.10").build())
                .build()).servesRemotes(true).build();
        var e = assertThrows(IllegalArgumentException.class, () -> PrimaryCluster.validate(args));
        assertEquals("PrimaryClusterArgs: 'cluster.gateway.serviceType' must be 'LoadBalancer' on a primary that serves"
                + " remotes (got 'NodePort'): they reach istiod through the gateway address on the fixed ports 15012 and"
                + " 15017", e.getMessage());
        // a primary that serves no remote exposes no istiod: a NodePort gateway (cross-network traffic only) is fine
        assertDoesNotThrow(() -> PrimaryCluster.validate(PrimaryClusterArgs.builder().cluster(args.cluster()).multiNetwork(true).build()));
    }

    @Test
    @DisplayName("a primary's network must be a DNS-1123 label")
    void primaryNetworkIsALabel() {
        var args = PrimaryClusterArgs.builder().cluster(cluster("cluster1", "Net_1").build()).build();
        var e = assertThrows(IllegalArgumentException.class, () -> PrimaryCluster.validate(args));
        assertEquals("PrimaryClusterArgs: 'cluster.network' must be a DNS-1123 label (got 'Net_1'); " + LABEL_RULE,
                e.getMessage());
    }

    @Test
    @DisplayName("a remote's cluster name must be a DNS-1123 label; a valid remote passes")
    void remoteNameIsALabel() {
        var bad = RemoteClusterArgs.builder().cluster(cluster("Cluster_2", "network2").build())
                .primaryClusterName("cluster1").remotePilotAddress("192.0.2.10").build();
        var e = assertThrows(IllegalArgumentException.class, () -> RemoteCluster.validate(bad));
        assertEquals("RemoteClusterArgs: 'cluster.clusterName' must be a DNS-1123 label (got 'Cluster_2'); " + LABEL_RULE,
                e.getMessage());
        var good = RemoteClusterArgs.builder().cluster(cluster("cluster2", "network2").build())
                .primaryClusterName("cluster1").remotePilotAddress("192.0.2.10").build();
        assertDoesNotThrow(() -> RemoteCluster.validate(good));
    }
}
