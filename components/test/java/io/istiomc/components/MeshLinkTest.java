package io.istiomc.components;

import com.pulumi.test.PulumiTest;
import io.istiomc.components.simulation.SimulatedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The components used directly, as a library user would, under the library's own mocks. */
class MeshLinkTest {
    private final SimulatedClusters mocks = new SimulatedClusters(List.of("p", "r", "a", "b"));

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static ClusterArgs cluster(String name, String network, MeshCertificateAuthority ca) {
        return ClusterArgs.builder().clusterName(name).context("ctx-" + name).network(network).meshId("m")
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY)).certificates(ca.bundle(name)).build();
    }

    private static MeshCertificateAuthority ca(String... clusters) {
        return new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of(clusters)).build(), null);
    }

    /** A primary, one remote on another network and the link between them, declared directly. */
    private void declareMesh(boolean linkRemoteTwice) {
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> {
            var ca = ca("p", "r");
            var primary = new PrimaryCluster("p", PrimaryClusterArgs.builder().cluster(cluster("p", "net-p", ca))
                    .servesRemotes(true).multiNetwork(true).build(), null);
            var remote = new RemoteCluster("r", RemoteClusterArgs.builder().cluster(cluster("r", "net-r", ca)).primaryClusterName("p")
                    .remotePilotAddress(primary.handle().gateway().orElseThrow().address()).multiNetwork(true).build(), null);
            var link = MeshLinkArgs.builder().watcher(primary.handle())
                    .watched(remote.handle(), new ApiEndpoint("https://r.example:6443", java.util.Optional.of("r.internal")));
            if (linkRemoteTwice) {
                link.watched(remote.handle(), ApiEndpoint.of("https://r.example:6443"));
            }
            new MeshLink("link", link.build());
        });
        if (!linkRemoteTwice) {
            result.throwOnError();
        } else {
            assertTrue(failure(result).contains("MeshLinkArgs: 'watched' names cluster 'r' twice; list each watched cluster once"),
                    failure(result));
        }
    }

    private String failRun(Consumer<com.pulumi.Context> program) {
        return failure(PulumiTest.withMocks(mocks).runTest(program));
    }

    private static String failure(com.pulumi.test.TestResult result) {
        assertFalse(result.exceptions().isEmpty() && result.errors().isEmpty(), "the run should have failed");
        return result.exceptions().stream().map(Throwable::getMessage).reduce("", String::concat) + String.join("", result.errors());
    }

    @Test
    @DisplayName("a watched cluster listed twice is refused before MeshLink registers anything")
    void watchedListedTwice() {
        declareMesh(true);
        assertEquals(List.of(), mocks.registrations(r -> r.name().startsWith("link")));
    }

    @Test
    @DisplayName("each cluster gets one provider for its context, and every Kubernetes object names one explicitly")
    void oneProviderPerClusterNoDefaultProvider() {
        declareMesh(false);
        var providers = mocks.registrations(r -> r.type().equals(RegisteredNames.K8S_PROVIDER));
        assertEquals(List.of("p-k8s", "r-k8s"), providers.stream().map(SimulatedClusters.Registration::name).sorted().toList());
        assertEquals("ctx-p", mocks.registration(RegisteredNames.K8S_PROVIDER, "p-k8s").inputs().get("context"));
        var objects = mocks.registrations(SimulatedClusters.Registration::isKubernetesObject);
        assertFalse(objects.isEmpty());
        for (var object : objects) {
            assertFalse(object.provider().isEmpty(), object.name() + " is on a default provider");
            var expected = object.name().startsWith("r-") ? "r-k8s" : "p-k8s";
            assertEquals(expected, SimulatedClusters.providerName(object.provider()), object.name());
        }
    }

    @Test
    @DisplayName("the remote secret lands in the primary, labelled for istiod, with tls-server-name; the remote dials the primary's gateway")
    void remoteSecretInPrimaryAndPilotAddress() {
        declareMesh(false);
        // with one primary the secret keeps its former name through an alias; its own name says which primary holds it
        var secret = mocks.registration(RegisteredNames.SECRET, "link-p-istio-remote-secret-r");
        assertEquals("p-k8s", SimulatedClusters.providerName(secret.provider()));
        var metadata = secret.map("metadata");
        assertEquals("istio-system", metadata.get("namespace"));
        assertEquals(Map.of("istio/multiCluster", "true", "app.kubernetes.io/managed-by", "istio-multicluster"),
                metadata.get("labels"));
        assertEquals(Map.of("networking.istio.io/cluster", "r"), metadata.get("annotations"));
        assertTrue(String.valueOf(secret.map("stringData").get("r")).contains("tls-server-name: r.internal"));

        var remoteIstiod = mocks.registration(RegisteredNames.RELEASE, "r-istiod");
        @SuppressWarnings("unchecked")
        var global = (Map<String, Object>) remoteIstiod.map("values").get("global");
        assertEquals(SimulatedClusters.simulatedAddress(0), global.get("remotePilotAddress"),
                "the primary's provider is the first, so its gateway has the first address");
    }

    @Test
    @DisplayName("a watched primary without reader access, and a cluster without gateway across networks, are refused")
    void watchedClustersNeedReaderAccessAndGateways() {
        // WHEN a second primary is watched but was declared without reader access
        var noReader = failRun(ctx -> {
            var ca = ca("a", "b");
            var a = new PrimaryCluster("a", PrimaryClusterArgs.builder().cluster(cluster("a", "n", ca)).watched(true).build(), null);
            var b = new PrimaryCluster("b", PrimaryClusterArgs.builder().cluster(cluster("b", "n", ca)).build(), null);
            new MeshLink("link", MeshLinkArgs.builder().watchers(List.of(a.handle(), b.handle()))
                    .watched(a.handle(), ApiEndpoint.of("https://a.example:6443"))
                    .watched(b.handle(), ApiEndpoint.of("https://b.example:6443")).build());
        });
        // THEN the rule names the cluster
        assertTrue(noReader.contains("MeshLinkArgs: watched cluster 'b' has no reader access"), noReader);
        PulumiTest.cleanup();

        // WHEN two primaries on different networks have no east-west gateway
        var noGateway = failRun(ctx -> {
            var ca = ca("a", "b");
            var a = new PrimaryCluster("a", PrimaryClusterArgs.builder().cluster(cluster("a", "n1", ca)).watched(true).build(), null);
            var b = new PrimaryCluster("b", PrimaryClusterArgs.builder().cluster(cluster("b", "n2", ca)).watched(true).build(), null);
            new MeshLink("link", MeshLinkArgs.builder().watchers(List.of(a.handle(), b.handle()))
                    .watched(a.handle(), ApiEndpoint.of("https://a.example:6443"))
                    .watched(b.handle(), ApiEndpoint.of("https://b.example:6443")).build());
        });
        assertTrue(noGateway.contains("MeshLinkArgs: cluster 'a' has no east-west gateway, but the mesh spans several networks"),
                noGateway);
        assertEquals(List.of(), mocks.registrations(r -> r.name().startsWith("link-")));
    }

    @Test
    @DisplayName("a watched cluster's API server is checked when the link's args are built, before anything is registered")
    void watchedApiServerCheckedBeforeRegistering() {
        var refused = failRun(ctx -> {
            var ca = ca("p", "r");
            var primary = new PrimaryCluster("p", PrimaryClusterArgs.builder().cluster(cluster("p", "n", ca)).servesRemotes(true).build(), null);
            var remote = new RemoteCluster("r", RemoteClusterArgs.builder().cluster(cluster("r", "n", ca)).primaryClusterName("p")
                    .remotePilotAddress("192.0.2.10").build(), null);
            new MeshLink("link", MeshLinkArgs.builder().watcher(primary.handle())
                    .watched(remote.handle(), ApiEndpoint.of("https://robot:Zq7/Slash@r.example:6443")).build());
        });
        assertTrue(refused.contains("MeshLinkArgs: watched cluster 'r': 'server' must not carry credentials (user info or a"
                + " query string; got 'https://***@r.example:6443')"), refused);
        assertFalse(refused.contains("Zq7") || refused.contains("Slash"), refused);
        assertEquals(List.of(), mocks.registrations(r -> r.name().startsWith("link")));
    }
}
