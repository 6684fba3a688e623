package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.istiomc.components.ClusterHandle;
import io.istiomc.components.EastWestGatewayArgs;

import javax.annotation.Nullable;

/**
 * Schema type {@code istio-multicluster:index:GatewayEndpoint}: a cluster's east-west gateway as
 * other networks dial it, from the cluster component's {@code gatewayAddress} and {@code gatewayPort}
 * outputs ({@code Output} of {@code Output}: see {@link Relayed}).
 */
public final class GatewayEndpointArgs {
    /** The gateway's address: the cluster's {@code gatewayAddress} output. */
    @Import(name = "address", required = true)
    private Output<Output<String>> address;

    /** The port other networks dial: the cluster's {@code gatewayPort}. Default: 15443. */
    @Import(name = "port")
    private @Nullable Integer port;

    private GatewayEndpointArgs() {
    }

    ClusterHandle.Gateway toLibrary(String property) {
        int dialed = port == null ? io.istiomc.components.IstioNetworking.CROSS_NETWORK_PORT : port;
        if (dialed < 1 || dialed > 65535) {
            throw new IllegalArgumentException("'" + property + ".port' must be a port number, 1-65535 (got " + dialed + ")");
        }
        return new ClusterHandle.Gateway(Relayed.flat(address), dialed);
    }
}
