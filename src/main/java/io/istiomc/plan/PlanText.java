package io.istiomc.plan;

import io.istiomc.components.HelmValues;
import io.istiomc.components.RegisteredNames;
import io.istiomc.config.Printable;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plan for people: each cluster with its resources under their components, the counts, and
 * the wiring, every dependency that crosses from one cluster into another with the value it carries.
 */
public final class PlanText {
    private static final String COMPONENT_PREFIX = "istio-multicluster:index:";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private PlanText() {
    }

    public static String write(Plan plan) {
        var out = new StringBuilder();
        var config = plan.topology();
        var resources = plan.resources(r -> !r.type().equals("pulumi:pulumi:Stack"));
        out.append("Plan of stack '").append(plan.stack()).append("': ").append(count(config.clusters().size(), "cluster"))
                .append(" (").append(count(config.primaries().size(), "primary", "primaries")).append(", ")
                .append(count(config.remotes().size(), "remote")).append(", ")
                .append(count(config.clusters().stream().map(c -> c.network()).distinct().count(), "network")).append("), ")
                .append(resources.size()).append(" resources, mesh '").append(plan.mesh().meshId())
                .append("', Istio ").append(istio(io.istiomc.components.Revisions.of(plan.mesh().istio()))).append(".\n");
        out.append("Offline: no cluster was contacted; values only a live cluster knows are marked (simulated).\n\n");

        out.append("Clusters\n");
        for (var cluster : config.clusters()) {
            var gateway = plan.gatewayAddress(cluster.name())
                    .map(address -> address.value() + ":" + cluster.gateway().port() + (address.simulated() ? " (simulated)" : ""))
                    .orElse("none");
            out.append(String.format("  %-14s %-8s control plane %-14s context %-14s network %-12s gateway %s%n",
                    cluster.name(), cluster.roleName(), config.controlPlaneOf(cluster).orElse(cluster.name()),
                    Printable.escape(cluster.context()), cluster.network(), gateway));
            var apiServer = plan.apiServers().get(cluster.name());
            if (apiServer != null) {
                var watchers = config.watchersOf(cluster).stream().map(c -> c.name()).toList();
                out.append(String.format("  %-14s %-8s api server %s (%s)%s, watched by %s%n", "", "", apiServer.url(),
                        apiServer.origin(), apiServer.tlsServerName().map(n -> ", tls-server-name " + n).orElse(""),
                        String.join(", ", watchers)));
            }
        }

        var byCluster = new LinkedHashMap<String, List<RecordedResource>>();
        config.clusters().forEach(c -> byCluster.put(c.name(), new ArrayList<>()));
        var noCluster = new ArrayList<RecordedResource>();
        for (var resource : resources) {
            if (!resource.custom()) {
                continue;
            }
            var cluster = plan.clusterOf(resource);
            if (cluster.isPresent()) {
                byCluster.get(cluster.get()).add(resource);
            } else if (!resource.isProvider()) {
                noCluster.add(resource);
            }
        }
        for (var entry : byCluster.entrySet()) {
            var cluster = config.clusters().stream().filter(c -> c.name().equals(entry.getKey())).findFirst().orElseThrow();
            out.append("\n").append(cluster.name()).append(" (").append(cluster.roleName())
                    .append(config.controlPlaneOf(cluster).map(p -> " of " + p).orElse("")).append(", context ")
                    .append(Printable.escape(cluster.context())).append("): ").append(entry.getValue().size()).append(" resources\n");
            tree(plan, entry.getValue(), out);
        }
        releaseValues(byCluster, out);
        out.append("\nNot in a cluster (pulumi-tls, kept in Pulumi state): ").append(noCluster.size()).append(" resources\n");
        tree(plan, noCluster, out);

        out.append("\nCounts by type\n");
        var counts = new TreeMap<String, Integer>();
        resources.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        counts.forEach((type, count) -> out.append(String.format("  %4d  %s%n", count, type)));

        wiring(plan, resources, out);
        out.append("\nOutputs\n");
        appendOutputs((Map<?, ?>) Redaction.redact(plan.outputs()), out);
        return out.toString();
    }

    /**
     * Every release's values as the provider passes them to Helm, one dotted key a line: the user's
     * ({@code istio.values}, then {@code clusters[].values}, then the typed keys) under the mesh's own,
     * secrets redacted. Helm merges the chart's defaults below them.
     */
    private static void releaseValues(Map<String, List<RecordedResource>> byCluster, StringBuilder out) {
        out.append("\nHelm values (over each chart's defaults: istio.values, clusters[].values, the typed keys, then the mesh's own)\n");
        byCluster.forEach((cluster, resources) -> resources.stream()
                .filter(r -> r.type().equals(RegisteredNames.RELEASE))
                .sorted(Comparator.comparing(RecordedResource::name))
                .forEach(release -> {
                    out.append("  ").append(cluster).append(" ").append(release.input("name").orElse("?"))
                            .append(" (chart ").append(release.input("chart").orElse("?")).append(")\n");
                    var values = (Map<?, ?>) Redaction.redact(release.inputs().getOrDefault("values", Map.of()));
                    HelmValues.forEachLeaf(asValues(values), (key, value) -> out.append("    ").append(Printable.escape(key))
                            .append(": ").append(Printable.escape(leafText(value))).append("\n"));
                }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asValues(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static String leafText(Object value) {
        // A string that would read as a number, a boolean or null is quoted, so "true" and true differ.
        if (value instanceof String text && !text.isEmpty()
                && !text.matches("(?i)true|false|null|~|[-+]?[0-9][0-9._eE+-]*|[-+]?\\.[0-9]+")) {
            return text;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** The Istio version alone, or each revision with its version and which one the default tag names. */
    private static String istio(io.istiomc.components.Revisions revisions) {
        if (!revisions.listed()) {
            return revisions.defaultRevision().version();
        }
        return "revisions " + revisions.all().stream().map(r -> r.name() + " (" + r.version() + ")")
                .collect(java.util.stream.Collectors.joining(", ")) + ", default tag on " + revisions.defaultRevision().name();
    }

    private static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static StringBuilder appendOutputs(Map<?, ?> outputs, StringBuilder out) {
        outputs.forEach((name, value) -> {
            var text = String.valueOf(value);
            if (value instanceof String s && s.contains("\n")) {
                out.append("  ").append(name).append(":\n");
                s.lines().forEach(line -> out.append("    ").append(Printable.escape(line)).append("\n"));
            } else if (value instanceof Map<?, ?> map) {
                // Values carry config text (a context in a verify command): escaped like every echoed value.
                out.append("  ").append(name).append(":\n");
                map.forEach((k, v) -> out.append("    ").append(k).append(": ").append(Printable.escape(String.valueOf(v))).append("\n"));
            } else {
                out.append("  ").append(name).append(": ").append(Printable.escape(text)).append("\n");
            }
        });
        return out;
    }

    /** Resources grouped under the component that owns them. */
    private static void tree(Plan plan, List<RecordedResource> resources, StringBuilder out) {
        var byComponent = new TreeMap<String, List<RecordedResource>>();
        for (var resource : resources) {
            var parent = plan.byUrn(resource.parentUrn());
            var label = parent.filter(p -> !p.custom() && p.type().startsWith(COMPONENT_PREFIX))
                    .map(p -> p.type().substring(COMPONENT_PREFIX.length()) + " " + p.name())
                    .orElse("(stack)");
            byComponent.computeIfAbsent(label, k -> new ArrayList<>()).add(resource);
        }
        byComponent.forEach((component, children) -> {
            out.append("  ").append(component).append("\n");
            children.stream().sorted(Comparator.comparing(RecordedResource::type).thenComparing(RecordedResource::name))
                    .forEach(r -> out.append(String.format("    %-52s %-44s %s%n", r.type(), r.name(), objectName(r))));
        });
    }

    /** {@code namespace/name} of a Kubernetes object or the release name of a Helm release. */
    static String objectName(RecordedResource resource) {
        if (resource.type().equals("kubernetes:helm.sh/v3:Release")) {
            return resource.input("namespace").orElse("?") + "/" + resource.input("name").orElse("?")
                    + " (chart " + resource.input("chart").orElse("?") + " " + resource.input("version").orElse("") + ")";
        }
        var name = resource.input("metadata.name");
        if (name.isEmpty()) {
            return "";
        }
        return resource.input("metadata.namespace").map(ns -> ns + "/").orElse("") + name.get();
    }

    private static void wiring(Plan plan, List<RecordedResource> resources, StringBuilder out) {
        var edges = new TreeMap<String, List<String>>();
        int count = 0;
        for (var target : resources) {
            var targetCluster = plan.clusterOf(target);
            if (targetCluster.isEmpty()) {
                continue;
            }
            for (var dependencyUrn : target.dependencies()) {
                var source = plan.byUrn(dependencyUrn);
                if (source.isEmpty() || !source.get().custom()) {
                    continue;
                }
                var sourceCluster = plan.clusterOf(source.get());
                // A CA's resources are in no cluster: name them after the component that owns them.
                var from = sourceCluster.orElseGet(() -> source.get().type().startsWith("tls:")
                        ? plan.byUrn(source.get().parentUrn()).map(RecordedResource::name).orElse(null) : null);
                if (from == null || from.equals(targetCluster.get())) {
                    continue;
                }
                count++;
                edges.computeIfAbsent(from + " -> " + targetCluster.get(), k -> new ArrayList<>())
                        .add(describeSource(plan, source.get()) + "\n        -> " + describeTarget(plan, target));
            }
        }
        out.append("\nWiring: ").append(count).append(" dependencies carry values from one cluster (or the CA) into another\n");
        edges.forEach((pair, lines) -> {
            out.append("  ").append(pair).append("\n");
            lines.stream().distinct().sorted().forEach(line -> out.append("      ").append(line).append("\n"));
        });
    }

    private static String describeSource(Plan plan, RecordedResource source) {
        var kind = source.type().substring(source.type().lastIndexOf(':') + 1);
        var what = kind + " " + objectName(source);
        if (kind.equals("Service") && objectName(source).endsWith("istio-eastwestgateway")) {
            var cluster = plan.clusterOf(source).orElseThrow();
            return what + plan.gatewayAddress(cluster).map(address -> ": gatewayAddress " + address.value()
                    + (address.simulated() ? " (simulated)" : "")).orElse("");
        }
        if (kind.equals("Secret") && "kubernetes.io/service-account-token".equals(source.input("type").orElse(null))) {
            return what + ": reader token and API server CA [secret] (simulated)";
        }
        if (source.type().startsWith("tls:")) {
            return source.type() + " " + source.name() + (kind.equals("PrivateKey") ? " [secret]" : "");
        }
        return what;
    }

    private static String describeTarget(Plan plan, RecordedResource target) {
        var kind = target.type().substring(target.type().lastIndexOf(':') + 1);
        var what = kind + " " + objectName(target);
        Optional<Object> pilot = target.input("values.global.remotePilotAddress");
        if (pilot.isPresent()) {
            return what + ": global.remotePilotAddress = " + pilot.get();
        }
        if (kind.equals("ConfigMapPatch")) {
            return what + ": meshNetworks";
        }
        if (target.input("metadata.labels").map(l -> ((Map<?, ?>) l).containsKey("istio/multiCluster")).orElse(false)) {
            var cluster = target.input("metadata.annotations")
                    .map(a -> String.valueOf(((Map<?, ?>) a).get("networking.istio.io/cluster"))).orElse("?");
            var apiServer = plan.apiServers().get(cluster);
            return what + ": kubeconfig [secret] for " + (apiServer == null ? "?" : apiServer.url());
        }
        if (target.isSecret("stringData")) {
            return what + " [secret]";
        }
        return what;
    }

}
