package io.istiomc.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What each custom resource of a plan waits for before Pulumi may create or update it: its
 * dependencies (explicit {@code dependsOn} and through its inputs) and its provider. A dependency on
 * a component means one on all of that component's custom descendants, as the SDKs expand it;
 * components themselves have no step. The benchmark's critical path and the comparison's waves read
 * the same edges; deletes run them backwards.
 */
public final class Dependencies {
    private Dependencies() {
    }

    /**
     * For every custom resource (in URN order), the custom resources it waits for.
     *
     * @throws IllegalArgumentException when a resource depends on a URN that is not in the list
     */
    public static Map<String, Set<String>> waitsFor(List<RecordedResource> resources) {
        var byUrn = new HashMap<String, RecordedResource>();
        var children = new HashMap<String, List<RecordedResource>>();
        for (var r : resources) {
            byUrn.put(r.urn(), r);
            if (r.parentUrn() != null && !r.parentUrn().isEmpty()) {
                children.computeIfAbsent(r.parentUrn(), p -> new ArrayList<>()).add(r);
            }
        }
        var descendants = new HashMap<String, Set<String>>();
        var result = new TreeMap<String, Set<String>>();
        var sorted = resources.stream().filter(RecordedResource::custom)
                .sorted(Comparator.comparing(RecordedResource::urn)).toList();
        for (var r : sorted) {
            var deps = new TreeSet<String>();
            var direct = new ArrayList<>(r.dependencies());
            r.providerUrn().ifPresent(direct::add);
            for (var dep : direct) {
                var target = byUrn.get(dep);
                if (target == null) {
                    throw new IllegalArgumentException(r.urn() + " depends on " + dep + ", which is not in the plan");
                }
                if (target.custom()) {
                    deps.add(dep);
                } else {
                    deps.addAll(customDescendants(dep, children, descendants));
                }
            }
            // A resource never waits for itself (it may depend on a component it belongs to).
            deps.remove(r.urn());
            result.put(r.urn(), Collections.unmodifiableSet(deps));
        }
        return Collections.unmodifiableMap(result);
    }

    /** The custom resources under a component, through nested components (as the SDKs expand a component dependency). */
    private static Set<String> customDescendants(String componentUrn, Map<String, List<RecordedResource>> children,
                                                 Map<String, Set<String>> memo) {
        var known = memo.get(componentUrn);
        if (known != null) {
            return known;
        }
        memo.put(componentUrn, Set.of()); // guards against a parent cycle
        var result = new LinkedHashSet<String>();
        for (var child : children.getOrDefault(componentUrn, List.of())) {
            if (child.custom()) {
                result.add(child.urn());
            } else {
                result.addAll(customDescendants(child.urn(), children, memo));
            }
        }
        memo.put(componentUrn, result);
        return result;
    }

    /**
     * A value for every node of {@code nodes}, computed once from the values of the nodes it points
     * to in {@code edges} (depth first, so those come first): a longest path, a wave number, a finish
     * time. The benchmark's critical path and the comparison's waves and delete waves are all this.
     *
     * @param value the node and the values of the nodes it points to (empty for a node without edges)
     * @throws IllegalArgumentException when the graph has a cycle (no value would be defined)
     */
    public static <V> Map<String, V> fold(Collection<String> nodes, Map<String, ? extends Collection<String>> edges,
                                          BiFunction<String, List<V>, V> value) {
        var memo = new HashMap<String, V>();
        var onPath = new HashSet<String>();
        for (var node : nodes) {
            fold(node, edges, value, memo, onPath);
        }
        return memo;
    }

    private static <V> V fold(String node, Map<String, ? extends Collection<String>> edges, BiFunction<String, List<V>, V> value,
                              Map<String, V> memo, Set<String> onPath) {
        var known = memo.get(node);
        if (known != null) {
            return known;
        }
        if (!onPath.add(node)) {
            throw new IllegalArgumentException("the dependency graph has a cycle through " + node);
        }
        var next = new ArrayList<V>();
        Collection<String> targets = edges.get(node);
        for (var target : targets == null ? List.<String>of() : targets) {
            next.add(fold(target, edges, value, memo, onPath));
        }
        onPath.remove(node);
        var result = value.apply(node, next);
        memo.put(node, result);
        return result;
    }
}
