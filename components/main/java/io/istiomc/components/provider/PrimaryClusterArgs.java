package io.istiomc.components.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Inputs of {@code istio-multicluster:index:PrimaryCluster}: the cluster, as values. */
public final class PrimaryClusterArgs extends ResourceArgs {
    /** The cluster; its gateway must be a LoadBalancer, since remotes reach istiod through it. */
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster;

    private PrimaryClusterArgs() {
    }

    io.istiomc.components.inputs.PrimaryClusterArgs toLibrary() {
        // The package declares the seed's topology: a primary whose istiod serves remotes on other networks.
        return io.istiomc.components.inputs.PrimaryClusterArgs.builder()
                .cluster(cluster.toLibrary())
                .servesRemotes(true)
                .multiNetwork(true)
                .build();
    }
}
