package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;

/** Arguments of {@link io.istiomc.components.RemoteCluster}. */
public final class RemoteClusterArgs {
    private final ClusterArgs cluster;
    private final String primaryClusterName;
    private final Output<String> remotePilotAddress;
    private final boolean multiNetwork;
    private final Output<List<Resource>> eastWestGatewayAfter;

    private RemoteClusterArgs(Builder b) {
        this.cluster = b.cluster;
        this.primaryClusterName = b.primaryClusterName;
        this.remotePilotAddress = b.remotePilotAddress;
        this.multiNetwork = b.multiNetwork;
        this.eastWestGatewayAfter = b.eastWestGatewayAfter;
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

    /**
     * What the east-west gateway's pods wait for besides this cluster's istiod release: its primary's
     * remote secret for this cluster (declared later, by {@link MeshLink}), without which the primary's
     * istiod cannot authenticate the gateway's proxy, so the pods never become ready. Istio's tested
     * flow (istio/istio.io {@code content/en/docs/setup/install/multicluster/primary-remote_multi-network/helm_test.sh})
     * attaches the remote (its remote secret) before installing the remote's gateway; Helm waits for the pods. Default:
     * nothing (the pods become ready once the link has been created, within the release's timeout).
     */
    public Output<List<Resource>> eastWestGatewayAfter() {
        return eastWestGatewayAfter;
    }

    public static final class Builder {
        private ClusterArgs cluster;
        private String primaryClusterName;
        private Output<String> remotePilotAddress;
        private boolean multiNetwork;
        private Output<List<Resource>> eastWestGatewayAfter = Output.of(List.of());

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

        public Builder eastWestGatewayAfter(Output<List<Resource>> resources) {
            this.eastWestGatewayAfter = java.util.Objects.requireNonNull(resources, "eastWestGatewayAfter");
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
