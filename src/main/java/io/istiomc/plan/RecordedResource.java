package io.istiomc.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the program registered it.
 *
 * @param urn          its URN
 * @param type         its type token
 * @param name         its logical name
 * @param custom       false for components
 * @param parentUrn    its parent's URN (the stack for top-level components)
 * @param providerRef  the provider reference ({@code urn::id}); empty for components and for
 *                     resources on a default provider (which the mesh never uses)
 * @param dependencies the URNs it depends on, explicit and through its inputs
 * @param protect      whether {@code pulumi destroy} refuses to delete it
 * @param inputs       its inputs as registered; secret values are {@link Secret}
 * @param aliases      what it was known as before, so that Pulumi keeps it instead of replacing it, as registered
 */
public record RecordedResource(String urn, String type, String name, boolean custom, String parentUrn,
                               String providerRef, List<String> dependencies, boolean protect,
                               Map<String, Object> inputs, List<Alias> aliases) {

    /**
     * One alias as the SDK registers it (an alias spec; the engine turns it into a URN). Empty parts
     * are the resource's own.
     *
     * @param urn       a whole former URN, or empty when the alias is a spec
     * @param name      the former name
     * @param type      the former type
     * @param parentUrn the former parent
     * @param noParent  whether the resource had no parent (it was at the top of the stack)
     */
    public record Alias(String urn, String name, String type, String parentUrn, boolean noParent) {
    }

    /** The former names (or URNs) its aliases give it; aliases that only change the type (as the Kubernetes SDK adds itself) name none. */
    public List<String> formerNames() {
        return aliases.stream().map(a -> a.urn().isEmpty() ? a.name() : a.urn()).filter(n -> !n.isEmpty()).toList();
    }

    /** A resource without aliases. */
    public RecordedResource(String urn, String type, String name, boolean custom, String parentUrn, String providerRef,
                            List<String> dependencies, boolean protect, Map<String, Object> inputs) {
        this(urn, type, name, custom, parentUrn, providerRef, dependencies, protect, inputs, List.of());
    }

    /** The provider's URN, without the id. */
    public Optional<String> providerUrn() {
        if (providerRef == null || providerRef.isEmpty()) {
            return Optional.empty();
        }
        var cut = providerRef.lastIndexOf("::");
        return Optional.of(cut < 0 ? providerRef : providerRef.substring(0, cut));
    }

    /** Whether this is a Kubernetes object (not a provider, component or tls resource). */
    public boolean isKubernetes() {
        return type.startsWith("kubernetes:");
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** An input by dotted path ({@code metadata.name}), unwrapping secrets. */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (current instanceof Secret s) {
                current = s.value();
            }
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        if (current instanceof Secret s) {
            current = s.value();
        }
        return Optional.ofNullable(current);
    }

    /** Whether the input at a dotted path is a Pulumi secret, or sits inside one. */
    public boolean isSecret(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (current instanceof Secret) {
                return true;
            }
            if (!(current instanceof Map<?, ?> map)) {
                return false;
            }
            current = map.get(part);
        }
        return current instanceof Secret;
    }
}
