package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a cluster's east-west gateway is exposed (schema type {@code EastWestGateway}): the address
 * and port that proxies in other networks dial, and (on the primary) that remotes use to reach
 * istiod. Every field is optional. The builder only assembles; {@link #check(EastWestGatewayArgs)}
 * holds the rules, which the components apply before registering anything.
 */
public final class EastWestGatewayArgs {
    /**
     * How the gateway Service is exposed: {@code LoadBalancer} or {@code NodePort} (then
     * {@code address} is required). Default: {@code LoadBalancer}.
     */
    @Import(name = "serviceType")
    private @Nullable String serviceType;

    /**
     * The port other networks dial for cross-network traffic; it is what meshNetworks advertises.
     * For a LoadBalancer it is the Service port in front of 15443; for a NodePort, the node port
     * (30000-32767). Default: 15443.
     */
    @Import(name = "port")
    private @Nullable Integer port;

    /**
     * A known address (IP or DNS name) of the gateway. When set, nothing waits for the cluster to
     * report one. Required for a NodePort. Default: the address the cluster gives the LoadBalancer
     * Service.
     */
    @Import(name = "address")
    private @Nullable String address;

    /** Annotations of the gateway Service, e.g. to ask for an NLB. Default: none. */
    @Import(name = "annotations")
    private @Nullable List<ServiceAnnotationArgs> annotations;

    private EastWestGatewayArgs() {
    }

    /** A LoadBalancer on port 15443 whose address is learnt from the cluster. */
    public static EastWestGatewayArgs defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * How the gateway Service is exposed. Default: {@link GatewayServiceType#LOAD_BALANCER}.
     *
     * @throws IllegalArgumentException when the type is not one {@link #check} accepts
     */
    public GatewayServiceType serviceType() {
        return serviceTypeOf(this).orElseThrow(() -> new IllegalArgumentException(
                "EastWestGatewayArgs: 'serviceType' " + serviceTypeRule(serviceType)));
    }

    /** The service type, when {@code serviceType} is one the mesh supports. */
    public Optional<GatewayServiceType> serviceTypeIfValid() {
        return serviceTypeOf(this);
    }

    /** The port other networks dial. Default: 15443. */
    public int port() {
        return port == null ? IstioNetworking.CROSS_NETWORK_PORT : port;
    }

    /** The configured address, when given. */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /** The Service's annotations, by name. */
    public Map<String, String> annotations() {
        var map = new TreeMap<String, String>();
        if (annotations != null) {
            annotations.forEach(a -> map.put(a.name(), a.value()));
        }
        return map;
    }

    /** Two gateways are equal when they are exposed alike: the same type, port, address and annotations. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EastWestGatewayArgs that && typeKey().equals(that.typeKey())
                && port() == that.port() && Objects.equals(address, that.address) && annotations().equals(that.annotations());
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeKey(), port(), address, annotations());
    }

    /** The service type as compared: the type, or the spelling of one the mesh does not support. */
    private String typeKey() {
        return serviceTypeOf(this).map(GatewayServiceType::kubernetesName).orElse("unsupported " + serviceType);
    }

    private static Optional<GatewayServiceType> serviceTypeOf(EastWestGatewayArgs gateway) {
        return gateway.serviceType == null ? Optional.of(GatewayServiceType.LOAD_BALANCER)
                : GatewayServiceType.fromKubernetesName(gateway.serviceType);
    }

    private static String serviceTypeRule(@Nullable String got) {
        return "must be 'LoadBalancer' or 'NodePort' (got '" + got + "')";
    }

    /**
     * Every rule of a gateway: a supported service type, a port number (a node port for a NodePort,
     * whose address must then be given since Kubernetes reports none), an address that is an IP or a
     * DNS name that other networks can dial, and annotations Kubernetes accepts.
     *
     * @return problems named by property ({@code serviceType}, {@code port}, {@code address}, {@code annotations...})
     */
    public static List<Problem> check(EastWestGatewayArgs gateway) {
        var problems = new ArrayList<Problem>();
        var type = serviceTypeOf(gateway);
        if (type.isEmpty()) {
            problems.add(new Problem("serviceType", serviceTypeRule(gateway.serviceType)));
        }
        var address = gateway.address;
        if (address != null && !GatewayAddresses.isAddress(address)) {
            problems.add(new Problem("address", "must be an IP address or a DNS name (got '" + address + "')"));
            address = null;
        }
        problems.addAll(check(type.orElse(GatewayServiceType.LOAD_BALANCER), gateway.port(), gateway.address));
        problems.addAll(checkReachable(address, gateway.annotations()));
        return problems;
    }

    /**
     * The rules of a gateway's exposure: a port number, within the node port range for a NodePort,
     * whose address must then be given since Kubernetes reports none.
     *
     * @return problems about {@code port} and {@code address}, in that order
     */
    public static List<Problem> check(GatewayServiceType serviceType, int port, @Nullable String address) {
        var problems = new ArrayList<Problem>();
        var nodePort = serviceType == GatewayServiceType.NODE_PORT;
        if (port < 1 || port > 65535) {
            problems.add(new Problem("port", "must be a port number from 1 to 65535 (got " + port + ")"));
        } else if (nodePort && (port < GatewayServiceType.NODE_PORT_MIN || port > GatewayServiceType.NODE_PORT_MAX)) {
            problems.add(new Problem("port", "must be a node port from " + GatewayServiceType.NODE_PORT_MIN + " to "
                    + GatewayServiceType.NODE_PORT_MAX + " when 'serviceType' is NodePort (got " + port + ")"));
        }
        if (nodePort && address == null) {
            problems.add(new Problem("address", "is required when 'serviceType' is NodePort: Kubernetes reports no"
                    + " external address for a NodePort Service; set the address other networks reach the nodes at"));
        }
        return problems;
    }

    /**
     * The rules for what other networks dial and what goes on the Service: an address no other network
     * can dial (unspecified, broadcast, loopback, localhost) is refused, and annotations must be
     * Kubernetes qualified names within its 256 KiB total.
     */
    public static List<Problem> checkReachable(@Nullable String address, Map<String, String> annotations) {
        var problems = new ArrayList<Problem>();
        if (address != null) {
            GatewayAddresses.undialable(address).ifPresent(why -> problems.add(new Problem("address",
                    "must be an address other networks can dial (got '" + address + "', " + why + ")")));
        }
        annotations.keySet().forEach(name -> AnnotationNames.problem(name)
                .ifPresent(message -> problems.add(new Problem("annotations." + name, message))));
        var total = AnnotationNames.totalBytes(annotations);
        if (total > AnnotationNames.MAX_TOTAL_BYTES) {
            problems.add(new Problem("annotations", "must total at most " + AnnotationNames.MAX_TOTAL_BYTES
                    + " bytes of names and values, Kubernetes' limit (got " + total + ")"));
        }
        return problems;
    }

    /**
     * The rule for a gateway through which remotes reach istiod (a primary that serves remotes): a
     * LoadBalancer, since remotes dial the fixed ports 15012 and 15017 at its address, and a NodePort
     * Service would put them on node ports of Kubernetes' choosing.
     */
    public static List<Problem> checkExposesIstiod(GatewayServiceType serviceType) {
        if (serviceType == GatewayServiceType.LOAD_BALANCER) {
            return List.of();
        }
        return List.of(new Problem("serviceType", "must be 'LoadBalancer' on a primary that serves remotes (got '"
                + serviceType.kubernetesName() + "'): they reach istiod through the gateway address on the fixed ports"
                + " 15012 and 15017"));
    }

    public static final class Builder {
        private final EastWestGatewayArgs gateway = new EastWestGatewayArgs();

        public Builder serviceType(GatewayServiceType serviceType) {
            gateway.serviceType = Objects.requireNonNull(serviceType, "serviceType").kubernetesName();
            return this;
        }

        /** The Service type as Kubernetes spells it; {@link #check} refuses one the mesh does not support. */
        public Builder serviceType(String serviceType) {
            gateway.serviceType = serviceType;
            return this;
        }

        public Builder port(int port) {
            gateway.port = port;
            return this;
        }

        public Builder address(@Nullable String address) {
            gateway.address = address;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            gateway.annotations = ServiceAnnotationArgs.fromMap(new TreeMap<>(annotations));
            return this;
        }

        public EastWestGatewayArgs build() {
            return gateway;
        }
    }
}
