package io.istiomc.components.provider;

import com.pulumi.core.Output;
import io.istiomc.components.Relayed;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * Inputs of {@code istio-multicluster:index:PrimaryCluster}: the cluster, as values, and its place
 * in the topology (the flags of {@link io.istiomc.components.PrimaryClusterArgs}, each
 * default false as there).
 */
public final class PrimaryClusterArgs extends ResourceArgs {
    /** The cluster; its gateway must be a LoadBalancer when it serves remotes. */
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster;

    /** Whether remotes use this primary's istiod (exposed through the east-west gateway). Default: false. */
    @Import(name = "servesRemotes")
    private @Nullable Boolean servesRemotes;

    /** Whether the mesh spans more than one network (then the cluster runs the cross-network gateway). Default: false. */
    @Import(name = "multiNetwork")
    private @Nullable Boolean multiNetwork;

    /** Whether another primary watches this cluster (multi-primary): then it carries reader access. Default: false. */
    @Import(name = "watched")
    private @Nullable Boolean watched;

    /**
     * The https URL at which the other primaries reach this cluster's API server, exported as
     * {@code apiServer} for their {@code MeshLink}. Required when {@code watched}.
     */
    @Import(name = "apiServer")
    private @Nullable Output<Output<String>> apiServer;

    private PrimaryClusterArgs() {
    }

    io.istiomc.components.PrimaryClusterArgs toLibrary() {
        if (isWatched() && apiServer == null) {
            throw new IllegalArgumentException("'apiServer' is required when 'watched' is true: the other primaries"
                    + " reach this cluster's API server there");
        }
        return io.istiomc.components.PrimaryClusterArgs.builder()
                .cluster(cluster.toLibrary())
                .servesRemotes(Boolean.TRUE.equals(servesRemotes))
                .multiNetwork(Boolean.TRUE.equals(multiNetwork))
                .watched(isWatched())
                .build();
    }

    private boolean isWatched() {
        return Boolean.TRUE.equals(watched);
    }

    /** Where the other primaries reach this cluster's API server, as given; empty unless watched. */
    Optional<Output<String>> apiServer() {
        return Optional.ofNullable(apiServer).map(Relayed::flat);
    }
}
