package io.istiomc.bench;

import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.ReleaseOverrides;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.config.ClusterRole;
import io.istiomc.config.MeshConfig;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration the benchmark plans, built as a validated {@link MeshConfig}: primaries
 * {@code primary1..P} on {@code pnetwork1..P} and remotes {@code remote1..N} on {@code network1..N},
 * remote k served by primary ((k-1) mod P)+1, each context named after its cluster. Every cluster has
 * its {@code apiServer}, so no kubeconfig is read; samples are off.
 */
public final class BenchStack {
    public static final String STACK = "bench";
    public static final String ISTIO_VERSION = "1.30.3";
    public static final String CHART_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";

    private BenchStack() {
    }

    /** The configuration of {@code primaries} primaries (at least 1) and {@code remotes} remotes (0 or more). */
    public static MeshConfig of(int primaries, int remotes) {
        if (primaries < 1 || remotes < 0) {
            throw new IllegalArgumentException("primaries must be 1 or more and remotes 0 or more (got " + primaries
                    + " and " + remotes + ")");
        }
        var clusters = new ArrayList<MeshConfig.Cluster>();
        for (int p = 1; p <= primaries; p++) {
            clusters.add(cluster("primary" + p, ClusterRole.PRIMARY, "pnetwork" + p, Optional.empty()));
        }
        for (int k = 1; k <= remotes; k++) {
            clusters.add(cluster("remote" + k, ClusterRole.REMOTE, "network" + k,
                    Optional.of("primary" + ((k - 1) % primaries + 1))));
        }
        return new MeshConfig("mesh1", new MeshConfig.Istio(ISTIO_VERSION, CHART_REPOSITORY), clusters,
                new MeshConfig.Ca(3650, 730, 4096, false, 0), new MeshConfig.Samples(false, "sample"));
    }

    private static MeshConfig.Cluster cluster(String name, ClusterRole role, String network, Optional<String> controlPlane) {
        return new MeshConfig.Cluster(name, role, name, network, Optional.empty(),
                Optional.of("https://api." + name + ".example:6443"), Optional.empty(), controlPlane,
                new MeshConfig.Gateway(Optional.empty(), EastWestGatewayArgs.DEFAULT_PORT,
                        GatewayServiceType.LOAD_BALANCER, Map.of()), false, 0, ReleaseOverrides.none());
    }
}
