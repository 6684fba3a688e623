package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/** Arguments of {@link RemoteCluster}: the cluster and what it takes from its primary. */
public final class RemoteClusterArgs extends ResourceArgs {
    /** The cluster: context, names, charts, gateway and certificates. Required. */
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster;

    /** The Istio cluster name of the primary whose istiod serves this remote (its control plane). Required. */
    @Import(name = "primaryClusterName", required = true)
    private String primaryClusterName;

    /**
     * Where the remote's proxies and webhooks reach istiod: the gateway address of its primary (an
     * IP or a DNS name), e.g. the primary's {@code gatewayAddress} output. Required.
     */
    @Import(name = "remotePilotAddress", required = true)
    private Output<Output<String>> remotePilotAddress;

    /**
     * Whether the mesh spans more than one network: then the remote runs an east-west gateway that
     * other networks reach its workloads through. Default: false.
     */
    @Import(name = "multiNetwork")
    private @Nullable Boolean multiNetwork;

    private RemoteClusterArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterArgs cluster() {
        return cluster;
    }

    public String primaryClusterName() {
        return primaryClusterName;
    }

    public Output<String> remotePilotAddress() {
        return Relayed.flat(remotePilotAddress);
    }

    public boolean multiNetwork() {
        return Boolean.TRUE.equals(multiNetwork);
    }

    public static final class Builder {
        private @Nullable ClusterArgs cluster;
        private @Nullable String primaryClusterName;
        private @Nullable Output<String> remotePilotAddress;
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
            var args = new RemoteClusterArgs();
            args.cluster = cluster;
            args.primaryClusterName = primaryClusterName;
            args.remotePilotAddress = Relayed.wrap(remotePilotAddress);
            args.multiNetwork = multiNetwork;
            return args;
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("RemoteClusterArgs", field);
            }
        }
    }
}
