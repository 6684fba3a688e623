package io.istiomc.components.testing;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The library's own mocks (STYLE.md: one shared {@code RecordingMocks}): records every registration
 * with its type, name, inputs and provider, answers what a cluster would (a LoadBalancer address per
 * provider, a filled service-account token, a deployed Helm release, PEMs for tls resources) and
 * throws on a type it does not know, so a new kind of child cannot slip through a test unnoticed.
 */
public final class RecordingMocks implements Mocks {
    /** One registration as the engine saw it. {@code provider} is the provider reference, empty for the default provider. */
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
    private final Map<String, Integer> providerIndex = new ConcurrentHashMap<>();

    /** The address the {@code n}-th provider's LoadBalancer Services get (RFC 5737, never routed). */
    public static String loadBalancerIp(int n) {
        return "192.0.2." + (10 + n);
    }

    public static String token(String providerName) {
        return "token-of-" + providerName;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var provider = args.provider == null ? "" : args.provider;
        registrations.add(new Registration(args.type, args.name, Map.copyOf(withoutNulls(args.inputs)), provider));
        var state = new LinkedHashMap<String, Object>(args.inputs);
        var id = args.name + "-id";
        if (args.type.startsWith("istio-multicluster:index:")) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
        }
        switch (args.type) {
            case "pulumi:providers:kubernetes" -> providerIndex.putIfAbsent(args.name, providerIndex.size());
            case "pulumi:providers:tls" -> {
            }
            case "tls:index/privateKey:PrivateKey" -> state.put("privateKeyPem", pem("PRIVATE KEY", args.name));
            case "tls:index/selfSignedCert:SelfSignedCert", "tls:index/locallySignedCert:LocallySignedCert" ->
                    state.put("certPem", pem("CERTIFICATE", args.name));
            case "tls:index/certRequest:CertRequest" -> state.put("certRequestPem", pem("CERTIFICATE REQUEST", args.name));
            case "kubernetes:helm.sh/v3:Release" -> state.put("status", Map.of("name", args.name, "revision", 1, "status", "deployed"));
            case "kubernetes:core/v1:Service" -> {
                var spec = (Map<?, ?>) args.inputs.getOrDefault("spec", Map.of());
                if ("LoadBalancer".equals(spec.get("type"))) {
                    state.put("status", Map.of("loadBalancer", Map.of("ingress",
                            List.of(Map.of("ip", loadBalancerIp(providerIndex.getOrDefault(providerName(provider), 99)))))));
                }
            }
            case "kubernetes:core/v1:Secret" -> {
                if ("kubernetes.io/service-account-token".equals(args.inputs.get("type"))) {
                    state.put("data", Map.of(
                            "token", base64(token(providerName(provider))),
                            "ca.crt", base64(pem("CERTIFICATE", "api-server-of-" + providerName(provider)))));
                }
            }
            default -> {
                if (!args.type.startsWith("kubernetes:")) {
                    throw new IllegalArgumentException("RecordingMocks: unknown resource type '" + args.type + "' (" + args.name + ")");
                }
            }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** Every registration, in the order the engine sent them. */
    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    public List<Registration> registrations(Predicate<Registration> filter) {
        return registrations().stream().filter(filter).toList();
    }

    /** The one registration of this type and name; fails the test if there is none or more than one. */
    public Registration registration(String type, String name) {
        var found = registrations(r -> r.type().equals(type) && r.name().equals(name));
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " '" + name + "', found " + found.size() + " among "
                    + registrations().stream().map(Registration::name).toList());
        }
        return found.get(0);
    }

    /** The provider's resource name from a reference {@code urn::id}. */
    public static String providerName(String providerReference) {
        var urn = providerReference.contains("::") ? providerReference.substring(0, providerReference.lastIndexOf("::")) : providerReference;
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    private static String pem(String kind, String name) {
        return "-----BEGIN " + kind + "-----\n" + name + "\n-----END " + kind + "-----\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> inputs) {
        var copy = new LinkedHashMap<String, Object>();
        inputs.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
