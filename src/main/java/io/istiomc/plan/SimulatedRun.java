package io.istiomc.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

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
        var recorder = new GraphRecorder(clusters, PulumiTestInternal.mockLog());
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(PROJECT).stackName(stack).preview(false).build())
                    .mocks(clusters)
                    .monitorDecorator(ignored -> recorder)
                    .deploymentFactory(state -> {
                        state.logger = new QuietEngineLogger(state.logger);
                        return new DeploymentImpl(state);
                    })
                    .config(config)
                    .build();
            var result = test.runTest(program);
            var outputs = new TreeMap<String, Object>();
            if (result.exceptions().isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, plainValue(output)));
            }
            return new Result(recorder.recorded(), outputs, result.exceptions(), result.errors());
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** The value of an output, as a {@link Secret} when Pulumi marks it secret. */
    public static Object plainValue(Output<?> output) {
        OutputData<?> data = PulumiTestInternal.extractOutputData(output);
        var value = data.getValueNullable();
        return data.isSecret() ? new Secret(value) : value;
    }
}
