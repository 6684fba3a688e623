package io.istiomc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interface of {@code plan}: arguments, exit status, JSON document and files. */
class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    @DisplayName("without a command, outside the Pulumi engine, it says how to use it and exits 1")
    void usageWithoutCommand() {
        var run = run();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("java -jar target/istio-multicluster.jar plan [--stack NAME | --config-file FILE]"), run.err());
        assertTrue(run.err().contains("pulumi up"));
        assertEquals("", run.out());
    }

    @Test
    @DisplayName("the default stack is dev, printed as text with every cluster, the wiring and the outputs")
    void defaultStackText() {
        var run = run("plan");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Plan of stack 'dev': 2 clusters (1 primary, 1 remote, 2 networks)"), run.out());
        assertTrue(run.out().contains("cluster2 (remote of cluster1, context cluster2): "));
        assertTrue(run.out().contains("  cluster2       remote   control plane cluster1       context cluster2       network network2"),
                run.out());
        assertTrue(run.out().contains("-> Release istio-system/istiod (chart istiod 1.30.3): global.remotePilotAddress = 192.0.2.10"));
        assertTrue(run.out().contains("-> ConfigMapPatch istio-system/istio: meshNetworks"));
        assertTrue(run.out().contains("  verifyCommands:\n"));
    }

    @Test
    @DisplayName("the JSON document has stack, clusters, resources with cluster, provider, parent, dependsOn and inputs, and outputs")
    void jsonContract() throws Exception {
        var run = run("plan", "--stack", "dev", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(List.of("clusters", "outputs", "resources", "stack"), fieldNames(doc));
        assertEquals("dev", doc.path("stack").asText());
        var cluster2 = doc.path("clusters").get(1);
        assertEquals("cluster2", cluster2.path("name").asText());
        assertEquals("remote", cluster2.path("role").asText());
        assertEquals("cluster1", cluster2.path("controlPlane").asText());
        assertTrue(doc.path("clusters").get(0).path("controlPlane").isMissingNode(), "a primary has no control plane of its own");
        assertEquals("remote", cluster2.path("role").asText());
        assertEquals("198.51.100.10", cluster2.path("gatewayAddress").path("value").asText());
        assertTrue(cluster2.path("gatewayAddress").path("simulated").asBoolean());
        JsonNode istiod = null;
        for (var r : doc.path("resources")) {
            for (var field : List.of("urn", "type", "name", "cluster", "provider", "parent", "dependsOn", "inputs")) {
                assertTrue(r.has(field), field + " missing in " + r.path("urn").asText());
            }
            if (r.path("name").asText().equals("cluster2-istiod")) {
                istiod = r;
            }
        }
        assertEquals("cluster2", istiod.path("cluster").asText());
        assertTrue(istiod.path("provider").asText().endsWith("pulumi:providers:kubernetes::cluster2-k8s"));
        assertTrue(istiod.path("parent").asText().endsWith(io.istiomc.components.RemoteCluster.TYPE + "::cluster2"));
        assertEquals("192.0.2.10", istiod.path("inputs").path("values").path("global").path("remotePilotAddress").asText());
        assertTrue(istiod.path("dependsOn").isArray() && istiod.path("dependsOn").size() > 0);
        assertEquals("[secret]", findByName(doc, "cluster2-cacerts").path("inputs").path("stringData").asText());
        assertTrue(doc.path("outputs").path("meshNetworks").asText().startsWith("networks:"));
    }

    @Test
    @DisplayName("the same stack gives byte-identical output, text and JSON")
    void deterministic() {
        assertEquals(run("plan", "--format", "json").out(), run("plan", "--format", "json").out());
        assertEquals(run("plan").out(), run("plan").out());
    }

    @Test
    @DisplayName("--out writes one file per object and per release for each cluster, secret data replaced by a placeholder")
    void outWritesFiles(@TempDir Path dir) throws Exception {
        var run = run("plan", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("cluster1/00-namespace-istio-system.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("cluster1/10-gateway-istio-system-cross-network-gateway.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("cluster2/06-secret-istio-system-istio-reader-service-account-token.yaml")));
        // the reader's account and rights are the charts' (helm/), not objects of our own
        assertFalse(Files.exists(dir.resolve("cluster2/02-clusterrole-istio-multicluster-reader.yaml")));
        var release = new YAMLMapper().readTree(dir.resolve("cluster2/helm/istiod.yaml").toFile());
        assertEquals("istiod", release.path("chart").asText());
        assertEquals("1.30.3", release.path("version").asText());
        assertEquals("https://istio-release.storage.googleapis.com/charts", release.path("repository").asText());
        assertEquals("remote", release.path("values").path("profile").asText());
        var secret = new YAMLMapper().readTree(dir.resolve("cluster1/06-secret-istio-system-istio-remote-secret-cluster2.yaml").toFile());
        assertEquals("v1", secret.path("apiVersion").asText());
        assertEquals("Secret", secret.path("kind").asText());
        assertEquals(PlanWriter.SECRET_PLACEHOLDER, secret.path("stringData").path("cluster2").asText());
        assertEquals(1, secret.path("stringData").size());
        var patch = new YAMLMapper().readTree(dir.resolve("cluster1/patches/configmap-istio-system-istio.yaml").toFile());
        assertEquals("ConfigMap", patch.path("kind").asText());
        assertTrue(patch.path("data").path("meshNetworks").asText().startsWith("networks:"));
        assertFalse(Files.exists(dir.resolve("cluster1/07-configmap-istio-system-istio.yaml")), "a patch is not a plain object");
        try (Stream<Path> files = Files.walk(dir)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("simulated private key"), file.toString());
            }
        }
    }

    @Test
    @DisplayName("an invalid stack exits 2 with the key named on stderr; unusable arguments exit 1")
    void exitStatus(@TempDir Path dir) throws Exception {
        var stack = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(stack, "config:\n  istio-multicluster:meshId: Mesh_1\n");
        var run = run("plan", "--config-file", stack.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("istio-multicluster:meshId: must be a DNS-1123 label (got 'Mesh_1')"), run.err());
        assertTrue(run.err().contains("istio-multicluster:clusters: is required"), run.err());
        assertEquals("", run.out());
        assertEquals(1, run("plan", "--format", "yaml").exitCode());
        assertEquals(1, run("plan", "--stack", "nosuchstack").exitCode());
        assertEquals(1, run("plan", "--bogus", "x").exitCode());
        assertEquals(1, run("deploy").exitCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static JsonNode findByName(JsonNode doc, String name) {
        for (var r : doc.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }
}
