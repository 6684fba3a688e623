package io.istiomc.components;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Optional;

/** Reads what the mesh needs from an operator's kubeconfig: the API server URL behind a context. */
public final class Kubeconfigs {
    private Kubeconfigs() {
    }

    /**
     * The {@code server} of the cluster that {@code context} names, as {@code kubectl config view
     * --minify} would show it (the guide's {@code SERVER=} line).
     *
     * @return empty when the context or its cluster is not in the kubeconfig
     * @throws IOException when the text is not YAML
     */
    public static Optional<String> serverOf(String kubeconfigYaml, String context) throws IOException {
        JsonNode root = Yaml.mapper().readTree(kubeconfigYaml);
        if (root == null) {
            return Optional.empty();
        }
        var clusterName = findNamed(root.get("contexts"), context).map(c -> c.path("context").path("cluster").asText(null));
        return clusterName.flatMap(name -> findNamed(root.get("clusters"), name))
                .map(c -> c.path("cluster").path("server").asText(null))
                .filter(s -> !s.isBlank());
    }

    private static Optional<JsonNode> findNamed(JsonNode list, String name) {
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        for (var item : list) {
            if (name.equals(item.path("name").asText(null))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
