package io.istiomc.components;

import io.istiomc.components.inputs.ApiEndpoint;
import io.istiomc.components.inputs.ClusterArgs;
import io.istiomc.components.inputs.IstioCharts;
import io.istiomc.components.inputs.MeshCertificateAuthorityArgs;
import io.istiomc.components.inputs.MeshLinkArgs;
import io.istiomc.components.inputs.PrimaryClusterArgs;
import io.istiomc.components.inputs.RemoteClusterArgs;
import io.istiomc.plan.SimulatedClusters;
import io.istiomc.plan.SimulatedRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MeshLink used directly, as a library user would, without the program. */
class MeshLinkTest {
    private static ClusterArgs cluster(String name, String network, MeshCertificateAuthority ca) {
        return ClusterArgs.builder().clusterName(name).context(name).network(network).meshId("m")
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY)).certificates(ca.bundle(name)).build();
    }

    private static String failure(SimulatedRun.Result result) {
        assertTrue(result.failed());
        return result.exceptions().stream().map(Throwable::getMessage).reduce("", String::concat);
    }

    @Test
    @DisplayName("a watched cluster listed twice is refused before MeshLink registers anything")
    void watchedListedTwice() {
        // WHEN a program links the same remote twice
        var result = SimulatedRun.run("lib", Map.of(), new SimulatedClusters(List.of("p", "r")), ctx -> {
            var ca = new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of("p", "r")).build());
            var primary = new PrimaryCluster("p", PrimaryClusterArgs.builder().cluster(cluster("p", "n", ca))
                    .servesRemotes(true).build());
            var remote = new RemoteCluster("r", RemoteClusterArgs.builder().cluster(cluster("r", "n", ca)).primaryClusterName("p")
                    .remotePilotAddress(primary.handle().gateway().orElseThrow().address()).build());
            var endpoint = ApiEndpoint.of("https://r.example:6443");
            new MeshLink("link", MeshLinkArgs.builder().watcher(primary.handle())
                    .watched(remote.handle(), endpoint).watched(remote.handle(), endpoint).build());
        });
        // THEN the run fails with the rule, and no MeshLink (nor any child of one) was registered
        var message = failure(result);
        assertTrue(message.contains("MeshLinkArgs: 'watched' names cluster 'r' twice; list each watched cluster once"), message);
        assertEquals(List.of(), result.resources().stream().filter(r -> r.name().startsWith("link")).toList());
    }

    @Test
    @DisplayName("a watched primary without reader access, and a cluster without gateway across networks, are refused")
    void watchedClustersNeedReaderAccessAndGateways() {
        // WHEN a second primary is watched but was declared without reader access
        var noReader = SimulatedRun.run("lib", Map.of(), new SimulatedClusters(List.of("a", "b")), ctx -> {
            var ca = new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of("a", "b")).build());
            var a = new PrimaryCluster("a", PrimaryClusterArgs.builder().cluster(cluster("a", "n", ca)).watched(true).build());
            var b = new PrimaryCluster("b", PrimaryClusterArgs.builder().cluster(cluster("b", "n", ca)).build());
            new MeshLink("link", MeshLinkArgs.builder().watchers(List.of(a.handle(), b.handle()))
                    .watched(a.handle(), ApiEndpoint.of("https://a.example:6443"))
                    .watched(b.handle(), ApiEndpoint.of("https://b.example:6443")).build());
        });
        // THEN the rule names the cluster
        var message = failure(noReader);
        assertTrue(message.contains("MeshLinkArgs: watched cluster 'b' has no reader access"), message);

        // WHEN two primaries on different networks have no east-west gateway
        var noGateway = SimulatedRun.run("lib", Map.of(), new SimulatedClusters(List.of("a", "b")), ctx -> {
            var ca = new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of("a", "b")).build());
            var a = new PrimaryCluster("a", PrimaryClusterArgs.builder().cluster(cluster("a", "n1", ca)).watched(true).build());
            var b = new PrimaryCluster("b", PrimaryClusterArgs.builder().cluster(cluster("b", "n2", ca)).watched(true).build());
            new MeshLink("link", MeshLinkArgs.builder().watchers(List.of(a.handle(), b.handle()))
                    .watched(a.handle(), ApiEndpoint.of("https://a.example:6443"))
                    .watched(b.handle(), ApiEndpoint.of("https://b.example:6443")).build());
        });
        message = failure(noGateway);
        assertTrue(message.contains("MeshLinkArgs: cluster 'a' has no east-west gateway, but the mesh spans several networks"),
                message);
        assertEquals(List.of(), noGateway.resources().stream().filter(r -> r.name().startsWith("link")).toList());
    }
}
