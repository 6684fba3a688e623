package io.istiomc.components.inputs;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import javax.annotation.Nullable;

/** Arguments of {@link io.istiomc.components.RemoteCluster}. */
public final class RemoteClusterArgs {
    private final ClusterArgs cluster;
    private final String primaryClusterName;
    private final Output<String> remotePilotAddress;
    private final Output<String> apiServer;

    private RemoteClusterArgs(Builder b) {
        this.cluster = b.cluster;
        this.primaryClusterName = b.primaryClusterName;
        this.remotePilotAddress = b.remotePilotAddress;
        this.apiServer = b.apiServer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster: context, names, charts, gateway and certificates. Required. */
    public ClusterArgs cluster() {
        return cluster;
    }

    /** The Istio cluster name of the primary whose istiod this remote uses. Required. */
    public String primaryClusterName() {
        return primaryClusterName;
    }

    /**
     * Where the remote's proxies and webhooks reach istiod: the primary's
     * {@code gatewayAddress} output (an IP or a DNS name). Required.
     */
    public Output<String> remotePilotAddress() {
        return remotePilotAddress;
    }

    /**
     * The URL at which the primary's istiod reaches this cluster's API server; it goes into the
     * remote secret. Often not the URL in the operator's kubeconfig (a private endpoint, a
     * different DNS name). Required.
     */
    public Output<String> apiServer() {
        return apiServer;
    }

    public static final class Builder {
        private ClusterArgs cluster;
        private String primaryClusterName;
        private Output<String> remotePilotAddress;
        private Output<String> apiServer;

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

        public Builder apiServer(Output<String> apiServer) {
            this.apiServer = apiServer;
            return this;
        }

        public Builder apiServer(String apiServer) {
            return apiServer(Output.of(apiServer));
        }

        public RemoteClusterArgs build() {
            require(cluster, "cluster");
            require(primaryClusterName, "primaryClusterName");
            require(remotePilotAddress, "remotePilotAddress");
            require(apiServer, "apiServer");
            return new RemoteClusterArgs(this);
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("RemoteClusterArgs", field);
            }
        }
    }
}
