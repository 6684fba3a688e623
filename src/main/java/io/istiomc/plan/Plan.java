package io.istiomc.plan;

import io.istiomc.components.Names;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshTopology;
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
 * @param mesh       the mesh the program declared: the validated configuration, API servers resolved
 * @param apiServers each watched cluster's API server and where it came from
 * @param resources  every registered resource, sorted by URN
 * @param outputs    the stack outputs; secret values are {@link Secret}
 * @param warnings   what the program warned about
 */
public record Plan(String stack, MeshArgs mesh, Map<String, ApiServers.ApiServer> apiServers,
                   List<RecordedResource> resources, Map<String, Object> outputs, List<String> warnings) {

    public Plan {
        resources = resources.stream().sorted(Comparator.comparing(RecordedResource::urn)).toList();
    }

    /** The mesh's topology: roles, control planes, watching, gateways. */
    public MeshTopology topology() {
        return MeshTopology.of(mesh);
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

    /**
     * The cluster a resource is in, by name: for a Kubernetes object, the cluster whose provider it
     * uses; for a provider, the cluster it belongs to. Empty for components and pulumi-tls resources.
     */
    public Optional<String> clusterOf(RecordedResource resource) {
        var provider = resource.isProvider() ? Optional.of(resource) : resource.providerUrn().flatMap(this::byUrn);
        return provider.filter(RecordedResource::isProvider)
                .flatMap(p -> Names.clusterOfProvider(p.name()))
                .filter(name -> mesh.clusters().stream().anyMatch(c -> c.name().equals(name)));
    }

    /**
     * The gateway address of a cluster as the plan computed it, and whether it was simulated; empty
     * where the topology gives the cluster no east-west gateway.
     */
    public Optional<GatewayAddress> gatewayAddress(String clusterName) {
        @SuppressWarnings("unchecked")
        var addresses = (Map<String, Object>) outputs.getOrDefault("gatewayAddresses", Map.of());
        var cluster = topology().cluster(clusterName).orElseThrow();
        return Optional.ofNullable(addresses.get(clusterName))
                .map(address -> new GatewayAddress(String.valueOf(address), cluster.gateway().address().isEmpty()));
    }

    /** A gateway address and whether the simulation made it up. */
    public record GatewayAddress(String value, boolean simulated) {
    }
}
