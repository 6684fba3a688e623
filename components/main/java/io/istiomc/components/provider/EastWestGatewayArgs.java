package io.istiomc.components.provider;

import com.pulumi.core.annotations.Import;
import io.istiomc.components.GatewayServiceType;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * Schema type {@code istio-multicluster:index:EastWestGateway}: how a cluster's east-west gateway
 * is exposed. Every field is optional; see {@link io.istiomc.components.inputs.EastWestGatewayArgs}.
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

    /** Annotations of the gateway Service, e.g. to ask for an NLB. */
    @Import(name = "annotations")
    private @Nullable Map<String, String> annotations;

    private EastWestGatewayArgs() {
    }

    io.istiomc.components.inputs.EastWestGatewayArgs toLibrary(String property) {
        var gateway = io.istiomc.components.inputs.EastWestGatewayArgs.builder()
                .address(address);
        if (serviceType != null) {
            gateway.serviceType(GatewayServiceType.fromKubernetesName(serviceType).orElseThrow(() ->
                    new IllegalArgumentException("'" + property + ".serviceType' must be LoadBalancer or NodePort (got '"
                            + serviceType + "')")));
        }
        if (port != null) {
            gateway.port(port);
        }
        if (annotations != null) {
            gateway.annotations(annotations);
        }
        return gateway.build();
    }
}
