package io.istiomc.components.inputs;

import com.pulumi.exceptions.MissingRequiredPropertyException;

/** Arguments of {@link io.istiomc.components.PrimaryCluster}. */
public final class PrimaryClusterArgs {
    private final ClusterArgs cluster;

    private PrimaryClusterArgs(ClusterArgs cluster) {
        this.cluster = cluster;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The cluster: context, names, charts, gateway and certificates. Its gateway must be a
     * LoadBalancer, because remotes reach istiod through it on the fixed ports 15012 and 15017.
     * Required.
     */
    public ClusterArgs cluster() {
        return cluster;
    }

    public static final class Builder {
        private ClusterArgs cluster;

        public Builder cluster(ClusterArgs cluster) {
            this.cluster = cluster;
            return this;
        }

        public PrimaryClusterArgs build() {
            if (cluster == null) {
                throw new MissingRequiredPropertyException("PrimaryClusterArgs", "cluster");
            }
            return new PrimaryClusterArgs(cluster);
        }
    }
}
