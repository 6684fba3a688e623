package io.istiomc.program;

import io.istiomc.config.YamlInput;

import java.nio.file.Path;
import java.util.Collections;
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

    /**
     * One kubeconfig's named entries, each the map under its {@code context}, {@code cluster} or
     * {@code user} key, with relative file names already resolved against the kubeconfig's folder (as
     * clientcmd resolves them on load). The entries hold credentials: {@link #toString()} names the
     * entries only.
     */
    public record Kubeconfig(Map<String, Map<String, Object>> contexts, Map<String, Map<String, Object>> clusters,
                             Map<String, Map<String, Object>> users, Optional<String> currentContext) {
        public Kubeconfig {
            contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
            clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
            users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        }

        @Override
        public String toString() {
            return "Kubeconfig[contexts=" + contexts.keySet() + ", clusters=" + clusters.keySet() + ", users="
                    + users.keySet() + ", currentContext=" + currentContext.orElse("") + "]";
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
        var folder = file.toAbsolutePath().getParent();
        return of(YamlInput.readFile(file, source, false), source, folder == null ? Path.of("") : folder);
    }

    /** As {@link #readFile}, from a kubeconfig's content. */
    public static Kubeconfig parse(String text, String source) throws YamlInput.RejectedInputException {
        return of(YamlInput.readText(text, source, false), source, Path.of("").toAbsolutePath());
    }

    /** Fields that name a file, by entry kind: clientcmd resolves them against the kubeconfig's folder. */
    private static final Map<String, List<String>> FILE_FIELDS = Map.of(
            "cluster", List.of("certificate-authority"),
            "user", List.of("client-certificate", "client-key", "tokenFile"));

    private static Kubeconfig of(Object document, String source, Path folder) throws YamlInput.RejectedInputException {
        if (document == null) {
            // kubectl reads an empty file as an empty kubeconfig.
            return new Kubeconfig(Map.of(), Map.of(), Map.of(), Optional.empty());
        }
        if (!(document instanceof Map<?, ?> root) || root.keySet().stream().noneMatch(KUBECONFIG_KEYS::contains)
                || (root.containsKey("kind") && !"Config".equals(root.get("kind")))) {
            throw new YamlInput.RejectedInputException(source + " is not a kubeconfig (expected 'kind: Config' with"
                    + " 'clusters' and 'contexts')");
        }
        return new Kubeconfig(entries(root.get("contexts"), "contexts", "context", source, folder),
                entries(root.get("clusters"), "clusters", "cluster", source, folder),
                entries(root.get("users"), "users", "user", source, folder),
                Optional.ofNullable(root.get("current-context")).map(String::valueOf).filter(c -> !c.isEmpty()));
    }

    /** The entries of one list by name (the first of a name wins, as in clientcmd), each its {@code field} map. */
    private static Map<String, Map<String, Object>> entries(Object list, String key, String field, String source,
                                                            Path folder) throws YamlInput.RejectedInputException {
        var result = new LinkedHashMap<String, Map<String, Object>>();
        for (var entry : namedEntries(list, key, source)) {
            var fields = new LinkedHashMap<String, Object>();
            if (entry.get(field) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            }
            for (var fileField : FILE_FIELDS.getOrDefault(field, List.of())) {
                if (fields.get(fileField) instanceof String file && !file.isEmpty()) {
                    fields.put(fileField, folder.resolve(file).toString());
                }
            }
            result.putIfAbsent(String.valueOf(entry.get("name")), fields);
        }
        return result;
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
        var contexts = new LinkedHashMap<String, Map<String, Object>>();
        var clusters = new LinkedHashMap<String, Map<String, Object>>();
        var users = new LinkedHashMap<String, Map<String, Object>>();
        Optional<String> currentContext = Optional.empty();
        for (var file : files) {
            currentContext = currentContext.or(file::currentContext);
            file.contexts().forEach(contexts::putIfAbsent);
            file.clusters().forEach(clusters::putIfAbsent);
            file.users().forEach(users::putIfAbsent);
        }
        return new Kubeconfig(contexts, clusters, users, currentContext);
    }

    /** Where {@code context} leads, as {@code kubectl config view --minify} would show it (the guide's {@code SERVER=} line). */
    public static Lookup lookup(Kubeconfig kubeconfig, String context) {
        var contextEntry = kubeconfig.contexts().get(context);
        if (contextEntry == null) {
            return new Lookup(Outcome.NO_CONTEXT, Optional.empty(), Optional.empty());
        }
        var cluster = contextEntry.get("cluster") == null ? "" : String.valueOf(contextEntry.get("cluster"));
        var clusterEntry = kubeconfig.clusters().get(cluster);
        if (clusterEntry == null) {
            return new Lookup(Outcome.NO_CLUSTER, Optional.of(cluster), Optional.empty());
        }
        var server = Optional.ofNullable(clusterEntry.get("server")).map(String::valueOf).filter(s -> !s.isBlank());
        return new Lookup(server.isPresent() ? Outcome.FOUND : Outcome.NO_SERVER, Optional.of(cluster), server);
    }
}
