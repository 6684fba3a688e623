package io.istiomc.safety;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.istiomc.safety.SafetyFixture.RELEASE;
import static io.istiomc.safety.SafetyFixture.STACK;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user's Helm values reach every release as Helm would merge them: {@code istio.values}, then
 * {@code clusters[].values}, then the typed keys, then the mesh's own values, which still win.
 */
class ReleaseValuesTest {
    private static final String FILE = "safety/values/mesh-and-cluster-values.yaml";
    private static Plan plan;

    @BeforeAll
    static void plan() {
        plan = PlanRunner.run(STACK, raw(testResource(FILE)), List.of());
    }

    private static RecordedResource release(String name) {
        return plan.resource(RELEASE, name);
    }

    private static Object value(String release, String path) {
        return release(release).input("values." + path).orElse(null);
    }

    /** A number as the plan records it (a whole number as a long). */
    private static long number(String release, String path) {
        return ((Number) value(release, path)).longValue();
    }

    @Test
    @DisplayName("a cluster's values win over the mesh's, which reach every cluster; a cluster's null removes a mesh value (the chart's default applies)")
    void clusterOverMesh() {
        assertEquals(3, number("cluster1-istiod", "replicaCount"));
        assertEquals(2, number("cluster2-istiod", "replicaCount"));
        assertEquals(1, number("cluster1-istiod", "pdb.minAvailable"));
        assertEquals("system", value("cluster1-istiod", "nodeSelector.pool"));
        @SuppressWarnings("unchecked")
        var values = (Map<String, Object>) release("cluster1-istiod").input("values").orElseThrow();
        assertFalse(values.containsKey("autoscaleMin"), "the cluster's null removes the mesh's value");
        assertEquals(2, number("cluster2-istiod", "autoscaleMin"));
        assertEquals(2, number("cluster2-eastwestgateway", "replicaCount"));
        assertEquals("512Mi", value("cluster2-eastwestgateway", "resources.limits.memory"));
        assertEquals(null, value("cluster1-eastwestgateway", "resources"));
    }

    @Test
    @DisplayName("the mesh's own values stay next to the user's in the same maps")
    void meshValuesStay() {
        assertEquals("mesh1", value("cluster1-istiod", "global.meshID"));
        assertEquals("cluster1", value("cluster1-istiod", "global.multiCluster.clusterName"));
        assertEquals("network2", value("cluster2-istiod", "global.network"));
        assertTrue(value("cluster2-istiod", "global.remotePilotAddress") instanceof String);
        assertEquals("network2", value("cluster2-eastwestgateway", "networkGateway"));
        assertEquals("None", value("cluster2-eastwestgateway", "service.type"));
        assertEquals(true, value("cluster2-base", "global.enableReaderRBAC"));
        assertEquals("/dev/stdout", value("cluster1-istiod", "meshConfig.accessLogFile"));
    }

    @Test
    @DisplayName("the typed keys become each chart's values: registry, tag, pull secrets (a cluster's replace the mesh's), DNS proxying")
    void typedKeys() {
        assertEquals("mirror.example.com/istio", value("cluster1-istiod", "global.hub"));
        assertEquals("1.30.3-distroless", value("cluster1-istiod", "global.tag"));
        assertEquals(List.of("mirror-pull"), value("cluster1-istiod", "global.imagePullSecrets"));
        assertEquals(List.of("mirror-pull"), value("cluster1-base", "global.imagePullSecrets"));
        assertEquals(List.of(Map.of("name", "mirror-pull")), value("cluster1-eastwestgateway", "imagePullSecrets"));
        assertEquals(List.of("remote-pull"), value("cluster2-base", "global.imagePullSecrets"));
        assertEquals(List.of(Map.of("name", "remote-pull")), value("cluster2-eastwestgateway", "imagePullSecrets"));
        assertEquals(Map.of("ISTIO_META_DNS_CAPTURE", "true", "ISTIO_META_DNS_AUTO_ALLOCATE", "true"),
                value("cluster1-istiod", "meshConfig.defaultConfig.proxyMetadata"));
    }

    @Test
    @DisplayName("a value under a credential-looking key is a Pulumi secret; its neighbours are not")
    void credentialIsSecret() {
        var istiod = release("cluster1-istiod");
        assertTrue(istiod.isSecret("values.global.tracer.lightstep.accessToken"));
        assertFalse(istiod.isSecret("values.global.tracer.lightstep.address"));
        assertEquals("lightstep-t0ken", istiod.input("values.global.tracer.lightstep.accessToken").orElseThrow());
    }

    @Test
    @DisplayName("the plan prints every release's merged values, the credential redacted, and --out writes them")
    void planPrintsAndWritesValues(@TempDir Path dir) throws Exception {
        var out = dir.resolve("out");
        var run = CliRun.run("plan", "--config-file", testResource(FILE).toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("\n  cluster1 istiod (chart istiod)\n"), run.out());
        assertTrue(run.out().contains("\n    replicaCount: 3\n"), run.out());
        // a string that reads as a boolean is quoted: the proxy metadata is the text "true"
        assertTrue(run.out().contains("\n    meshConfig.defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE: \"true\"\n"), run.out());
        assertTrue(run.out().contains("\n    global.tracer.lightstep.accessToken: [secret]\n"), run.out());
        assertTrue(run.out().contains("\n    imagePullSecrets: [{\"name\":\"remote-pull\"}]\n"), run.out());
        assertFalse(run.all().contains("lightstep-t0ken"));
        var written = new YAMLMapper().readTree(out.resolve("cluster1/helm/istiod.yaml").toFile()).path("values");
        assertEquals(3, written.path("replicaCount").asInt());
        assertEquals("mirror.example.com/istio", written.path("global").path("hub").asText());
        assertEquals("mesh1", written.path("global").path("meshID").asText());
        try (var files = Files.walk(out)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("lightstep-t0ken"), file.toString());
            }
        }
    }
}
