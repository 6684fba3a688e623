package io.istiomc.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.istiomc.components.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the plan's Kubernetes objects as files, per cluster: {@code <dir>/<cluster>/NN-kind-namespace-name.yaml}
 * for every object and custom resource (ready for {@code kubectl apply --server-side --dry-run=server -f}),
 * numbered so that namespaces come first; {@code <dir>/<cluster>/helm/<release>.yaml} for every Helm
 * release; and {@code <dir>/<cluster>/patches/kind-namespace-name.yaml} for every patch of an object a
 * release owns. Secret values are replaced by {@link #SECRET_PLACEHOLDER}, keeping the keys of secret maps.
 */
public final class PlanWriter {
    public static final String SECRET_PLACEHOLDER = "[secret: set by pulumi up, not written by the plan]";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final List<String> KIND_ORDER = List.of("Namespace", "ServiceAccount", "ClusterRole",
            "ClusterRoleBinding", "Role", "RoleBinding", "Secret", "ConfigMap", "Service", "Deployment");

    private PlanWriter() {
    }

    /**
     * Lists, one relative path a line, the files the last plan wrote into a directory, so that the next
     * plan removes exactly those (and nothing else a user keeps there) before writing its own.
     */
    public static final String MARKER = ".istio-multicluster-plan";

    /**
     * Writes the files and returns how many. The files an earlier plan wrote into {@code dir} (listed
     * in its {@link #MARKER}) are removed first, so the directory holds this plan only; other files stay.
     */
    public static int write(Plan plan, Path dir) throws IOException {
        removeEarlierPlan(dir);
        var paths = new java.util.ArrayList<String>();
        int written = writeFiles(plan, dir, paths);
        Files.writeString(dir.resolve(MARKER), String.join("\n", paths) + "\n");
        return written;
    }

    private static void removeEarlierPlan(Path dir) throws IOException {
        var marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return;
        }
        var root = dir.toAbsolutePath().normalize();
        var parents = new java.util.TreeSet<Path>(java.util.Comparator.reverseOrder());
        for (var line : Files.readAllLines(marker)) {
            if (line.isBlank()) {
                continue;
            }
            var file = root.resolve(line).normalize();
            // Only files under dir: a marker edited to name '../x' removes nothing outside.
            if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.delete(file);
            for (var parent = file.getParent(); !parent.equals(root); parent = parent.getParent()) {
                parents.add(parent);
            }
        }
        // Directories the earlier plan made, deepest first, where nothing else is left in them.
        for (var parent : parents) {
            try (var entries = Files.list(parent)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            }
        }
        Files.delete(marker);
    }

    private static int writeFiles(Plan plan, Path dir, List<String> paths) throws IOException {
        int written = 0;
        for (var resource : plan.resources()) {
            if (!resource.isKubernetes() || !resource.custom()) {
                continue;
            }
            var cluster = plan.clusterOf(resource).orElseThrow(() -> new IllegalStateException(
                    resource.urn() + " is a Kubernetes object on no cluster's provider"));
            var clusterDir = dir.resolve(cluster);
            if (resource.type().equals(RELEASE)) {
                var file = clusterDir.resolve("helm").resolve(resource.input("name").orElseThrow() + ".yaml");
                writeYaml(file, release(resource));
                paths.add(dir.relativize(file).toString());
            } else {
                var object = object(resource);
                if (resource.type().endsWith("Patch")) {
                    // A patch of an object another owner creates (the istiod chart's ConfigMap): apply it
                    // after the Helm releases, never on its own.
                    var file = clusterDir.resolve("patches").resolve(fileName(object).substring(3));
                    writeYaml(file, object);
                    paths.add(dir.relativize(file).toString());
                } else {
                    var file = clusterDir.resolve(fileName(object));
                    writeYaml(file, object);
                    paths.add(dir.relativize(file).toString());
                }
            }
            written++;
        }
        return written;
    }

    /** The object as {@code kubectl apply} takes it: the resource's inputs, secrets replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(RecordedResource resource) {
        var object = new LinkedHashMap<String, Object>((Map<String, Object>) placeholders(resource.inputs()));
        var token = resource.type().substring("kubernetes:".length());
        var apiVersion = token.substring(0, token.lastIndexOf(':')).replaceFirst("^core/", "");
        var kind = token.substring(token.lastIndexOf(':') + 1).replaceFirst("Patch$", "");
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        var ordered = new LinkedHashMap<String, Object>();
        ordered.put("apiVersion", apiVersion);
        ordered.put("kind", kind);
        ordered.put("metadata", object.remove("metadata"));
        object.remove("apiVersion");
        object.remove("kind");
        ordered.putAll(new TreeMap<>(object));
        return ordered;
    }

    private static Map<String, Object> release(RecordedResource resource) {
        var release = new LinkedHashMap<String, Object>();
        release.put("name", resource.input("name").orElseThrow());
        release.put("namespace", resource.input("namespace").orElseThrow());
        release.put("chart", resource.input("chart").orElseThrow());
        release.put("version", resource.input("version").orElseThrow());
        // An OCI chart carries its registry in the chart reference and has no repository.
        release.put("repository", resource.input("repositoryOpts.repo").orElse(null));
        release.put("skipAwait", resource.input("skipAwait").orElse(false));
        release.put("maxHistory", resource.input("maxHistory").orElse(null));
        release.put("values", placeholders(resource.input("values").orElse(Map.of())));
        return release;
    }

    @SuppressWarnings("unchecked")
    private static String fileName(Map<String, Object> object) {
        var kind = (String) object.get("kind");
        var metadata = (Map<String, Object>) object.get("metadata");
        var rank = KIND_ORDER.indexOf(kind);
        var namespace = metadata.get("namespace");
        return String.format("%02d-%s-%s%s.yaml", rank < 0 ? KIND_ORDER.size() : rank, kind.toLowerCase(Locale.ROOT),
                namespace == null ? "" : namespace + "-", metadata.get("name"));
    }

    private static Object placeholders(Object value) {
        // Keys stay, so that a Secret's stringData is still a map kubectl accepts.
        return Redaction.redact(value, SECRET_PLACEHOLDER, true);
    }

    private static void writeYaml(Path file, Object document) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, Yaml.mapper().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IOException("could not write " + file, e);
        }
    }
}
