package io.istiomc.components;

import com.pulumi.test.PulumiTest;
import io.istiomc.components.inputs.ClusterArgs;
import io.istiomc.components.inputs.IstioCharts;
import io.istiomc.components.inputs.MeshCertificateAuthorityArgs;
import io.istiomc.components.inputs.MeshLinkArgs;
import io.istiomc.components.inputs.PrimaryClusterArgs;
import io.istiomc.components.inputs.RemoteClusterArgs;
import io.istiomc.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The components used directly, as a library user would, under the library's own mocks. */
class MeshLinkTest {
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static ClusterArgs cluster(String name, MeshCertificateAuthority ca) {
        return ClusterArgs.builder().clusterName(name).context("ctx-" + name).network("net-" + name).meshId("m")
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY)).certificates(ca.bundle(name)).build();
    }

    /** A primary, one remote and the link between them, declared directly. */
    private void declareMesh(boolean linkRemoteTwice) {
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> {
            var ca = new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder().clusterNames(List.of("p", "r")).build());
            var primary = new PrimaryCluster("p", PrimaryClusterArgs.builder().cluster(cluster("p", ca)).build());
            var remote = new RemoteCluster("r", RemoteClusterArgs.builder().cluster(cluster("r", ca)).primaryClusterName("p")
                    .remotePilotAddress(primary.gatewayAddress()).apiServer("https://r.example:6443").build());
            new MeshLink("link", MeshLinkArgs.builder().primary(primary)
                    .remotes(linkRemoteTwice ? List.of(remote, remote) : List.of(remote)).build());
        });
        if (!linkRemoteTwice) {
            result.throwOnError();
        } else {
            assertFalse(result.exceptions().isEmpty() && result.errors().isEmpty(), "the run should have failed");
            var message = result.exceptions().stream().map(Throwable::getMessage).reduce("", String::concat)
                    + String.join("", result.errors());
            assertTrue(message.contains("MeshLinkArgs: 'remotes' names cluster 'r' twice, or names the primary; list each remote once"),
                    message);
        }
    }

    @Test
    @DisplayName("a remote listed twice is refused before MeshLink registers anything")
    void remoteListedTwice() {
        declareMesh(true);
        assertEquals(List.of(), mocks.registrations(r -> r.name().startsWith("link")));
    }

    @Test
    @DisplayName("each cluster gets one provider for its context, and every Kubernetes object names one explicitly")
    void oneProviderPerClusterNoDefaultProvider() {
        declareMesh(false);
        var providers = mocks.registrations(r -> r.type().equals("pulumi:providers:kubernetes"));
        assertEquals(List.of("p-k8s", "r-k8s"), providers.stream().map(RecordingMocks.Registration::name).sorted().toList());
        assertEquals("ctx-p", mocks.registration("pulumi:providers:kubernetes", "p-k8s").inputs().get("context"));
        var objects = mocks.registrations(RecordingMocks.Registration::isKubernetesObject);
        assertFalse(objects.isEmpty());
        for (var object : objects) {
            assertFalse(object.provider().isEmpty(), object.name() + " is on a default provider");
            var expected = object.name().startsWith("r-") ? "r-k8s" : "p-k8s";
            assertEquals(expected, RecordingMocks.providerName(object.provider()), object.name());
        }
    }

    @Test
    @DisplayName("the remote secret lands in the primary, labelled for istiod, and the remote dials the primary's gateway")
    void remoteSecretInPrimaryAndPilotAddress() {
        declareMesh(false);
        var secret = mocks.registration("kubernetes:core/v1:Secret", "link-istio-remote-secret-r");
        assertEquals("p-k8s", RecordingMocks.providerName(secret.provider()));
        var metadata = secret.map("metadata");
        assertEquals("istio-system", metadata.get("namespace"));
        assertEquals(Map.of("istio/multiCluster", "true", "app.kubernetes.io/managed-by", "istio-multicluster"),
                metadata.get("labels"));
        assertEquals(Map.of("networking.istio.io/cluster", "r"), metadata.get("annotations"));

        var remoteIstiod = mocks.registration("kubernetes:helm.sh/v3:Release", "r-istiod");
        @SuppressWarnings("unchecked")
        var global = (Map<String, Object>) remoteIstiod.map("values").get("global");
        assertEquals(RecordingMocks.loadBalancerIp(0), global.get("remotePilotAddress"),
                "the primary's provider is the first, so its gateway has the first address");
    }
}
