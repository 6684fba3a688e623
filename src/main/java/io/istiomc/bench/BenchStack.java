package io.istiomc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.istiomc.config.MeshConfig;
import io.istiomc.config.RawConfig;

import java.util.Map;

/**
 * The stack configuration the benchmark plans, built in memory: one primary {@code cluster0} on
 * {@code network0} and remotes {@code remote1..N} on {@code network1..N}, each context named after
 * its cluster. Every remote has its {@code apiServer}, so no kubeconfig is read; samples are off.
 */
public final class BenchStack {
    public static final String STACK = "bench";
    public static final String ISTIO_VERSION = "1.30.3";
    public static final String CHART_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = MeshConfig.NAMESPACE + ":";

    private BenchStack() {
    }

    /** The configuration of 1 primary and {@code remotes} remotes (0 for the primary alone). */
    public static RawConfig of(int remotes) {
        if (remotes < 0) {
            throw new IllegalArgumentException("remotes must be 0 or more (got " + remotes + ")");
        }
        ArrayNode clusters = JSON.createArrayNode();
        clusters.addObject().put("name", "cluster0").put("role", "primary").put("context", "cluster0")
                .put("network", "network0");
        for (int k = 1; k <= remotes; k++) {
            clusters.addObject().put("name", "remote" + k).put("role", "remote").put("context", "remote" + k)
                    .put("network", "network" + k).put("apiServer", "https://api.remote" + k + ".example:6443");
        }
        var istio = JSON.createObjectNode().put("version", ISTIO_VERSION).put("chartRepository", CHART_REPOSITORY);
        var samples = JSON.createObjectNode().put("enabled", false);
        return new RawConfig(Map.of(
                NS + "meshId", "mesh1",
                NS + "istio", istio.toString(),
                NS + "clusters", clusters.toString(),
                NS + "samples", samples.toString()));
    }
}
