package io.istiomc.bench;

import io.istiomc.components.ClusterRole;
import io.istiomc.components.IstioArgs;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshClusterArgs;
import io.istiomc.config.StackConfig;

import java.util.ArrayList;
import java.util.Optional;

/**
 * The configuration the benchmark plans, built as the library's {@link MeshArgs}: primaries
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
    public static StackConfig of(int primaries, int remotes) {
        if (primaries < 1 || remotes < 0) {
            throw new IllegalArgumentException("primaries must be 1 or more and remotes 0 or more (got " + primaries
                    + " and " + remotes + ")");
        }
        var mesh = MeshArgs.builder().meshId("mesh1")
                .istio(IstioArgs.builder().version(ISTIO_VERSION).chartRepository(CHART_REPOSITORY).build());
        var kubeconfigs = new ArrayList<Optional<StackConfig.Kubeconfig>>();
        for (int p = 1; p <= primaries; p++) {
            // A primary is watched, and needs its API server, when there is another.
            mesh.cluster(cluster("primary" + p, ClusterRole.PRIMARY, "pnetwork" + p, null, primaries > 1));
            kubeconfigs.add(Optional.empty());
        }
        for (int k = 1; k <= remotes; k++) {
            mesh.cluster(cluster("remote" + k, ClusterRole.REMOTE, "network" + k, "primary" + ((k - 1) % primaries + 1), true));
            kubeconfigs.add(Optional.empty());
        }
        return new StackConfig(mesh.build(), kubeconfigs);
    }

    private static MeshClusterArgs cluster(String name, ClusterRole role, String network, String controlPlane,
                                           boolean watched) {
        return MeshClusterArgs.builder().name(name).role(role).context(name).network(network).controlPlane(controlPlane)
                .apiServer(watched ? "https://api." + name + ".example:6443" : null)
                .build();
    }
}
