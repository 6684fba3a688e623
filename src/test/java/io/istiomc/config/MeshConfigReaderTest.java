package io.istiomc.config;

import io.istiomc.components.ClusterRole;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshTopology;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules of the validator that the stack-file table does not reach. */
class MeshConfigReaderTest {
    /** A second primary whose east-west gateway is a NodePort. */
    private static final String NODE_PORT_PRIMARY = cluster("cluster2", "primary", """
                  gateway:
                    serviceType: NodePort
                    address: 203.0.113.10
                    port: 31443
            """);

    private static final String HEADER = """
            config:
              istio-multicluster:meshId: mesh1
              istio-multicluster:istio:
                version: 1.30.3
              istio-multicluster:clusters:
            """;

    @Test
    @DisplayName("with one primary, a remote without controlPlane is served by it, and a primary has no control plane")
    void onlyPrimaryServesEveryRemote() throws IOException {
        // GIVEN one primary and a remote that names no control plane
        var config = read(cluster("cluster1", "primary", "") + cluster("cluster2", "remote", ""));
        // WHEN it is read
        // THEN the remote's control plane is the primary
        var topology = MeshTopology.of(config);
        assertEquals(Optional.empty(), topology.controlPlaneOf(config.clusters().get(0)));
        assertEquals(Optional.of("cluster1"), topology.controlPlaneOf(config.clusters().get(1)));
    }

    @Test
    @DisplayName("several primaries are accepted, each remote served by the primary it names")
    void severalPrimaries() throws IOException {
        // GIVEN two primaries, each with a remote, the second primary listed after its remote
        var config = read(cluster("cluster1", "primary", "")
                + cluster("cluster2", "remote", "      controlPlane: cluster4\n")
                + cluster("cluster3", "remote", "      controlPlane: cluster1\n")
                + cluster("cluster4", "primary", ""));
        // WHEN it is read
        // THEN both are primaries and every remote keeps the primary it named
        assertEquals(List.of(ClusterRole.PRIMARY, ClusterRole.REMOTE, ClusterRole.REMOTE, ClusterRole.PRIMARY),
                config.clusters().stream().map(c -> c.role().orElseThrow()).toList());
        var topology = MeshTopology.of(config);
        assertEquals(List.of(Optional.empty(), Optional.of("cluster4"), Optional.of("cluster1"), Optional.empty()),
                config.clusters().stream().map(topology::controlPlaneOf).toList());
    }

    @Test
    @DisplayName("with several primaries, each is watched by the others, so apiServer and tlsServerName are accepted on it")
    void watchedPrimaryTakesApiServerAndTlsServerName() throws IOException {
        // GIVEN two primaries (multi-primary), the second reached behind a load balancer
        var config = read(cluster("cluster1", "primary", "")
                + cluster("cluster2", "primary", """
                      apiServer: https://203.0.113.20:6443
                      tlsServerName: api.cluster2.example
                """));
        // WHEN it is read
        // THEN the second primary keeps both values
        assertEquals(Optional.of("https://203.0.113.20:6443"), config.clusters().get(1).apiServer());
        assertEquals(Optional.of("api.cluster2.example"), config.clusters().get(1).tlsServerName());
    }

    @Test
    @DisplayName("a remote's tlsServerName is kept; without one it is empty")
    void remoteTlsServerName() throws IOException {
        var config = read(cluster("cluster1", "primary", "")
                + cluster("cluster2", "remote", "      tlsServerName: kubernetes.default.svc\n")
                + cluster("cluster3", "remote", ""));
        assertEquals(Optional.of("kubernetes.default.svc"), config.clusters().get(1).tlsServerName());
        assertEquals(Optional.empty(), config.clusters().get(2).tlsServerName());
    }

    @Test
    @DisplayName("a primary that serves no remote may expose its gateway as a NodePort: it does not expose istiod")
    void nodePortOnAPrimaryWithoutRemotes() throws IOException {
        // GIVEN two primaries on different networks; the remote names cluster1, so cluster2 serves none
        var config = read(cluster("cluster1", "primary", "")
                + NODE_PORT_PRIMARY
                + cluster("cluster3", "remote", "      controlPlane: cluster1\n"));
        // WHEN it is read
        // THEN it is accepted as written
        assertEquals("NodePort", config.clusters().get(1).gateway().serviceType().kubernetesName());
    }

    @Test
    @DisplayName("a NodePort gateway on a primary that a remote names is rejected under the gateway's serviceType")
    void nodePortOnAServingPrimary() throws IOException {
        // GIVEN two primaries; the remote names cluster2, whose gateway is a NodePort
        var raw = RawConfig.fromStackYaml(HEADER + cluster("cluster1", "primary", "")
                + NODE_PORT_PRIMARY
                + cluster("cluster3", "remote", "      controlPlane: cluster2\n"));
        // WHEN it is read
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        // THEN exactly that problem is reported
        assertEquals(List.of("istio-multicluster:clusters[1].gateway.serviceType: must be 'LoadBalancer' on a primary"
                        + " that serves remotes (got 'NodePort'): they reach istiod through the gateway address on the"
                        + " fixed ports 15012 and 15017"),
                thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    @DisplayName("two clusters may use one context name from different kubeconfig files; from one file they may not")
    void contextsAreUniquePerKubeconfig(@TempDir Path dir) throws IOException {
        // GIVEN two kubeconfig files, each with a context named 'admin'
        var east = Files.writeString(dir.resolve("east.yaml"), "apiVersion: v1\nkind: Config\n");
        var west = Files.writeString(dir.resolve("west.yaml"), "apiVersion: v1\nkind: Config\n");
        var sameName = HEADER
                + "    - {name: cluster1, role: primary, context: admin, network: network1, kubeconfig: '" + east + "'}\n"
                + "    - {name: cluster2, role: remote, context: admin, network: network2, kubeconfig: '" + west + "'}\n";
        // WHEN they are read
        var config = MeshConfigReader.read(RawConfig.fromStackYaml(sameName));
        // THEN both clusters are accepted, each with its own kubeconfig
        assertEquals(List.of(east.toString(), west.toString()), config.kubeconfigs().stream()
                .map(k -> k.orElseThrow().value()).toList());

        // GIVEN the second cluster on the first one's file and context instead
        var sameContext = sameName.replace("kubeconfig: '" + west + "'", "kubeconfig: '" + east + "'");
        // WHEN it is read
        var thrown = assertThrows(InvalidConfigException.class,
                () -> MeshConfigReader.read(RawConfig.fromStackYaml(sameContext)));
        // THEN the second cluster's context is refused
        assertEquals(List.of("istio-multicluster:clusters[1].context: 'admin' of the same kubeconfig is already the"
                        + " context of cluster 'cluster1'; each cluster needs its own kube context, or the mesh would"
                        + " install twice into one cluster"),
                thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    @DisplayName("a kubeconfig that cannot be read is reported once, not again as a shared context")
    void unreadKubeconfigIsNotComparedByContext() throws IOException {
        var raw = RawConfig.fromStackYaml(HEADER
                + "    - {name: cluster1, role: primary, context: admin, network: network1}\n"
                + "    - {name: cluster2, role: remote, context: admin, network: network2, kubeconfig: /nonexistent/kc}\n");
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        assertEquals(List.of("istio-multicluster:clusters[1].kubeconfig"),
                thrown.problems().stream().map(ConfigProblem::key).toList());
    }

    private static String cluster(String name, String role, String extra) {
        var number = name.substring("cluster".length());
        return "    - name: " + name + "\n"
                + "      role: " + role + "\n"
                + "      context: ctx-" + name + "\n"
                + "      network: network" + number + "\n"
                + extra;
    }

    private static MeshArgs read(String clusters) throws IOException {
        return MeshConfigReader.read(RawConfig.fromStackYaml(HEADER + clusters)).mesh();
    }
}
