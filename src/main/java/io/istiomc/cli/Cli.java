package io.istiomc.cli;

import io.istiomc.command.ExitStatus;
import io.istiomc.command.Options;
import io.istiomc.command.UsageException;
import io.istiomc.config.Printable;
import io.istiomc.config.YamlInput;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanJson;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.PlanText;
import io.istiomc.plan.PlanWriter;
import io.istiomc.program.ApiServers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line: {@code plan} and {@code bench}. */
public final class Cli {
    /** Pulumi's rule for stack names. */
    private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

    static final String USAGE = """
            istio-multicluster: an Istio mesh across Kubernetes clusters: primary-remote, multi-primary, one or several networks.

            Deploy with the Pulumi CLI (it runs this program under its engine):
              pulumi up        -s dev          # or: -s staging --config-file stacks/Pulumi.staging.yaml
              pulumi destroy   -s dev

            Offline, without Pulumi, plugins or clusters:
              java -jar target/istio-multicluster.jar plan [--stack NAME | --config-file FILE] [--format text|json] [--out DIR]
                  what `pulumi up` would create in each cluster and how values cross clusters; default stack: dev
                  (Pulumi.<NAME>.yaml, else stacks/Pulumi.<NAME>.yaml). Exit 0: plan made; 2: invalid config; 1: other.
              java -jar target/istio-multicluster.jar bench [--remotes 1,10,50,200] [--primaries 1,3,10] [--sizes 1+10,3+100] [--json FILE] [--markdown]
                  how program time, memory and the deployment's critical path grow with the numbers of remotes and
                  primaries (each count at most %d; each size at most %d clusters and %d remote secrets, as a stack).
            """.formatted(io.istiomc.bench.Benchmark.MAX_REMOTES, io.istiomc.config.MeshSize.MAX_CLUSTERS,
            io.istiomc.config.MeshSize.MAX_REMOTE_SECRETS);

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? ExitStatus.FAILED : ExitStatus.OK;
        }
        var rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "plan" -> plan(rest, out, err);
                case "bench" -> io.istiomc.bench.Benchmark.run(rest, out, err);
                default -> {
                    err.println("unknown command '" + Printable.escape(args[0]) + "'\n");
                    err.print(USAGE);
                    yield ExitStatus.FAILED;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n");
            err.print(USAGE);
            return ExitStatus.FAILED;
        }
    }

    private static int plan(List<String> args, PrintStream out, PrintStream err) {
        var options = Options.parse(args, List.of("--stack", "--config-file", "--format", "--out"));
        var format = options.value("--format").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be 'text' or 'json' (got '" + format + "')");
        }
        if (options.value("--stack").isPresent() && options.value("--config-file").isPresent()) {
            throw new UsageException("give --stack or --config-file, not both");
        }
        var stack = options.value("--stack").orElse("dev");
        Path file;
        if (options.value("--config-file").isPresent()) {
            file = path("--config-file", options.value("--config-file").get());
            stack = stackName(file).orElse(stack);
        } else {
            file = stackFile(stack).orElseThrow(() -> new UsageException("no stack file for stack '"
                    + options.value("--stack").orElse("dev") + "': looked for Pulumi." + options.value("--stack").orElse("dev")
                    + ".yaml and stacks/Pulumi." + options.value("--stack").orElse("dev") + ".yaml"));
        }
        if (!STACK_NAME.matcher(stack).matches()) {
            throw new UsageException("stack name '" + stack + "' may contain only letters, digits, '-', '_' and '.'"
                    + " (Pulumi's rule)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("stack file '" + file + "' " + (Files.exists(file)
                    ? "is not a regular file (a FIFO, socket, device or directory)" : "does not exist"));
        }
        var outDir = options.value("--out").map(dir -> path("--out", dir));
        try {
            // As the CLI, the project is the Pulumi.yaml of the working directory (or above), wherever the stack file is.
            var raw = RawConfig.fromStackFile(file, RawConfig.findProjectFile(Path.of("")));
            raw.warnings().forEach(w -> err.println("warning: " + Printable.escape(w)));
            Plan plan = PlanRunner.run(stack, raw, ApiServers.defaultKubeconfigs());
            plan.warnings().forEach(w -> err.println("warning: " + Printable.escape(w)));
            out.print(format.equals("json") ? PlanJson.write(plan) : PlanText.write(plan));
            if (outDir.isPresent()) {
                var written = PlanWriter.write(plan, outDir.get());
                err.println("wrote " + written + " files under " + Printable.escape(outDir.get().toString()));
            }
            return ExitStatus.OK;
        } catch (InvalidConfigException e) {
            err.println(e.getMessage());
            return ExitStatus.INVALID_CONFIG;
        } catch (YamlInput.RejectedInputException e) {
            // What Pulumi would refuse to read as a stack file is a configuration error too.
            err.println("invalid stack configuration: " + e.getMessage());
            return ExitStatus.INVALID_CONFIG;
        } catch (IOException e) {
            err.println("error: " + Printable.escape(e.getMessage()));
            return ExitStatus.FAILED;
        } catch (RuntimeException e) {
            // A failure of the program under the mocks lists its causes one per line; no line carries a control character.
            err.println("error: " + String.valueOf(e.getMessage()).lines().map(Printable::escape)
                    .collect(java.util.stream.Collectors.joining("\n")));
            return ExitStatus.FAILED;
        }
    }

    /** A path given on the command line, or a usage error naming the option. */
    public static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(option + " is not a valid path ('" + value + "')");
        }
    }

    /** {@code Pulumi.dev.yaml} for stack {@code dev}, here or in {@code stacks/}. */
    static Optional<Path> stackFile(String stack) {
        for (var candidate : List.of(Path.of("Pulumi." + stack + ".yaml"), Path.of("stacks", "Pulumi." + stack + ".yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<String> stackName(Path file) {
        var name = file.getFileName().toString();
        if (name.startsWith("Pulumi.") && name.endsWith(".yaml") && name.length() > "Pulumi..yaml".length()) {
            return Optional.of(name.substring("Pulumi.".length(), name.length() - ".yaml".length()));
        }
        return Optional.empty();
    }
}
