package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.istiomc.components.ClusterHandle;
import io.istiomc.components.ApiEndpoint;
import io.istiomc.components.MeshLinkArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * Schema type {@code istio-multicluster:index:MeshLinkWatched}: a cluster the primaries watch, as
 * values, from its component's outputs ({@code apiServer}, {@code readerToken},
 * {@code apiServerCaData}, the gateway's).
 */
public final class MeshLinkWatchedArgs {
    /** The cluster's Istio cluster name. */
    @Import(name = "clusterName", required = true)
    private String clusterName;

    /** The cluster's network. */
    @Import(name = "network", required = true)
    private String network;

    /** The https URL at which the primaries' istiod reaches the cluster's API server. */
    @Import(name = "apiServer", required = true)
    private Output<Output<String>> apiServer;

    /** The name to verify the API server's certificate against, when the URL's host is not in it. */
    @Import(name = "tlsServerName")
    private @Nullable String tlsServerName;

    /** The cluster's reader token (its {@code readerToken} output). Secret. */
    @Import(name = "readerToken", required = true)
    private Output<Output<String>> readerToken;

    /** The cluster's API server CA, base64-encoded PEM (its {@code apiServerCaData} output). Secret. */
    @Import(name = "apiServerCaData", required = true)
    private Output<Output<String>> apiServerCaData;

    /** The cluster's east-west gateway, where it has one (required when the mesh spans several networks). */
    @Import(name = "gateway")
    private @Nullable GatewayEndpointArgs gateway;

    private MeshLinkWatchedArgs() {
    }

    MeshLinkArgs.Watched toLibrary(String property) {
        var tls = Optional.ofNullable(tlsServerName);
        return new MeshLinkArgs.Watched(clusterName, network,
                Optional.ofNullable(gateway).map(g -> g.toLibrary(property + ".gateway")),
                // Credentials stay secrets even if the caller passed them as plain values.
                Optional.of(new ClusterHandle.Reader(Relayed.flat(readerToken).asSecret(),
                        Relayed.flat(apiServerCaData).asSecret())),
                Relayed.flat(apiServer).applyValue(server -> new ApiEndpoint(server, tls)));
    }
}
