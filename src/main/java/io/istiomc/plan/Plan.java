package io.istiomc.plan;

import io.istiomc.config.MeshConfig;
import io.istiomc.program.ApiServers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code pulumi up} would register for a stack: every resource in URN order, the stack
 * outputs, and the values that were simulated.
 *
 * @param stack      the stack name
 * @param config     the validated configuration
 * @param apiServers each remote's API server and where it came from
 * @param resources  every registered resource, sorted by URN
 * @param outputs    the stack outputs; secret values are {@link Secret}
 * @param warnings   what the program warned about
 */
public record Plan(String stack, MeshConfig config, Map<String, ApiServers.ApiServer> apiServers,
                   List<RecordedResource> resources, Map<String, Object> outputs, List<String> warnings) {

    public Plan {
        resources = resources.stream().sorted(Comparator.comparing(RecordedResource::urn)).toList();
    }

    public List<RecordedResource> resources(Predicate<RecordedResource> filter) {
        return resources.stream().filter(filter).toList();
    }

    public Optional<RecordedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /** The one resource of a type and name; fails when there is none or more than one. */
    public RecordedResource resource(String type, String name) {
        var matches = resources(r -> r.type().equals(type) && r.name().equals(name));
        if (matches.size() != 1) {
            throw new IllegalStateException("expected one " + type + " named '" + name + "', found " + matches.size());
        }
        return matches.get(0);
    }

    /** The cluster whose provider a resource uses, by the provider's kube context; empty for non-Kubernetes resources. */
    public Optional<String> clusterOf(RecordedResource resource) {
        return resource.providerUrn().flatMap(this::byUrn)
                .flatMap(provider -> provider.input("context"))
                .flatMap(context -> config.clusters().stream().filter(c -> c.context().equals(context)).findFirst())
                .map(MeshConfig.Cluster::name);
    }

    /** The gateway address of a cluster as the plan computed it, and whether it was simulated. */
    public GatewayAddress gatewayAddress(String clusterName) {
        @SuppressWarnings("unchecked")
        var addresses = (Map<String, Object>) outputs.get("gatewayAddresses");
        var cluster = config.clusters().stream().filter(c -> c.name().equals(clusterName)).findFirst().orElseThrow();
        return new GatewayAddress(String.valueOf(addresses.get(clusterName)), cluster.gateway().address().isEmpty());
    }

    /** A gateway address and whether the simulation made it up. */
    public record GatewayAddress(String value, boolean simulated) {
    }
}
