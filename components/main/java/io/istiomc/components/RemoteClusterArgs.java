package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import javax.annotation.Nullable;

/** Arguments of {@link io.istiomc.components.RemoteCluster}. */
public final class RemoteClusterArgs {
    private final ClusterArgs cluster;
    private final String primaryClusterName;
    private final Output<String> remotePilotAddress;
    private final boolean multiNetwork;

    private RemoteClusterArgs(Builder b) {
        this.cluster = b.cluster;
        this.primaryClusterName = b.primaryClusterName;
        this.remotePilotAddress = b.remotePilotAddress;
        this.multiNetwork = b.multiNetwork;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster: context, names, charts, gateway and certificates. Required. */
    public ClusterArgs cluster() {
        return cluster;
    }

    /** The Istio cluster name of the primary whose istiod serves this remote (its control plane). Required. */
    public String primaryClusterName() {
        return primaryClusterName;
    }

    /**
     * Where the remote's proxies and webhooks reach istiod: the gateway address of its primary (an
     * IP or a DNS name). Required.
     */
    public Output<String> remotePilotAddress() {
        return remotePilotAddress;
    }

    /**
     * Whether the mesh spans more than one network: then the remote runs an east-west gateway that
     * other networks reach its workloads through. Default: false.
     */
    public boolean multiNetwork() {
        return multiNetwork;
    }

    public static final class Builder {
        private ClusterArgs cluster;
        private String primaryClusterName;
        private Output<String> remotePilotAddress;
        private boolean multiNetwork;

        public Builder cluster(ClusterArgs cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder primaryClusterName(String primaryClusterName) {
            this.primaryClusterName = primaryClusterName;
            return this;
        }

        public Builder remotePilotAddress(Output<String> remotePilotAddress) {
            this.remotePilotAddress = remotePilotAddress;
            return this;
        }

        public Builder remotePilotAddress(String remotePilotAddress) {
            return remotePilotAddress(Output.of(remotePilotAddress));
        }

        public Builder multiNetwork(boolean multiNetwork) {
            this.multiNetwork = multiNetwork;
            return this;
        }

        public RemoteClusterArgs build() {
            require(cluster, "cluster");
            require(primaryClusterName, "primaryClusterName");
            require(remotePilotAddress, "remotePilotAddress");
            return new RemoteClusterArgs(this);
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("RemoteClusterArgs", field);
            }
        }
    }
}
