package io.istiomc.components;

/** How an east-west gateway is exposed outside its cluster. */
public enum GatewayServiceType {
    /** A cloud load balancer; its address is learnt from the Service's status unless configured. */
    LOAD_BALANCER("LoadBalancer"),
    /** A port on every node; the address must be configured, since Kubernetes reports none. */
    NODE_PORT("NodePort");

    /** Kubernetes' default {@code --service-node-port-range}. */
    public static final int NODE_PORT_MIN = 30000;
    public static final int NODE_PORT_MAX = 32767;

    private final String kubernetesName;

    GatewayServiceType(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /** The value of a Service's {@code spec.type}. */
    public String kubernetesName() {
        return kubernetesName;
    }

    /** Parses a Service's {@code spec.type} spelling; empty when it is not one the mesh supports. */
    public static java.util.Optional<GatewayServiceType> fromKubernetesName(String name) {
        for (var type : values()) {
            if (type.kubernetesName.equals(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
