package io.istiomc.safety;

import io.istiomc.components.RegisteredNames;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;
import io.istiomc.plan.Secret;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Shared helpers of the safety tests (issue 6): stacks as YAML text, plans, the command line, and
 * the recorded resource graph as {@code pulumi destroy} would walk it.
 */
final class SafetyFixture {
    static final String STACK = "safety";
    static final String NAMESPACE = RegisteredNames.NAMESPACE;
    static final String SERVICE = RegisteredNames.SERVICE;
    static final String SECRET = RegisteredNames.SECRET;
    static final String CONFIG_MAP_PATCH = RegisteredNames.CONFIG_MAP_PATCH;
    static final String RELEASE = RegisteredNames.RELEASE;
    static final String K8S_PROVIDER = RegisteredNames.K8S_PROVIDER;
    static final String PRIVATE_KEY = RegisteredNames.PRIVATE_KEY;
    static final String SELF_SIGNED_CERT = RegisteredNames.SELF_SIGNED_CERT;
    static final String CERT_REQUEST = RegisteredNames.CERT_REQUEST;
    static final String LOCALLY_SIGNED_CERT = RegisteredNames.LOCALLY_SIGNED_CERT;
    static final String ISTIO_CR_PREFIX = "kubernetes:networking.istio.io/";
    static final String SAMPLE_APPS = io.istiomc.components.SampleApps.TYPE;
    static final String MESH_LINK = io.istiomc.components.MeshLink.TYPE;

    private SafetyFixture() {
    }

    // --- stacks ---

    /** The configuration of a stack file's text ({@code config:} block), as the engine would pass it. */
    static RawConfig raw(String stackYaml) {
        try {
            return RawConfig.fromStackYaml(stackYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration of a stack file. */
    static RawConfig raw(Path stackFile) {
        try {
            return RawConfig.fromStackFile(stackFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under {@code src/test/resources}, by its classpath name (e.g. {@code safety/invalid/01-x.yaml}). */
    static Path testResource(String name) {
        var url = SafetyFixture.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan of a stack given as YAML text; the default kubeconfig is never read. */
    static Plan plan(String stackYaml) {
        return PlanRunner.run(STACK, raw(stackYaml), java.util.List.of());
    }

    /** Builds a stack's YAML: primary {@code cluster1} (context ctx-cluster1, network1) and remotes cluster2... */
    static StackYaml stack() {
        return new StackYaml();
    }

    // --- command line ---

    static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    // --- values ---

    /**
     * Visits every string in a value (maps, lists, secrets), telling whether it sits inside a
     * {@link Secret}; {@code path} is dotted, list items as {@code [i]}.
     */
    static void visitStrings(Object value, String path, boolean inSecret, StringVisitor visitor) {
        if (value instanceof Secret secret) {
            visitStrings(secret.value(), path, true, visitor);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visitStrings(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, inSecret, visitor));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visitStrings(list.get(i), path + "[" + i + "]", inSecret, visitor);
            }
        } else if (value != null) {
            visitor.visit(path, String.valueOf(value), inSecret);
        }
    }

    @FunctionalInterface
    interface StringVisitor {
        void visit(String path, String value, boolean inSecret);
    }

    /** Every map key at any depth of a value, with the dotted path of the map that holds it. */
    static void visitKeys(Object value, String path, BiConsumer<String, String> visitor) {
        if (value instanceof Secret secret) {
            visitKeys(secret.value(), path, visitor);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visitor.accept(path, String.valueOf(k));
                visitKeys(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, visitor);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> visitKeys(v, path + "[]", visitor));
        }
    }

    // --- the resource graph ---

    /**
     * The recorded graph as the engine orders it: an edge from a resource to everything that must
     * exist before it and be deleted after it — its dependencies (a dependency on a component means
     * on all the component's descendants), its parent and its provider.
     */
    static final class Graph {
        private final Plan plan;
        private final Map<String, RecordedResource> byUrn = new TreeMap<>();
        private final Map<String, List<String>> children = new HashMap<>();
        private final Map<String, Set<String>> edges = new TreeMap<>();
        private final Map<String, Set<String>> dependencyEdges = new TreeMap<>();

        Graph(Plan plan) {
            this.plan = plan;
            plan.resources().forEach(r -> byUrn.put(r.urn(), r));
            plan.resources().forEach(r -> children.computeIfAbsent(r.parentUrn(), p -> new ArrayList<>()).add(r.urn()));
            for (var resource : plan.resources()) {
                var dependencies = new TreeSet<String>();
                for (var urn : resource.dependencies()) {
                    dependencies.add(urn);
                    var dependency = byUrn.get(urn);
                    if (dependency != null && !dependency.custom()) {
                        dependencies.addAll(descendants(urn));
                    }
                }
                dependencyEdges.put(resource.urn(), dependencies);
                var all = new TreeSet<>(dependencies);
                if (byUrn.containsKey(resource.parentUrn())) {
                    all.add(resource.parentUrn());
                }
                resource.providerUrn().filter(byUrn::containsKey).ifPresent(all::add);
                edges.put(resource.urn(), all);
            }
        }

        Plan plan() {
            return plan;
        }

        RecordedResource resource(String urn) {
            return byUrn.get(urn);
        }

        /** Every descendant's URN (children, their children, ...). */
        Set<String> descendants(String urn) {
            var result = new TreeSet<String>();
            var queue = new ArrayDeque<>(children.getOrDefault(urn, List.of()));
            while (!queue.isEmpty()) {
                var next = queue.poll();
                if (result.add(next)) {
                    queue.addAll(children.getOrDefault(next, List.of()));
                }
            }
            return result;
        }

        /** The dependency edges of a resource (not parent or provider), components expanded. */
        Set<String> dependencies(RecordedResource resource) {
            return dependencyEdges.getOrDefault(resource.urn(), Set.of());
        }

        /** Whether {@code from} waits for {@code to}, directly or through others (dependencies, parents, providers). */
        boolean dependsOn(RecordedResource from, RecordedResource to) {
            var seen = new java.util.HashSet<String>();
            var queue = new ArrayDeque<>(edges.getOrDefault(from.urn(), Set.of()));
            while (!queue.isEmpty()) {
                var urn = queue.poll();
                if (urn.equals(to.urn())) {
                    return true;
                }
                if (seen.add(urn)) {
                    queue.addAll(edges.getOrDefault(urn, Set.of()));
                }
            }
            return false;
        }

        /**
         * The order {@code pulumi destroy} may delete in: the reverse of a topological order of
         * creation (ties broken by URN, so the order is stable).
         *
         * @throws IllegalStateException when the graph has a cycle (no order exists)
         */
        List<String> deletionOrder() {
            var remaining = new HashMap<String, Integer>();
            var dependents = new HashMap<String, List<String>>();
            edges.forEach((urn, deps) -> {
                remaining.put(urn, deps.size());
                deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(urn));
            });
            var ready = new TreeSet<String>();
            remaining.forEach((urn, count) -> {
                if (count == 0) {
                    ready.add(urn);
                }
            });
            var creation = new ArrayList<String>();
            while (!ready.isEmpty()) {
                var next = ready.pollFirst();
                creation.add(next);
                for (var dependent : dependents.getOrDefault(next, List.of())) {
                    if (remaining.merge(dependent, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
            if (creation.size() != edges.size()) {
                var stuck = new TreeSet<>(edges.keySet());
                stuck.removeAll(creation);
                throw new IllegalStateException("the resource graph has a cycle through " + stuck);
            }
            var deletion = new ArrayList<>(creation);
            java.util.Collections.reverse(deletion);
            return deletion;
        }

        /** The cluster of a Kubernetes resource (by its provider), or empty. */
        Optional<String> clusterOf(RecordedResource resource) {
            return plan.clusterOf(resource);
        }

        /** Every dependency edge whose two ends are in different clusters. */
        List<Edge> crossClusterEdges() {
            var result = new ArrayList<Edge>();
            for (var resource : plan.resources()) {
                var from = clusterOf(resource);
                if (from.isEmpty()) {
                    continue;
                }
                for (var urn : dependencies(resource)) {
                    var dependency = byUrn.get(urn);
                    if (dependency == null) {
                        continue;
                    }
                    var to = clusterOf(dependency);
                    if (to.isPresent() && !to.get().equals(from.get())) {
                        result.add(new Edge(resource, from.get(), dependency, to.get()));
                    }
                }
            }
            return result;
        }
    }

    /** A dependency of {@code dependent} (in cluster {@code fromCluster}) on {@code dependency} (in {@code toCluster}). */
    record Edge(RecordedResource dependent, String fromCluster, RecordedResource dependency, String toCluster) {
        @Override
        public String toString() {
            return fromCluster + "/" + dependent.type() + "::" + dependent.name() + " -> " + toCluster + "/"
                    + dependency.type() + "::" + dependency.name();
        }
    }

    /** The parent component's type, or empty for top-level resources. */
    static Optional<String> parentType(Plan plan, RecordedResource resource) {
        return plan.byUrn(resource.parentUrn()).map(RecordedResource::type);
    }

    /** {@code type::name} of each resource, for failure messages. */
    static String names(Collection<RecordedResource> resources) {
        var result = new LinkedHashSet<String>();
        resources.forEach(r -> result.add(r.type() + "::" + r.name()));
        return String.join(", ", result);
    }
}
