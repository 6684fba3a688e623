package io.istiomc.testing;

import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one helper over a plan's recorded graph, with named relations: {@link #waitsFor} (creation
 * order through dependencies) and {@link #deletedBefore} (destroy order, which parents and
 * providers constrain too), the order {@code pulumi destroy} may delete in, and the dependencies
 * that cross from one cluster into another. An edge leads from a resource to everything that must
 * exist before it and be deleted after it: its dependencies (a dependency on a component means on
 * all the component's descendants), its parent and its provider.
 */
public final class PlanGraph {
    private final Plan plan;
    private final Map<String, RecordedResource> byUrn = new TreeMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Set<String>> edges = new TreeMap<>();
    private final Map<String, Set<String>> dependencyEdges = new TreeMap<>();

    public PlanGraph(Plan plan) {
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

    public Plan plan() {
        return plan;
    }

    public RecordedResource resource(String urn) {
        return byUrn.get(urn);
    }

    /** Every descendant (children, their children, ...). */
    public List<RecordedResource> descendantsOf(String urn) {
        return descendants(urn).stream().map(byUrn::get).toList();
    }

    /** Every descendant's URN (children, their children, ...). */
    public Set<String> descendants(String urn) {
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
    public Set<String> dependencies(RecordedResource resource) {
        return dependencyEdges.getOrDefault(resource.urn(), Set.of());
    }

    /**
     * Whether {@code from} names {@code to} among its own dependencies (its {@code dependsOn} or an input
     * of {@code to}'s), not only through others: the explicit edge.
     */
    public boolean dependsOn(RecordedResource from, RecordedResource to) {
        return dependencies(from).contains(to.urn());
    }

    /**
     * Whether {@code from} waits for {@code to} before it is created, through its dependencies (and
     * theirs), a dependency on a component meaning one on all its descendants.
     */
    public boolean waitsFor(RecordedResource from, RecordedResource to) {
        return reaches(dependencyEdges, from, to);
    }

    /**
     * Whether {@code pulumi destroy} deletes {@code first} before {@code then}: {@code first} needs
     * {@code then}, directly or through others, by a dependency, its parent or its provider.
     */
    public boolean deletedBefore(RecordedResource first, RecordedResource then) {
        return reaches(edges, first, then);
    }

    private static boolean reaches(Map<String, Set<String>> edges, RecordedResource from, RecordedResource to) {
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
    public List<String> deletionOrder() {
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
    public Optional<String> clusterOf(RecordedResource resource) {
        return plan.clusterOf(resource);
    }

    /** Every dependency edge whose two ends are in different clusters. */
    public List<Edge> crossClusterEdges() {
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

    /** A dependency of {@code dependent} (in cluster {@code fromCluster}) on {@code dependency} (in {@code toCluster}). */
    public record Edge(RecordedResource dependent, String fromCluster, RecordedResource dependency, String toCluster) {
        @Override
        public String toString() {
            return fromCluster + "/" + dependent.type() + "::" + dependent.name() + " -> " + toCluster + "/"
                    + dependency.type() + "::" + dependency.name();
        }
    }
}
