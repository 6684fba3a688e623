package io.istiomc.plan;

import io.istiomc.components.simulation.SimulatedClusters;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.TestOptions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program in-process under the SDK's mocks ({@code PulumiTest}) against simulated
 * clusters, recording every registration. The SDK's test deployment is a process-wide singleton:
 * one run at a time.
 */
public final class SimulatedRun {
    public static final String PROJECT = "istio-multicluster";

    private SimulatedRun() {
    }

    /**
     * What a run registered and exported.
     *
     * @param resources  every registration, in the order the monitor saw it
     * @param outputs    stack outputs, secrets as {@link Secret}
     * @param exceptions what the program threw, if anything
     * @param errors     errors the program logged
     */
    public record Result(List<RecordedResource> resources, Map<String, Object> outputs, List<Exception> exceptions,
                         List<String> errors) {
        public boolean failed() {
            return !exceptions.isEmpty() || !errors.isEmpty();
        }
    }

    public static synchronized Result run(String stack, Map<String, String> config, SimulatedClusters clusters,
                                          Consumer<Context> program) {
        var recorder = new GraphRecorder();
        var result = SdkInternals.runUnderMocks(
                TestOptions.builder().projectName(PROJECT).stackName(stack).preview(false).build(),
                clusters, config, recorder::registered, program);
        var outputs = new TreeMap<String, Object>();
        if (result.exceptions().isEmpty()) {
            result.outputs().forEach((name, output) -> outputs.put(name, plainValue(output)));
        }
        return new Result(recorder.recorded(), outputs, result.exceptions(), result.errors());
    }

    /** The value of an output, as a {@link Secret} when Pulumi marks it secret. */
    public static Object plainValue(Output<?> output) {
        return SdkInternals.plainValue(output);
    }
}
