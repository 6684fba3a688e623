package io.istiomc.components;

/**
 * Every Kubernetes name and label the mesh relies on, in one place: Istio finds these objects by
 * these names, so a typo here would be a silent outage, not a compile error.
 */
public final class Names {
    public static final String ISTIO_NAMESPACE = "istio-system";
    private static final String PROVIDER_SUFFIX = "-k8s";
    public static final String CACERTS_SECRET = "cacerts";
    public static final String BASE_RELEASE = "istio-base";
    public static final String ISTIOD_RELEASE = "istiod";
    /** The gateway chart derives the pod labels {@code app} and {@code istio} from the release name. */
    public static final String EAST_WEST_GATEWAY = "istio-eastwestgateway";
    public static final String EAST_WEST_GATEWAY_SELECTOR = "eastwestgateway";
    public static final String READER_SERVICE_ACCOUNT = "istio-reader-service-account";
    public static final String READER_TOKEN_SECRET = "istio-reader-service-account-token";
    /** The istiod chart renders mesh config and meshNetworks into this ConfigMap. */
    public static final String MESH_CONFIG_MAP = "istio";

    public static final String NETWORK_LABEL = "topology.istio.io/network";
    public static final String CONTROL_PLANE_CLUSTERS_ANNOTATION = "topology.istio.io/controlPlaneClusters";
    public static final String MULTICLUSTER_SECRET_LABEL = "istio/multiCluster";
    public static final String CLUSTER_ANNOTATION = "networking.istio.io/cluster";
    public static final String INJECTION_LABEL = "istio-injection";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "istio-multicluster";

    /** pulumi-kubernetes await annotations (provider plugin >= 4.18.4 lets waitFor replace the default await). */
    public static final String WAIT_FOR_ANNOTATION = "pulumi.com/waitFor";
    public static final String SKIP_AWAIT_ANNOTATION = "pulumi.com/skipAwait";
    public static final String PATCH_FORCE_ANNOTATION = "pulumi.com/patchForce";

    private Names() {
    }

    /**
     * The Pulumi name of a cluster component's Kubernetes provider: {@code <component>-k8s}. Each
     * cluster has exactly one, so the provider says which cluster an object is in.
     */
    public static String providerName(String clusterComponentName) {
        return clusterComponentName + PROVIDER_SUFFIX;
    }

    /** The cluster component a provider belongs to, from the provider's Pulumi name; empty for other names. */
    public static java.util.Optional<String> clusterOfProvider(String providerName) {
        return providerName.endsWith(PROVIDER_SUFFIX)
                ? java.util.Optional.of(providerName.substring(0, providerName.length() - PROVIDER_SUFFIX.length()))
                : java.util.Optional.empty();
    }

    /** As istioctl's {@code remoteSecretNameFromClusterName}: one secret per remote, named after it. */
    public static String remoteSecretName(String clusterName) {
        return "istio-remote-secret-" + clusterName;
    }

    /**
     * The reader token Secret of a token generation: generation 0 keeps the name of the first
     * version, every later one adds {@code -<generation>}, so that a rotation creates a Secret of a
     * new name (and pulumi-kubernetes replaces it creating the new one first).
     */
    public static String readerTokenSecretName(int generation) {
        return generation == 0 ? READER_TOKEN_SECRET : READER_TOKEN_SECRET + "-" + generation;
    }

    /** The injection path istiod serves for a remote: it tells istiod which cluster and network a pod is on. */
    public static String injectionPath(String clusterName, String network) {
        return "/inject/cluster/" + clusterName + "/net/" + network;
    }
}
