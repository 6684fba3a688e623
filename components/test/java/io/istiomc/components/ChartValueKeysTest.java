package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The known keys of the pinned charts, read from the charts' own files in the library's resources. */
class ChartValueKeysTest {
    @ParameterizedTest(name = "{0} takes {1}")
    @CsvSource({
            "istiod, replicaCount", "istiod, resources.limits.cpu", "istiod, env.PILOT_TRACE_SAMPLING",
            "istiod, podAnnotations.example.com/team", "istiod, meshConfig.accessLogFile",
            "istiod, meshConfig.defaultConfig.holdApplicationUntilProxyStarts", "istiod, pdb.minAvailable",
            "istiod, pdb.maxUnavailable", "istiod, autoscaleMin", "istiod, nodeSelector.kubernetes.io/os",
            "istiod, tolerations", "istiod, global.proxy.resources.requests.cpu",
            "base, global.istioNamespace", "base, base.excludedCRDs",
            "gateway, replicaCount", "gateway, resources.requests.ephemeral-storage", "gateway, podDisruptionBudget.minAvailable",
            "gateway, autoscaling.enabled", "gateway, podAnnotations.example.com/team", "gateway, affinity.nodeAffinity",
            "gateway, labels.team", "gateway, nodeSelector.pool"})
    @DisplayName("keys the chart declares, and any key below its free-form maps, are accepted")
    void accepted(String chart, String path) {
        assertTrue(ChartValueKeys.of(chart).accepts(path));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource({"istiod, replicaCountt", "istiod, pilot.replicaCount", "istiod, pilot.env.X", "istiod, pdb.minAvailablee",
            "base, global.hub", "gateway, autoscaling.maxReplica", "gateway, podDisruptionBudget.min", "gateway, replicas"})
    @DisplayName("keys the chart does not have are refused")
    void refused(String chart, String path) {
        assertFalse(ChartValueKeys.of(chart).accepts(path));
    }

    @Test
    @DisplayName("a refusal names the chart, its version and the value, with the nearest known key")
    void refusalWithHint() {
        assertEquals(List.of(new Problem("pilot.replicaCountt",
                        "istiod 1.30.3 has no value 'pilot.replicaCountt' (did you mean 'replicaCount'?)")),
                ChartValueKeys.of("istiod").check(Map.of("pilot", Map.of("replicaCountt", 2))));
        assertEquals(List.of(new Problem("autoscaling.maxReplica",
                        "gateway 1.30.3 has no value 'autoscaling.maxReplica' (did you mean 'autoscaling.maxReplicas'?)")),
                ChartValueKeys.of("gateway").check(Map.of("autoscaling", Map.of("maxReplica", 3))));
        assertEquals(List.of(new Problem("pilot.resources.requests.cpu",
                        "istiod 1.30.3 has no value 'pilot.resources.requests.cpu' (did you mean 'resources.requests.cpu'?)")),
                ChartValueKeys.of("istiod").check(Map.of("pilot", Map.of("resources", Map.of("requests", Map.of("cpu", "1"))))));
    }

    @Test
    @DisplayName("a key far from every known one is refused without a hint")
    void noHint() {
        assertEquals(List.of(new Problem("frobnicate", "base 1.30.3 has no value 'frobnicate'")),
                ChartValueKeys.of("base").check(Map.of("frobnicate", true)));
    }

    @Test
    @DisplayName("values of known keys give no problem")
    void knownValues() {
        assertEquals(List.of(), ChartValueKeys.of("istiod").check(Map.of("replicaCount", 2, "pdb", Map.of("minAvailable", 1),
                "resources", Map.of("requests", Map.of("cpu", "500m")), "nodeSelector", Map.of())));
    }

    @Test
    @DisplayName("only the charts the mesh installs have keys")
    void unsupportedChart() {
        assertThrows(IllegalArgumentException.class, () -> ChartValueKeys.of("cni"));
    }
}
