package io.istiomc.testing;

import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shared test fixture: runs the real program under the Pulumi SDK's mocks against simulated
 * clusters ({@link io.istiomc.plan.SimulatedClusters}) and answers questions about the recorded graph.
 */
public final class MeshFixture {
    public static final String PRIMARY_K8S = "pulumi:providers:kubernetes";

    private MeshFixture() {
    }

    /** The plan of a stack given as the text of a {@code Pulumi.<stack>.yaml}. */
    public static Plan plan(String stackYaml) {
        try {
            return PlanRunner.run("test", RawConfig.fromStackYaml(stackYaml), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan of a stack file. */
    public static Plan plan(Path stackFile) {
        try {
            var name = stackFile.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
            return PlanRunner.run(name, RawConfig.fromStackFile(stackFile), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stack of one primary ({@code cluster1}, network1) and {@code remotes} remotes ({@code cluster2..}, network2..). */
    public static String stack(int remotes, String extraYaml) {
        return new StackYaml().remotes(remotes).yaml() + extraYaml;
    }

    /** Every resource whose provider is the given cluster's. */
    public static List<RecordedResource> inCluster(Plan plan, String cluster) {
        return plan.resources(r -> plan.clusterOf(r).filter(cluster::equals).isPresent());
    }

    /** The custom resources a resource waits for: its dependencies, components expanded to their descendants. */
    public static Set<String> directDependencies(Plan plan, RecordedResource resource) {
        var result = new HashSet<String>();
        for (var urn : resource.dependencies()) {
            plan.byUrn(urn).ifPresent(d -> {
                if (d.custom()) {
                    result.add(urn);
                } else {
                    descendants(plan, urn).stream().filter(RecordedResource::custom).forEach(c -> result.add(c.urn()));
                }
            });
        }
        return result;
    }

    public static List<RecordedResource> descendants(Plan plan, String urn) {
        var result = new java.util.ArrayList<RecordedResource>();
        var queue = new ArrayDeque<String>(List.of(urn));
        while (!queue.isEmpty()) {
            var parent = queue.poll();
            for (var child : plan.resources(r -> r.parentUrn().equals(parent))) {
                result.add(child);
                queue.add(child.urn());
            }
        }
        return result;
    }

    /** Whether {@code from} waits, directly or through others, for {@code to}. */
    public static boolean dependsOn(Plan plan, RecordedResource from, RecordedResource to) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(directDependencies(plan, from));
        while (!queue.isEmpty()) {
            var urn = queue.poll();
            if (urn.equals(to.urn())) {
                return true;
            }
            if (seen.add(urn)) {
                plan.byUrn(urn).ifPresent(r -> queue.addAll(directDependencies(plan, r)));
            }
        }
        return false;
    }

    public static String names(List<RecordedResource> resources) {
        return resources.stream().map(RecordedResource::name).sorted().collect(Collectors.joining(", "));
    }
}
