package io.istiomc.plan;

import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.components.MeshArgs;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.program.ApiServers;
import io.istiomc.program.MeshProgram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the real program in-process under the Pulumi SDK's mocks ({@code PulumiTest}) and collects
 * the plan. No Pulumi CLI, plugin or cluster is involved.
 */
public final class PlanRunner {
    private PlanRunner() {
    }

    /**
     * Makes the plan of a stack.
     *
     * @throws io.istiomc.config.InvalidConfigException when the configuration is invalid (nothing is registered)
     * @throws PlanFailedException when the program fails while registering resources
     */
    public static Plan run(String stack, RawConfig raw, List<Path> defaultKubeconfigs) {
        var config = MeshConfigReader.read(raw);
        var warnings = new ArrayList<String>();
        var apiServers = ApiServers.resolve(config, ApiServers.Mode.PLAN, defaultKubeconfigs, warnings);
        warnings.addAll(MeshProgram.certificateWarningsIfIssuedAt(config.mesh(), java.time.Instant.now()));
        return run(stack, ApiServers.withApiServers(config.mesh(), apiServers), apiServers, warnings);
    }

    /**
     * Makes the plan of a mesh already read and validated, with the API servers already resolved
     * (and, for the plan to show where each came from, as {@code apiServers}): the program is given
     * these values, and reads and resolves nothing again.
     *
     * @throws PlanFailedException when the program fails while registering resources
     */
    public static Plan run(String stack, MeshArgs mesh, Map<String, ApiServers.ApiServer> apiServers,
                           List<String> warnings) {
        var result = SimulatedRun.run(stack, Map.of(), new SimulatedClusters(mesh),
                ctx -> MeshProgram.define(ctx, mesh));
        if (result.failed()) {
            throw new PlanFailedException(result.exceptions(), result.errors());
        }
        return new Plan(stack, mesh, apiServers, result.resources(), result.outputs(), List.copyOf(warnings));
    }

    /** The program failed while the mocks ran it. */
    public static final class PlanFailedException extends RuntimeException {
        public PlanFailedException(List<Exception> exceptions, List<String> errors) {
            super("the program failed:\n" + exceptions.stream().map(PlanFailedException::describe)
                    .collect(Collectors.joining("\n")) + (errors.isEmpty() ? "" : "\n" + String.join("\n", errors)),
                    exceptions.isEmpty() ? null : exceptions.get(0));
        }

        private static String describe(Throwable e) {
            var root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "  - " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

}
