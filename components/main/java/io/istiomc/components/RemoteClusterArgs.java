package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;

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

    /**
     * A value the east-west gateway's pods wait for besides this cluster's istiod release: the
     * release follows the resources this output depends on. A {@link Mesh} passes an output of its
     * primary's remote secret for this cluster (declared later, by {@link MeshLink}), without which the
     * primary's istiod cannot authenticate the gateway's proxy, so the pods never become ready. Istio's
     * tested flow (istio/istio.io {@code content/en/docs/setup/install/multicluster/primary-remote_multi-network/helm_test.sh})
     * attaches the remote (its remote secret) before installing the remote's gateway; Helm waits for the
     * pods. Default: nothing (the pods become ready once the remote secret exists, within the release's
     * timeout).
     */
    @Import(name = "eastWestGatewayAfter")
    private @Nullable Output<Output<String>> eastWestGatewayAfter;

    /**
     * A value every revision's istiod release (remote profile) waits for: the release follows the
     * resources this output depends on. A {@link Mesh} passes an output of its primary's istiod releases,
     * so that a revision, or a new version in place, runs in the primary before the remote's webhooks and
     * proxies switch to it. Default: nothing beyond the gateway address the values need.
     */
    @Import(name = "istiodAfter")
    private @Nullable Output<Output<String>> istiodAfter;

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
        return Relayed.required(remotePilotAddress, "remotePilotAddress");
    }

    public boolean multiNetwork() {
        return Boolean.TRUE.equals(multiNetwork);
    }

    /** The resources the east-west gateway's pods wait for ({@code eastWestGatewayAfter}'s dependencies). */
    public Output<List<Resource>> eastWestGatewayAfter() {
        return Relayed.dependencies(eastWestGatewayAfter);
    }

    /** The resources every istiod release waits for ({@code istiodAfter}'s dependencies). */
    public Output<List<Resource>> controlPlaneReleases() {
        return Relayed.dependencies(istiodAfter);
    }

    public static final class Builder {
        private final RemoteClusterArgs args = new RemoteClusterArgs();

        public Builder cluster(ClusterArgs cluster) {
            args.cluster = cluster;
            return this;
        }

        public Builder primaryClusterName(String primaryClusterName) {
            args.primaryClusterName = primaryClusterName;
            return this;
        }

        public Builder remotePilotAddress(Output<String> remotePilotAddress) {
            args.remotePilotAddress = remotePilotAddress == null ? null : Relayed.wrap(remotePilotAddress);
            return this;
        }

        public Builder remotePilotAddress(String remotePilotAddress) {
            return remotePilotAddress(Output.of(remotePilotAddress));
        }

        public Builder multiNetwork(boolean multiNetwork) {
            args.multiNetwork = multiNetwork;
            return this;
        }

        public Builder eastWestGatewayAfter(Output<String> after) {
            args.eastWestGatewayAfter = Relayed.wrap(java.util.Objects.requireNonNull(after, "eastWestGatewayAfter"));
            return this;
        }

        public Builder istiodAfter(Output<String> after) {
            args.istiodAfter = Relayed.wrap(java.util.Objects.requireNonNull(after, "istiodAfter"));
            return this;
        }

        public RemoteClusterArgs build() {
            require(args.cluster, "cluster");
            require(args.primaryClusterName, "primaryClusterName");
            require(args.remotePilotAddress, "remotePilotAddress");
            return args;
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("RemoteClusterArgs", field);
            }
        }
    }
}
