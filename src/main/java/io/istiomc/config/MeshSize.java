package io.istiomc.config;

import java.util.Optional;

/**
 * The largest mesh the program plans, bounded by its work: every cluster's own resources (about 12
 * for a remote, more for a primary), and a remote secret in every primary for every other cluster it
 * watches (every primary watches every other cluster, so {@code primaries x (clusters - 1)} of them).
 * The plan's time grows with the resources: 1 primary with 200 remotes (2,417 resources) plans in
 * about 7 s on 2 cores; 60 primaries (3,540 remote secrets) took 24 s and 1,000 remotes 99 s, which
 * these bounds refuse. The largest accepted mesh, 10 primaries with 240 remotes, has about 5,600
 * resources. The stack config and {@code bench} are held to the same rule.
 */
public final class MeshSize {
    /** The most clusters in one mesh. */
    public static final int MAX_CLUSTERS = 250;
    /** The most remote secrets, {@code primaries x (clusters - 1)}. */
    public static final int MAX_REMOTE_SECRETS = 2_500;

    private MeshSize() {
    }

    /** The remote secrets of a mesh: every primary holds one for every other cluster. */
    public static long remoteSecrets(int primaries, int clusters) {
        return clusters == 0 ? 0 : (long) primaries * (clusters - 1);
    }

    /** What is wrong with a mesh of this size, if anything: both numbers, the bounds and the fix. */
    public static Optional<String> check(int primaries, int clusters) {
        var secrets = remoteSecrets(primaries, clusters);
        if (clusters <= MAX_CLUSTERS && secrets <= MAX_REMOTE_SECRETS) {
            return Optional.empty();
        }
        return Optional.of("lists " + clusters + " clusters, " + primaries + " of them primaries, which needs " + secrets
                + " remote secrets (every primary holds one for every other cluster: primaries x (clusters - 1));"
                + " this program plans at most " + MAX_CLUSTERS + " clusters and " + MAX_REMOTE_SECRETS
                + " remote secrets: split the mesh, or use fewer primaries");
    }
}
