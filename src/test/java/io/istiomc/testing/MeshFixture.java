package io.istiomc.testing;

import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.RecordedResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shared test fixture: runs the real program under the Pulumi SDK's mocks against simulated
 * clusters ({@link io.istiomc.components.simulation.SimulatedClusters}); {@link PlanGraph} answers
 * questions about the recorded graph.
 */
public final class MeshFixture {

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
        return plan(StackFile.stackName(stackFile), stackFile);
    }

    /**
     * The offline plan of a stack file under the given stack name (part of every URN): two files
     * planned under one name compare as one stack at two times, as {@code plan --compare} does.
     */
    public static Plan plan(String stackName, Path stackFile) {
        try {
            return PlanRunner.run(stackName, RawConfig.fromStackFile(stackFile), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every resource whose provider is the given cluster's. */
    public static List<RecordedResource> inCluster(Plan plan, String cluster) {
        return plan.resources(r -> plan.clusterOf(r).filter(cluster::equals).isPresent());
    }

    public static String names(List<RecordedResource> resources) {
        return resources.stream().map(RecordedResource::name).sorted().collect(Collectors.joining(", "));
    }
}
