package io.istiomc.components;


import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a cluster's east-west gateway is exposed: the address and port that proxies in other
 * networks dial, and (on the primary) that remotes use to reach istiod.
 */
public final class EastWestGatewayArgs {
    /** The port of Istio's cross-network (AUTO_PASSTHROUGH) listener on the gateway pods. */
    public static final int DEFAULT_PORT = 15443;
    /** Kubernetes' default {@code --service-node-port-range}. */
    public static final int NODE_PORT_MIN = 30000;
    public static final int NODE_PORT_MAX = 32767;

    private final GatewayServiceType serviceType;
    private final int port;
    private final @Nullable String address;
    private final Map<String, String> annotations;

    private EastWestGatewayArgs(Builder b) {
        this.serviceType = b.serviceType;
        this.port = b.port;
        this.address = b.address;
        this.annotations = Map.copyOf(b.annotations);
    }

    /** A LoadBalancer on port 15443 whose address is learnt from the cluster. */
    public static EastWestGatewayArgs defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the gateway Service is exposed. Default: {@link GatewayServiceType#LOAD_BALANCER}. */
    public GatewayServiceType serviceType() {
        return serviceType;
    }

    /**
     * The port other networks dial for cross-network traffic; it is what meshNetworks advertises.
     * For a LoadBalancer it is the Service port in front of 15443; for a NodePort, the node port
     * ({@value #NODE_PORT_MIN}-{@value #NODE_PORT_MAX}). Default: 15443.
     */
    public int port() {
        return port;
    }

    /**
     * A known address (IP or DNS name) of the gateway. When set, nothing waits for the cluster to
     * report one. Required for {@link GatewayServiceType#NODE_PORT}. Default: the address the
     * cluster gives the LoadBalancer Service.
     */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /** Annotations of the gateway Service, e.g. to ask for an NLB. Default: none. */
    public Map<String, String> annotations() {
        return annotations;
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
        } else if (nodePort && (port < NODE_PORT_MIN || port > NODE_PORT_MAX)) {
            problems.add(new Problem("port", "must be a node port from " + NODE_PORT_MIN + " to " + NODE_PORT_MAX
                    + " when 'serviceType' is NodePort (got " + port + ")"));
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
        private GatewayServiceType serviceType = GatewayServiceType.LOAD_BALANCER;
        private int port = DEFAULT_PORT;
        private @Nullable String address;
        private final Map<String, String> annotations = new TreeMap<>();

        public Builder serviceType(GatewayServiceType serviceType) {
            this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder address(@Nullable String address) {
            this.address = address;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations.clear();
            this.annotations.putAll(annotations);
            return this;
        }

        public EastWestGatewayArgs build() {
            var problems = new ArrayList<>(check(serviceType, port, address));
            problems.addAll(checkReachable(address, annotations));
            Problem.requireNone("EastWestGatewayArgs", problems);
            return new EastWestGatewayArgs(this);
        }
    }
}
