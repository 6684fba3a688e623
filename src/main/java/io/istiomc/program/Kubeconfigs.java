package io.istiomc.program;

import io.istiomc.config.YamlInput;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the mesh needs from an operator's kubeconfigs: which cluster a context names and that
 * cluster's API server URL, after merging several files as kubectl merges {@code $KUBECONFIG}.
 * Nothing here quotes a kubeconfig's content: its lines may hold tokens and keys.
 */
public final class Kubeconfigs {
    /** Keys of a kubeconfig's top level; a document with none of them is something else. */
    private static final Set<String> KUBECONFIG_KEYS = Set.of("apiVersion", "kind", "clusters", "contexts", "users",
            "current-context", "preferences", "extensions");

    private Kubeconfigs() {
    }

    /** One kubeconfig's named entries: context name to the cluster it names, cluster name to its server. */
    public record Kubeconfig(Map<String, String> contextClusters, Map<String, Optional<String>> clusterServers) {
        public Kubeconfig {
            contextClusters = Map.copyOf(contextClusters);
            clusterServers = Map.copyOf(clusterServers);
        }
    }

    /** What a context leads to. */
    public enum Outcome {
        /** The context, its cluster and the cluster's server are there. */
        FOUND,
        /** No context of that name. */
        NO_CONTEXT,
        /** The context names a cluster that is not there. */
        NO_CLUSTER,
        /** The cluster entry has no server. */
        NO_SERVER
    }

    /**
     * Where a context leads.
     *
     * @param cluster the cluster the context names (empty when the context is missing)
     * @param server  that cluster's server (present only for {@link Outcome#FOUND})
     */
    public record Lookup(Outcome outcome, Optional<String> cluster, Optional<String> server) {
    }

    /**
     * Reads a kubeconfig file.
     *
     * @param source how messages name it (never its content)
     * @throws YamlInput.RejectedInputException when it is too large, not UTF-8, not YAML, or not a kubeconfig
     * @throws java.io.IOException when it cannot be read
     */
    public static Kubeconfig readFile(Path file, String source) throws java.io.IOException {
        return of(YamlInput.readFile(file, source, false), source);
    }

    /** As {@link #readFile}, from a kubeconfig's content. */
    public static Kubeconfig parse(String text, String source) throws YamlInput.RejectedInputException {
        return of(YamlInput.readText(text, source, false), source);
    }

    private static Kubeconfig of(Object document, String source) throws YamlInput.RejectedInputException {
        if (document == null) {
            // kubectl reads an empty file as an empty kubeconfig.
            return new Kubeconfig(Map.of(), Map.of());
        }
        if (!(document instanceof Map<?, ?> root) || root.keySet().stream().noneMatch(KUBECONFIG_KEYS::contains)
                || (root.containsKey("kind") && !"Config".equals(root.get("kind")))) {
            throw new YamlInput.RejectedInputException(source + " is not a kubeconfig (expected 'kind: Config' with"
                    + " 'clusters' and 'contexts')");
        }
        var contexts = new LinkedHashMap<String, String>();
        for (var entry : namedEntries(root.get("contexts"), "contexts", source)) {
            var context = entry.get("context");
            var cluster = context instanceof Map<?, ?> c ? c.get("cluster") : null;
            contexts.putIfAbsent(String.valueOf(entry.get("name")), cluster == null ? "" : String.valueOf(cluster));
        }
        var clusters = new LinkedHashMap<String, Optional<String>>();
        for (var entry : namedEntries(root.get("clusters"), "clusters", source)) {
            var cluster = entry.get("cluster");
            var server = cluster instanceof Map<?, ?> c ? c.get("server") : null;
            clusters.putIfAbsent(String.valueOf(entry.get("name")),
                    Optional.ofNullable(server).map(String::valueOf).filter(s -> !s.isBlank()));
        }
        return new Kubeconfig(contexts, clusters);
    }

    private static List<Map<?, ?>> namedEntries(Object list, String key, String source) throws YamlInput.RejectedInputException {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof Map<?, ?> m) || m.get("name") == null)) {
            throw new YamlInput.RejectedInputException(source + " is not a kubeconfig ('" + key + "' must be a list of"
                    + " entries with a 'name')");
        }
        return items.stream().<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
    }

    /**
     * Several kubeconfigs as one, as kubectl merges the files of {@code $KUBECONFIG}: the first file
     * that defines a context or a cluster of some name wins.
     */
    public static Kubeconfig merge(List<Kubeconfig> files) {
        var contexts = new LinkedHashMap<String, String>();
        var clusters = new LinkedHashMap<String, Optional<String>>();
        for (var file : files) {
            file.contextClusters().forEach(contexts::putIfAbsent);
            file.clusterServers().forEach(clusters::putIfAbsent);
        }
        return new Kubeconfig(contexts, clusters);
    }

    /** Where {@code context} leads, as {@code kubectl config view --minify} would show it (the guide's {@code SERVER=} line). */
    public static Lookup lookup(Kubeconfig kubeconfig, String context) {
        var cluster = kubeconfig.contextClusters().get(context);
        if (cluster == null) {
            return new Lookup(Outcome.NO_CONTEXT, Optional.empty(), Optional.empty());
        }
        var server = kubeconfig.clusterServers().get(cluster);
        if (server == null) {
            return new Lookup(Outcome.NO_CLUSTER, Optional.of(cluster), Optional.empty());
        }
        return new Lookup(server.isPresent() ? Outcome.FOUND : Outcome.NO_SERVER, Optional.of(cluster), server);
    }
}
