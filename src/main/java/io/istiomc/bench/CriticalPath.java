package io.istiomc.bench;

import io.istiomc.components.PrimaryCluster;
import io.istiomc.components.RemoteCluster;
import io.istiomc.plan.Dependencies;
import io.istiomc.plan.RecordedResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How long a deployment of a plan takes, from its dependency graph and {@link StepLatencies}.
 *
 * <p>Model of {@code pulumi up}: a custom resource starts when everything it waits for has finished,
 * and independent resources run in parallel, with unbounded parallelism ({@code pulumi up} without
 * {@code --parallel} sets no effective limit). A resource waits for its dependencies (explicit
 * {@code dependsOn} and through its inputs) and for its provider. A dependency on a component means
 * waiting for all of that component's custom descendants (as the SDKs expand it); components
 * themselves take no time. The deployment then takes as long as its longest weighted chain.
 */
public final class CriticalPath {
    private CriticalPath() {
    }

    /**
     * One step of the critical path.
     *
     * @param resource the custom resource
     * @param step     what kind of step it is and how long it takes
     * @param finish   seconds from the start of the deployment until it is done
     */
    public record Entry(RecordedResource resource, StepLatencies.Step step, double finish) {
    }

    /**
     * The longest chain.
     *
     * @param seconds   how long the deployment takes: the finish time of the chain's last step
     * @param path      the chain, first step first
     */
    public record Result(double seconds, List<Entry> path) {
        /** The steps on the chain that take {@link StepLatencies#SLOW_SECONDS} or more. */
        public int slowSteps() {
            return (int) path.stream().filter(e -> e.step().slow()).count();
        }

        /** The chain's slow steps, e.g. {@code load balancer cluster0-eastwestgateway (90 s) -> ...}. */
        public String describeSlowSteps() {
            var parts = path.stream().filter(e -> e.step().slow())
                    .map(e -> e.step().kind() + " " + e.resource().name() + " (" + format(e.step().seconds()) + " s)")
                    .toList();
            return parts.isEmpty() ? "(no slow step)" : String.join(" -> ", parts);
        }
    }

    /** The critical path with the documented latencies. */
    public static Result of(List<RecordedResource> resources) {
        return of(resources, StepLatencies::of);
    }

    /**
     * The critical path with the given latencies.
     *
     * @throws IllegalArgumentException when a resource depends on a URN that is not in the list, or the graph has a cycle
     */
    public static Result of(List<RecordedResource> resources, Function<RecordedResource, StepLatencies.Step> latency) {
        var waitsFor = Dependencies.waitsFor(resources);
        var byUrn = new HashMap<String, RecordedResource>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        // Each step starts when the last thing it waits for has finished.
        var finish = Dependencies.<Double>fold(waitsFor.keySet(), waitsFor, (urn, before) ->
                before.stream().mapToDouble(Double::doubleValue).max().orElse(0.0) + latency.apply(byUrn.get(urn)).seconds());
        // The chain ends at the resource that finishes last (ties: the first URN), then goes back
        // through the predecessor that finished last.
        String last = null;
        for (var urn : waitsFor.keySet()) {
            if (last == null || finish.get(urn) > finish.get(last)) {
                last = urn;
            }
        }
        var path = new ArrayList<Entry>();
        for (var urn = last; urn != null; ) {
            path.add(new Entry(byUrn.get(urn), latency.apply(byUrn.get(urn)), finish.get(urn)));
            String previous = null;
            for (var dep : waitsFor.get(urn)) {
                if (previous == null || finish.get(dep) > finish.get(previous)) {
                    previous = dep;
                }
            }
            urn = previous;
        }
        Collections.reverse(path);
        return new Result(last == null ? 0.0 : finish.get(last), List.copyOf(path));
    }

    /**
     * The seed guide done by hand for the same clusters: one operator doing every step one after
     * another, cluster by cluster (the guide's order: primary, then each remote, then the remote
     * secrets), each step blocking as long as the same step does under Pulumi ({@code istioctl
     * manifest apply} waits for the control plane, the operator waits for each load balancer IP),
     * plus the guide's manual steps that the program does not have (see {@link StepLatencies}):
     * a meshNetworks edit per cluster, a kubeconfig built per remote, and a wait per remote for its
     * gateway to become ready once the primary watches it.
     */
    public static double serialSeconds(List<RecordedResource> resources) {
        return serialSeconds(resources, StepLatencies::of);
    }

    public static double serialSeconds(List<RecordedResource> resources,
                                       Function<RecordedResource, StepLatencies.Step> latency) {
        double steps = resources.stream().filter(RecordedResource::custom).mapToDouble(r -> latency.apply(r).seconds()).sum();
        long primaries = resources.stream().filter(r -> r.type().equals(PrimaryCluster.TYPE)).count();
        long remotes = resources.stream().filter(r -> r.type().equals(RemoteCluster.TYPE)).count();
        return steps
                + (primaries + remotes) * StepLatencies.GUIDE_EDIT_MESH_NETWORKS_PER_CLUSTER
                + remotes * (StepLatencies.GUIDE_BUILD_KUBECONFIG_PER_REMOTE + StepLatencies.GUIDE_WAIT_REMOTE_GATEWAY_PER_REMOTE);
    }

    static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }
}
