package io.istiomc.app;

import com.pulumi.Pulumi;
import io.istiomc.cli.Cli;
import io.istiomc.config.RawConfig;
import io.istiomc.program.ApiServers;
import io.istiomc.program.MeshProgram;

/**
 * Entry point. Under the Pulumi engine ({@code pulumi up}, {@code preview}, {@code destroy}) it runs
 * the program; from a shell it runs the command line ({@code plan}, {@code bench}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            Pulumi.run(ctx -> MeshProgram.run(ctx,
                    RawConfig.fromEngine(System.getenv("PULUMI_CONFIG"), key -> ctx.config().get(key)),
                    ApiServers.Mode.DEPLOY, ApiServers.defaultKubeconfigs()));
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
