package io.istiomc.components.provider;

import com.pulumi.core.annotations.Import;
import io.istiomc.components.GatewayServiceType;

import javax.annotation.Nullable;

/**
 * Schema type {@code istio-multicluster:index:EastWestGateway}: how a cluster's east-west gateway
 * is exposed. Every field is optional; see {@link io.istiomc.components.EastWestGatewayArgs}.
 * The Service's annotations are not offered: pulumi-java 1.36.1 cannot deserialize a map input
 * (it reads the map's values as {@code Object} and refuses them).
 */
public final class EastWestGatewayArgs {
    /** {@code LoadBalancer} (default) or {@code NodePort} (then {@code address} is required). */
    @Import(name = "serviceType")
    private @Nullable String serviceType;

    /** The port other networks dial. Default: 15443. */
    @Import(name = "port")
    private @Nullable Integer port;

    /** A known IP or DNS name; nothing then waits for a load balancer. */
    @Import(name = "address")
    private @Nullable String address;

    private EastWestGatewayArgs() {
    }

    io.istiomc.components.EastWestGatewayArgs toLibrary(String property) {
        var gateway = io.istiomc.components.EastWestGatewayArgs.builder()
                .address(address);
        var type = serviceType == null ? GatewayServiceType.LOAD_BALANCER : GatewayServiceType.fromKubernetesName(serviceType)
                .orElseThrow(() -> new IllegalArgumentException("'" + property + ".serviceType' must be LoadBalancer or"
                        + " NodePort (got '" + serviceType + "')"));
        var dialed = port == null ? io.istiomc.components.EastWestGatewayArgs.DEFAULT_PORT : port;
        // The library's rule, its problems named as the caller spells the input.
        InputRules.requireNone(property + ".", io.istiomc.components.EastWestGatewayArgs.check(type, dialed, address));
        return gateway.serviceType(type).port(dialed).build();
    }
}
