package io.istiomc.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.components.simulation.SimulatedClusters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.istiomc.safety.SafetyFixture.CONFIG_MAP_PATCH;
import static io.istiomc.safety.SafetyFixture.SECRET;
import static io.istiomc.safety.SafetyFixture.NAMESPACE;
import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.plan;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.stack;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The valid edge cases the validator must not reject. */
class AcceptedEdgeCasesTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    @DisplayName("remotes on the primary's network are accepted, and meshNetworks lists both clusters and both gateways under it")
    void remoteSharingThePrimaryNetwork() throws Exception {
        // GIVEN cluster2 on network1 with the primary, cluster3 on its own network
        var yaml = stack().remotes(2).network(2, "network1").yaml();
        // WHEN it is validated and planned
        assertDoesNotThrow(() -> MeshConfigReader.read(raw(yaml)));
        var plan = plan(yaml);
        // THEN network1 has both clusters as endpoints and both gateways; network3 has cluster3 alone
        var meshNetworks = YAML.readTree((String) plan.outputs().get("meshNetworks")).path("networks");
        assertEquals(List.of("network1", "network3"), fieldNames(meshNetworks));
        assertEquals(List.of("cluster1", "cluster2"), registries(meshNetworks.path("network1")));
        assertEquals(List.of(SimulatedClusters.simulatedAddress(0), SimulatedClusters.simulatedAddress(1)),
                gatewayAddresses(meshNetworks.path("network1")));
        assertEquals(List.of("cluster3"), registries(meshNetworks.path("network3")));
        assertEquals(List.of(SimulatedClusters.simulatedAddress(2)), gatewayAddresses(meshNetworks.path("network3")));
        // AND the ConfigMap patch istiod reads carries the same document
        assertEquals(plan.outputs().get("meshNetworks"),
                plan.resource(CONFIG_MAP_PATCH, "mesh-link-cluster1-mesh-networks").input("data.meshNetworks").orElseThrow());
    }

    @Test
    @DisplayName("a primary alone (0 remotes) is accepted: no remote secrets, no meshNetworks, no gateway, no reader")
    void primaryWithoutRemotes() throws Exception {
        // GIVEN one primary and no remotes
        var yaml = stack().remotes(0).yaml();
        // WHEN it is planned
        var plan = plan(yaml);
        // THEN nothing remote is created, and a mesh on one network needs neither meshNetworks nor a gateway
        assertEquals(List.of(), plan.resources(r -> r.type().equals(SECRET) && r.name().startsWith("mesh-link-")));
        assertEquals(Map.of("cluster1", List.of()), plan.outputs().get("remoteSecrets"));
        assertFalse(plan.outputs().containsKey("meshNetworks"));
        assertEquals(List.of(), plan.resources(r -> r.type().equals(CONFIG_MAP_PATCH)));
        assertEquals(List.of(), plan.resources(r -> r.name().contains("eastwestgateway") || r.name().contains("reader")));
    }

    @Test
    @DisplayName("a primary with 20 remotes is accepted: 20 remote secrets and 21 networks, each with its own gateway")
    void primaryWithTwentyRemotes() throws Exception {
        // GIVEN one primary and 20 remotes
        var yaml = stack().remotes(20).yaml();
        // WHEN it is planned
        var plan = plan(yaml);
        // THEN every remote has its secret in the primary, and every network its gateway
        var expectedSecrets = IntStream.rangeClosed(2, 21).mapToObj(i -> "istio-remote-secret-cluster" + i).toList();
        assertEquals(Map.of("cluster1", expectedSecrets), plan.outputs().get("remoteSecrets"));
        assertEquals(20, plan.resources(r -> r.type().equals(SECRET) && r.name().startsWith("mesh-link-")).size());
        var meshNetworks = YAML.readTree((String) plan.outputs().get("meshNetworks")).path("networks");
        assertEquals(21, meshNetworks.size());
        for (int i = 1; i <= 21; i++) {
            assertEquals(List.of(SimulatedClusters.simulatedAddress(i - 1)), gatewayAddresses(meshNetworks.path("network" + i)));
        }
    }

    @Test
    @DisplayName("plan --config-file exits with 0 for a valid stack on a shared network")
    void cliAcceptsSharedNetwork(@TempDir Path dir) throws Exception {
        // GIVEN a valid stack file
        var file = dir.resolve("Pulumi.shared.yaml");
        Files.writeString(file, stack().remotes(1).network(2, "network1").yaml());
        // WHEN it is planned on the command line
        var result = cli("plan", "--config-file", file.toString(), "--format", "json");
        // THEN the plan is made
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    @DisplayName("two clusters whose contexts share a name in different kubeconfig files stay two clusters in the plan")
    void sameContextNameInTwoKubeconfigFiles(@TempDir Path dir) throws Exception {
        // GIVEN cluster1 and cluster2 both on context 'prod', each in its own kubeconfig file
        var first = Files.writeString(dir.resolve("first"), kubeconfigWithProd("https://first.example:6443"));
        var second = Files.writeString(dir.resolve("second"), kubeconfigWithProd("https://second.example:6443"));
        var yaml = stack().remotes(1).context(1, "prod").context(2, "prod")
                .set("clusters[0].kubeconfig", first.toString()).set("clusters[1].kubeconfig", second.toString()).samples("sample").yaml();
        // WHEN it is planned
        var plan = plan(yaml);
        // THEN each cluster has its own provider, on its own kubeconfig, and its own objects
        for (var cluster : List.of("cluster1", "cluster2")) {
            var provider = plan.resource(SafetyFixture.K8S_PROVIDER, cluster + "-k8s");
            assertEquals("prod", provider.input("context").orElseThrow());
            assertEquals(cluster, plan.clusterOf(provider).orElseThrow());
            assertEquals(cluster, plan.clusterOf(plan.resource(NAMESPACE, cluster + "-istio-system")).orElseThrow());
            assertEquals(cluster, plan.clusterOf(plan.resource(SafetyFixture.SERVICE, cluster + "-eastwestgateway")).orElseThrow());
        }
        assertEquals(first.toString(), plan.resource(SafetyFixture.K8S_PROVIDER, "cluster1-k8s").input("kubeconfig").orElseThrow());
        assertEquals(second.toString(), plan.resource(SafetyFixture.K8S_PROVIDER, "cluster2-k8s").input("kubeconfig").orElseThrow());
        // AND the two gateways get two addresses, the remote's istiod points at the primary's, meshNetworks lists both
        var primaryAddress = plan.gatewayAddress("cluster1").orElseThrow().value();
        var remoteAddress = plan.gatewayAddress("cluster2").orElseThrow().value();
        assertEquals(List.of(SimulatedClusters.simulatedAddress(0), SimulatedClusters.simulatedAddress(1)),
                List.of(primaryAddress, remoteAddress));
        assertEquals(primaryAddress, plan.resource(SafetyFixture.RELEASE, "cluster2-istiod")
                .input("values.global.remotePilotAddress").orElseThrow());
        var meshNetworks = YAML.readTree((String) plan.outputs().get("meshNetworks")).path("networks");
        assertEquals(List.of(remoteAddress), gatewayAddresses(meshNetworks.path("network2")));
        // AND the verify commands name each cluster's own kubeconfig file, since the context alone is ambiguous
        @SuppressWarnings("unchecked")
        var commands = (java.util.Map<String, String>) plan.outputs().get("verifyCommands");
        assertEquals("kubectl exec --kubeconfig=" + second + " --context=prod -n sample -c curl deploy/curl -- curl -sS"
                + " helloworld.sample:5000/hello", commands.get("cluster2"));
        assertTrue(commands.get("cluster1").startsWith("kubectl exec --kubeconfig=" + first + " --context=prod "), commands.get("cluster1"));
        // AND the remote secret lands in the primary only
        assertEquals("cluster1", plan.clusterOf(plan.resource(SafetyFixture.SECRET,
                "mesh-link-cluster1-istio-remote-secret-cluster2")).orElseThrow());
    }

    /** A kubeconfig whose only context is 'prod', on the given server. */
    private static String kubeconfigWithProd(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: %s}
                contexts:
                - name: prod
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {token: t}
                """.formatted(server);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> registries(JsonNode network) {
        var result = new ArrayList<String>();
        network.path("endpoints").forEach(e -> result.add(e.path("fromRegistry").asText()));
        return result;
    }

    private static List<String> gatewayAddresses(JsonNode network) {
        var result = new ArrayList<String>();
        network.path("gateways").forEach(g -> result.add(g.path("address").asText()));
        return result;
    }
}
