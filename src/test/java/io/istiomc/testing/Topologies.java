package io.istiomc.testing;

import io.istiomc.plan.Plan;

import java.nio.file.Path;
import java.util.List;

/**
 * Istio's four multicluster topologies and a mix of them, as stack files: Istio's guides
 * {@code primary-remote}, {@code primary-remote_multi-network} (the dev stack),
 * {@code multi-primary}, {@code multi-primary_multi-network}, and two primaries with two remotes
 * each on three networks ({@code stacks/Pulumi.mixed.yaml}).
 */
public final class Topologies {
    public static final String PRIMARY_REMOTE = "primary-remote";
    public static final String PRIMARY_REMOTE_MULTINETWORK = "primary-remote-multinetwork";
    public static final String MULTI_PRIMARY = "multi-primary";
    public static final String MULTI_PRIMARY_MULTINETWORK = "multi-primary-multinetwork";
    public static final String MIXED = "mixed";
    public static final List<String> ALL = List.of(PRIMARY_REMOTE, PRIMARY_REMOTE_MULTINETWORK, MULTI_PRIMARY,
            MULTI_PRIMARY_MULTINETWORK, MIXED);
    /** The tls-server-name the mixed stack gives cluster {@code west}. */
    public static final String WEST_TLS_SERVER_NAME = "kubernetes.west.internal";

    private Topologies() {
    }

    /** The stack file of a topology. */
    public static Path stackFile(String topology) {
        return switch (topology) {
            case PRIMARY_REMOTE_MULTINETWORK -> Path.of("Pulumi.dev.yaml");
            case PRIMARY_REMOTE, MULTI_PRIMARY, MULTI_PRIMARY_MULTINETWORK, MIXED -> Path.of("stacks", "Pulumi." + topology + ".yaml");
            default -> throw new IllegalArgumentException("unsupported topology '" + topology + "'");
        };
    }

    /** The plan of a topology's stack file, as the offline plan makes it. */
    public static Plan plan(String topology) {
        return MeshFixture.plan(stackFile(topology));
    }
}
