package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/**
 * Inputs of {@code istio-multicluster:index:RemoteCluster}: the cluster and what it takes from its
 * primary, as values ({@code Output} of {@code Output}: see {@link Relayed}).
 */
public final class RemoteClusterArgs extends ResourceArgs {
    /** The cluster. */
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster;

    /** The Istio cluster name of the primary whose istiod serves this remote. */
    @Import(name = "primaryClusterName", required = true)
    private String primaryClusterName;

    /** Where the remote reaches istiod: the primary's {@code gatewayAddress} output. */
    @Import(name = "remotePilotAddress", required = true)
    private Output<Output<String>> remotePilotAddress;

    /** The https URL at which the primary's istiod reaches this cluster's API server. */
    @Import(name = "apiServer", required = true)
    private Output<Output<String>> apiServer;

    /** Whether the mesh spans more than one network (then the remote runs the cross-network gateway). Default: false. */
    @Import(name = "multiNetwork")
    private @Nullable Boolean multiNetwork;

    private RemoteClusterArgs() {
    }

    io.istiomc.components.RemoteClusterArgs toLibrary() {
        return io.istiomc.components.RemoteClusterArgs.builder()
                .cluster(cluster.toLibrary())
                .primaryClusterName(primaryClusterName)
                .remotePilotAddress(Relayed.flat(remotePilotAddress))
                .multiNetwork(Boolean.TRUE.equals(multiNetwork))
                .build();
    }

    /** Where the primary reaches this cluster's API server, as given. */
    Output<String> apiServer() {
        return Relayed.flat(apiServer);
    }
}
