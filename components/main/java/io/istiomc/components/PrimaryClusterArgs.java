package io.istiomc.components;

import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/**
 * Arguments of {@link PrimaryCluster}: the cluster and its place in the topology (which
 * {@link MeshTopology} computes where a {@link Mesh} declares the cluster).
 */
public final class PrimaryClusterArgs extends ResourceArgs {
    /** The cluster: context, names, charts, gateway and certificates; its gateway must be a LoadBalancer when it serves remotes. Required. */
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster;

    /**
     * Whether remotes use this primary's istiod: then istiod runs as their external istiod and is
     * exposed on 15012 and 15017 through the east-west gateway, which must be a LoadBalancer.
     * Default: false.
     */
    @Import(name = "servesRemotes")
    private @Nullable Boolean servesRemotes;

    /**
     * Whether the mesh spans more than one network: then the cluster runs an east-west gateway with
     * the cross-network Gateway (15443, AUTO_PASSTHROUGH, {@code *.local}). Default: false.
     */
    @Import(name = "multiNetwork")
    private @Nullable Boolean multiNetwork;

    /**
     * Whether another primary watches this cluster (multi-primary): then it carries reader access,
     * a token of Istio's reader ServiceAccount for that primary's remote secret. Default: false.
     */
    @Import(name = "watched")
    private @Nullable Boolean watched;

    private PrimaryClusterArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterArgs cluster() {
        return cluster;
    }

    public boolean servesRemotes() {
        return Boolean.TRUE.equals(servesRemotes);
    }

    public boolean multiNetwork() {
        return Boolean.TRUE.equals(multiNetwork);
    }

    public boolean watched() {
        return Boolean.TRUE.equals(watched);
    }

    public static final class Builder {
        private final PrimaryClusterArgs args = new PrimaryClusterArgs();

        public Builder cluster(ClusterArgs cluster) {
            args.cluster = cluster;
            return this;
        }

        public Builder servesRemotes(boolean servesRemotes) {
            args.servesRemotes = servesRemotes;
            return this;
        }

        public Builder multiNetwork(boolean multiNetwork) {
            args.multiNetwork = multiNetwork;
            return this;
        }

        public Builder watched(boolean watched) {
            args.watched = watched;
            return this;
        }

        public PrimaryClusterArgs build() {
            if (args.cluster == null) {
                throw new MissingRequiredPropertyException("PrimaryClusterArgs", "cluster");
            }
            return args;
        }
    }
}
