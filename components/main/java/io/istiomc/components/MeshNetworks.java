package io.istiomc.components;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Istio's meshNetworks document: for every network, which clusters' endpoints are on it
 * ({@code fromRegistry}) and which gateways reach it from other networks. It replaces the guide's
 * two {@code kubectl edit cm istio} steps.
 *
 * <p>Clusters that share a network are listed under the same network; Istio sends traffic between
 * them directly and uses a network's gateways only from other networks. In a mesh on several
 * networks every cluster runs an east-west gateway, so a shared network lists each of them: more
 * than one way in.
 */
public final class MeshNetworks {
    private MeshNetworks() {
    }

    /**
     * One cluster's place in the mesh network.
     *
     * @param network        the cluster's network
     * @param clusterName    the cluster's registry name (its Istio cluster name)
     * @param gatewayAddress its east-west gateway's address (IP or DNS name)
     * @param gatewayPort    the port other networks dial on that address
     */
    public record Member(String network, String clusterName, String gatewayAddress, int gatewayPort) {
        public Member {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(gatewayAddress, "gatewayAddress");
        }
    }

    /** The document as Istio reads it; networks and clusters keep the order they are given in. */
    public static Map<String, Object> document(List<Member> members) {
        var networks = new LinkedHashMap<String, Map<String, List<Map<String, Object>>>>();
        for (var member : members) {
            var network = networks.computeIfAbsent(member.network(), n -> {
                var entry = new LinkedHashMap<String, List<Map<String, Object>>>();
                entry.put("endpoints", new ArrayList<>());
                entry.put("gateways", new ArrayList<>());
                return entry;
            });
            network.get("endpoints").add(Map.of("fromRegistry", member.clusterName()));
            var gateway = new LinkedHashMap<String, Object>();
            gateway.put("address", member.gatewayAddress());
            gateway.put("port", member.gatewayPort());
            network.get("gateways").add(gateway);
        }
        return Map.of("networks", networks);
    }

    /** The document as YAML, the form the {@code meshNetworks} key of the {@code istio} ConfigMap holds. */
    public static String yaml(List<Member> members) {
        return Yaml.write(document(members));
    }
}
