package io.istiomc.components.simulation;

import com.pulumi.test.Mocks;
import io.istiomc.components.Names;
import io.istiomc.components.RegisteredNames;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshClusterArgs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Set;
import java.util.function.Predicate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the clusters and providers would answer, simulated deterministically: load balancer
 * addresses from the documentation ranges of RFC 5737 (distinct per cluster, or a DNS name for
 * clusters whose gateway asks for an AWS load balancer), service-account tokens and CA bundles,
 * Helm release status and certificates. The same configuration always gets the same answers.
 *
 * <p>The one simulation of the clusters, used by the library's tests and the program's offline plan
 * alike (as pulumi-java ships its test runner in main code). It records every registration (type,
 * name, inputs, provider) and throws on a resource type it does not know, so that a new kind of
 * resource cannot pass a test or a plan unnoticed: {@link #KUBERNETES_TYPES} lists the Kubernetes
 * objects the mesh declares.
 */
public final class SimulatedClusters implements Mocks {
    /** RFC 5737's three documentation networks; never routed, so a simulated address cannot be mistaken for a real one. */
    private static final List<String> DOCUMENTATION_NETWORKS = List.of("192.0.2.", "198.51.100.", "203.0.113.");
    private static final String AWS_LOAD_BALANCER_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-";
    public static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";

    /** The Kubernetes objects the components declare; any other is refused until it is listed here. */
    public static final Set<String> KUBERNETES_TYPES = Set.of(RegisteredNames.MUTATING_WEBHOOK_CONFIGURATION,
            RegisteredNames.DEPLOYMENT, RegisteredNames.CONFIG_MAP_PATCH, RegisteredNames.NAMESPACE,
            RegisteredNames.SERVICE_ACCOUNT, RegisteredNames.GATEWAY, RegisteredNames.VIRTUAL_SERVICE);

    /**
     * One registration as the engine saw it.
     *
     * @param provider the provider reference ({@code urn::id}); empty for the default provider
     */
    public record Registration(String type, String name, Map<String, Object> inputs, String provider) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String input) {
            return (Map<String, Object>) inputs.getOrDefault(input, Map.of());
        }

        public boolean isKubernetesObject() {
            return type.startsWith("kubernetes:");
        }
    }

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> clusterIndexByName = new HashMap<>();
    private final Map<String, String> clusterByProviderId = new ConcurrentHashMap<>();

    public SimulatedClusters(MeshArgs mesh) {
        this(mesh.clusters().stream().map(MeshClusterArgs::name).toList());
    }

    /**
     * Clusters by name, in order; the index of a cluster picks its simulated address. A provider
     * belongs to the cluster it is named after ({@link Names#providerName}), never to a kube context:
     * two clusters may have contexts of the same name in different kubeconfig files.
     */
    public SimulatedClusters(List<String> clusterNames) {
        for (int i = 0; i < clusterNames.size(); i++) {
            clusterIndexByName.put(clusterNames.get(i), i);
        }
    }

    /** The address the simulated load balancer of the {@code index}-th cluster gets. */
    public static String simulatedAddress(int index) {
        return DOCUMENTATION_NETWORKS.get(index % 3) + (10 + index / 3);
    }

    /** The DNS name a simulated AWS load balancer of a cluster gets. */
    public static String simulatedHostname(String clusterName) {
        return clusterName + "-eastwestgateway.elb.us-east-1.amazonaws.example";
    }

    public static String simulatedToken(String clusterName) {
        return "simulated-reader-token-" + clusterName;
    }

    public static String simulatedCaPem(String clusterName) {
        return "-----BEGIN CERTIFICATE-----\nsimulated API server CA of " + clusterName + "\n-----END CERTIFICATE-----\n";
    }

    public static String simulatedPem(String kind, String name) {
        return "-----BEGIN " + kind + "-----\nsimulated " + kind.toLowerCase() + " of " + name + "\n-----END " + kind + "-----\n";
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registrations.add(new Registration(args.type, args.name, withoutNulls(args.inputs),
                args.provider == null ? "" : args.provider));
        var state = new LinkedHashMap<String, Object>(args.inputs);
        String id = args.name + "-id";
        switch (typeFamily(args.type)) {
            case "provider" -> {
                var cluster = Names.clusterOfProvider(args.name).filter(clusterIndexByName::containsKey)
                        .orElseThrow(() -> new IllegalArgumentException("Kubernetes provider '" + args.name
                                + "' belongs to no cluster of the stack (a cluster's provider is named <cluster>-k8s)"));
                clusterByProviderId.put(id, cluster);
            }
            case "component" -> {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
            }
            case "tls" -> state.putAll(tlsOutputs(args.type, args.name, args.inputs.get("validityPeriodHours")));
            case "release" -> state.put("status", Map.of(
                    "name", args.inputs.getOrDefault("name", args.name),
                    "namespace", args.inputs.getOrDefault("namespace", "default"),
                    "chart", args.inputs.getOrDefault("chart", ""),
                    "version", args.inputs.getOrDefault("version", ""),
                    "revision", 1,
                    "status", "deployed"));
            case "service" -> serviceStatus(args).ifPresent(status -> state.put("status", status));
            case "secret" -> tokenData(args).ifPresent(data -> state.put("data", data));
            case "kubernetes-object", "passthrough" -> {
                // Other objects come back as they were sent.
            }
            default -> throw new IllegalArgumentException("Unknown resource type '" + args.type + "' (" + args.name
                    + "): the simulation does not know what it would return");
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** What the simulation answers for each type it knows by name. */
    private static final Map<String, String> FAMILIES = Map.of(
            "pulumi:providers:kubernetes", "provider",
            "pulumi:providers:tls", "passthrough",
            "kubernetes:helm.sh/v3:Release", "release",
            "kubernetes:core/v1:Service", "service",
            "kubernetes:core/v1:Secret", "secret");

    private static String typeFamily(String type) {
        if (FAMILIES.containsKey(type)) {
            return FAMILIES.get(type);
        }
        if (type.startsWith("istio-multicluster:index:")) {
            return "component";
        }
        if (type.startsWith("tls:index/")) {
            return "tls";
        }
        return KUBERNETES_TYPES.contains(type) ? "kubernetes-object" : "unknown";
    }

    /**
     * @param validityHours a certificate's {@code validityPeriodHours}: its simulated end says how long
     *                      after issue it comes, not a date (the plan is the same whenever it is made)
     */
    private static Map<String, Object> tlsOutputs(String type, String name, Object validityHours) {
        return switch (type) {
            case "tls:index/privateKey:PrivateKey" -> Map.of(
                    "privateKeyPem", simulatedPem("PRIVATE KEY", name),
                    "publicKeyPem", simulatedPem("PUBLIC KEY", name));
            case "tls:index/selfSignedCert:SelfSignedCert", "tls:index/locallySignedCert:LocallySignedCert" -> Map.of(
                    "certPem", simulatedPem("CERTIFICATE", name),
                    "validityEndTime", "(simulated) " + (validityHours instanceof Number hours ? hours.intValue() / 24 : 0)
                            + " days after issue");
            case "tls:index/certRequest:CertRequest" -> Map.of(
                    "certRequestPem", simulatedPem("CERTIFICATE REQUEST", name));
            default -> throw new IllegalArgumentException("Unknown resource type '" + type + "' (" + name + ")");
        };
    }

    private String clusterOf(ResourceArgs args) {
        var ref = args.provider == null ? "" : args.provider;
        var id = ref.substring(ref.lastIndexOf("::") + 2);
        var cluster = clusterByProviderId.get(id);
        if (cluster == null) {
            throw new IllegalStateException(args.type + " '" + args.name + "' is not on a cluster's provider (provider '"
                    + ref + "'): a resource on a default provider would touch whatever cluster the kubeconfig points at");
        }
        return cluster;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> serviceStatus(ResourceArgs args) {
        var spec = (Map<String, Object>) args.inputs.getOrDefault("spec", Map.of());
        if (!"LoadBalancer".equals(spec.get("type"))) {
            return Optional.empty();
        }
        var cluster = clusterOf(args);
        var metadata = (Map<String, Object>) args.inputs.getOrDefault("metadata", Map.of());
        var annotations = (Map<String, Object>) metadata.getOrDefault("annotations", Map.of());
        var aws = annotations.keySet().stream().anyMatch(k -> k.startsWith(AWS_LOAD_BALANCER_ANNOTATION));
        var index = clusterIndexByName.get(cluster);
        var ingress = aws ? Map.<String, Object>of("hostname", simulatedHostname(cluster))
                : Map.<String, Object>of("ip", simulatedAddress(index));
        return Optional.of(Map.of("loadBalancer", Map.of("ingress", List.of(ingress))));
    }

    private Optional<Map<String, Object>> tokenData(ResourceArgs args) {
        if (!SERVICE_ACCOUNT_TOKEN.equals(args.inputs.get("type"))) {
            return Optional.empty();
        }
        var cluster = clusterOf(args);
        return Optional.of(Map.of(
                "token", base64(simulatedToken(cluster)),
                "ca.crt", base64(simulatedCaPem(cluster)),
                "namespace", base64("istio-system")));
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every registration, in the order the engine sent them. */
    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** The registrations that match {@code filter}, in order. */
    public List<Registration> registrations(Predicate<Registration> filter) {
        return registrations().stream().filter(filter).toList();
    }

    /** The one registration of this type and name; fails if there is none or more than one. */
    public Registration registration(String type, String name) {
        var found = registrations(r -> r.type().equals(type) && r.name().equals(name));
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + " '" + name + "', found " + found.size() + " among "
                    + registrations().stream().map(Registration::name).toList());
        }
        return found.get(0);
    }

    /** The provider's resource name from a reference {@code urn::id}. */
    public static String providerName(String providerReference) {
        var urn = providerReference.contains("::") ? providerReference.substring(0, providerReference.lastIndexOf("::"))
                : providerReference;
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> inputs) {
        var copy = new LinkedHashMap<String, Object>();
        inputs.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
