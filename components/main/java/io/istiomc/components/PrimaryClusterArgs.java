package io.istiomc.components;

import com.pulumi.exceptions.MissingRequiredPropertyException;

/** Arguments of {@link io.istiomc.components.PrimaryCluster}. */
public final class PrimaryClusterArgs {
    private final ClusterArgs cluster;
    private final boolean servesRemotes;
    private final boolean multiNetwork;
    private final boolean watched;

    private PrimaryClusterArgs(Builder b) {
        this.cluster = b.cluster;
        this.servesRemotes = b.servesRemotes;
        this.multiNetwork = b.multiNetwork;
        this.watched = b.watched;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster: context, names, charts, gateway and certificates. Required. */
    public ClusterArgs cluster() {
        return cluster;
    }

    /**
     * Whether remotes use this primary's istiod: then istiod runs as their external istiod and is
     * exposed on 15012 and 15017 through the east-west gateway, which must be a LoadBalancer.
     * Default: false.
     */
    public boolean servesRemotes() {
        return servesRemotes;
    }

    /**
     * Whether the mesh spans more than one network: then the cluster runs an east-west gateway with
     * the cross-network Gateway (15443, AUTO_PASSTHROUGH, {@code *.local}). Default: false.
     */
    public boolean multiNetwork() {
        return multiNetwork;
    }

    /**
     * Whether another primary watches this cluster (multi-primary): then it carries reader access,
     * a token of Istio's reader ServiceAccount for that primary's remote secret. Default: false.
     */
    public boolean watched() {
        return watched;
    }

    public static final class Builder {
        private ClusterArgs cluster;
        private boolean servesRemotes;
        private boolean multiNetwork;
        private boolean watched;

        public Builder cluster(ClusterArgs cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder servesRemotes(boolean servesRemotes) {
            this.servesRemotes = servesRemotes;
            return this;
        }

        public Builder multiNetwork(boolean multiNetwork) {
            this.multiNetwork = multiNetwork;
            return this;
        }

        public Builder watched(boolean watched) {
            this.watched = watched;
            return this;
        }

        public PrimaryClusterArgs build() {
            if (cluster == null) {
                throw new MissingRequiredPropertyException("PrimaryClusterArgs", "cluster");
            }
            return new PrimaryClusterArgs(this);
        }
    }
}
