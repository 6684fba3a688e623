package io.istiomc.components;

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
    private static ClusterArgs cluster(String name, MeshCertificateAuthority ca) {
        return ClusterArgs.builder().clusterName(name).context(name).network("net-" + name).meshId("m")
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY)).certificates(ca.bundle(name)).build();
    }

    @Test
    @DisplayName("a remote listed twice is refused before MeshLink registers anything")
    void remoteListedTwice() {
        var clusters = new SimulatedClusters(List.of(new SimulatedClusters.Cluster("p", "p"), new SimulatedClusters.Cluster("r", "r")));
        // WHEN a program links the same remote twice
        var result = SimulatedRun.run("lib", Map.of(), clusters, ctx -> {
            var ca = new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of("p", "r")).build());
            var primary = new PrimaryCluster("p", PrimaryClusterArgs.builder().cluster(cluster("p", ca)).build());
            var remote = new RemoteCluster("r", RemoteClusterArgs.builder().cluster(cluster("r", ca)).primaryClusterName("p")
                    .remotePilotAddress(primary.gatewayAddress()).apiServer("https://r.example:6443").build());
            new MeshLink("link", MeshLinkArgs.builder().primary(primary).remotes(List.of(remote, remote)).build());
        });
        // THEN the run fails with the rule, and no MeshLink (nor any child of one) was registered
        assertTrue(result.failed());
        var message = result.exceptions().stream().map(Throwable::getMessage).reduce("", String::concat);
        assertTrue(message.contains("MeshLinkArgs: 'remotes' names cluster 'r' twice, or names the primary; list each remote once"),
                message);
        assertEquals(List.of(), result.resources().stream().filter(r -> r.name().startsWith("link")).toList());
    }
}
