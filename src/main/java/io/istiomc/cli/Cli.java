package io.istiomc.cli;

import io.istiomc.command.ExitStatus;
import io.istiomc.command.InputFailures;
import io.istiomc.command.Options;
import io.istiomc.command.StackSelection;
import io.istiomc.command.UsageException;
import io.istiomc.config.Printable;
import io.istiomc.config.YamlInput;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.ComparisonJson;
import io.istiomc.plan.ComparisonText;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanComparison;
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

/** The command line: {@code plan}, {@code verify} and {@code bench}. */
public final class Cli {
    static final String USAGE = """
            istio-multicluster: an Istio mesh across Kubernetes clusters: primary-remote, multi-primary, one or several networks.

            Deploy with the Pulumi CLI (it runs this program under its engine):
              pulumi up        -s dev          # or: -s staging --config-file stacks/Pulumi.staging.yaml
              pulumi destroy   -s dev

            Offline, without Pulumi, plugins or clusters:
              java -jar target/istio-multicluster.jar plan [--stack NAME | --config-file FILE] [--format text|json] [--out DIR]
                  what `pulumi up` would create in each cluster and how values cross clusters; default stack: dev
                  (Pulumi.<NAME>.yaml, else stacks/Pulumi.<NAME>.yaml). Exit 0: plan made; 2: invalid config; 1: other.
              java -jar target/istio-multicluster.jar plan [--stack NAME | --config-file FILE] --compare OLD [--format text|json]
                  what `pulumi up` of the stack would do to it deployed from the stack file OLD: per cluster, the Helm
                  releases and other resources created, updated, replaced and deleted, in waves from the dependency
                  graph, and a warning where a cluster's provider, and so every object in it, would be replaced.
                  Exit 0: compared; 2: invalid config in either file, OLD missing or not a stack file, or a step an upgrade
                  must not take (removing the revision OLD's default tag points at); 1: other.
              java -jar target/istio-multicluster.jar bench [--remotes 1,10,50,200] [--primaries 1,3,10] [--sizes 1+10,3+100] [--json FILE] [--markdown]
                  how program time, memory and the deployment's critical path grow with the numbers of remotes and
                  primaries (each count at most %d; each size at most %d clusters and %d remote secrets, as a stack).
              java -jar target/istio-multicluster.jar bench --upgrade STEP0 STEP1 [STEP2 ...] [--markdown]
                  the stack files of an upgrade, one stack at successive times: for each step, what it creates, updates,
                  replaces and deletes, in how many waves, and the critical path of its changes. Exit 2: a file missing or invalid.

            Against the live clusters, with the stack's kubeconfigs:
              java -jar target/istio-multicluster.jar verify [--stack NAME | --config-file FILE] [--format text|json]
                  checks the remote secrets (labels, whether their kubeconfigs reach, verify, authenticate and may read
                  what istiod reads), reader token expiry, every cacerts' chain to one root, the gateways' addresses.
                  Exit 0: every check passed; 1: some failed; 2: invalid config. Prints no token, key or kubeconfig.
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
                case "verify" -> io.istiomc.verify.VerifyCommand.run(rest, out, err);
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
        var options = Options.parse(args, List.of("--stack", "--config-file", "--format", "--out", "--compare"));
        var format = options.value("--format").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be 'text' or 'json' (got '" + format + "')");
        }
        var selection = StackSelection.from(options);
        var stack = selection.stack();
        var file = selection.file();
        var outDir = options.value("--out").map(dir -> path("--out", dir));
        if (options.value("--compare").isPresent()) {
            if (outDir.isPresent()) {
                throw new UsageException("--out writes one plan's objects; give it without --compare");
            }
            return compare(stack, file, path("--compare", options.value("--compare").get()), format, out, err);
        }
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
        } catch (InvalidConfigException | IOException e) {
            return InputFailures.report(e, err);
        } catch (RuntimeException e) {
            return programFailed(e, err);
        }
    }

    /**
     * {@code plan --compare OLD}: the stack file and OLD planned under the same stack name (the name
     * is part of every URN), then compared.
     */
    private static int compare(String stack, Path file, Path old, String format, PrintStream out, PrintStream err) {
        var oldSource = "the --compare stack file '" + Printable.escape(old.toString()) + "'";
        if (!Files.isRegularFile(old)) {
            err.println("error: " + oldSource + (Files.exists(old) ? " is not a regular file (a FIFO, socket, device or directory)"
                    : " does not exist"));
            return ExitStatus.INVALID_CONFIG;
        }
        RawConfig oldRaw;
        try {
            if (RawConfig.fromStackFile(old).values().isEmpty()) {
                err.println("error: " + oldSource + " is not a stack file: it sets no key under 'config:'");
                return ExitStatus.INVALID_CONFIG;
            }
            oldRaw = RawConfig.fromStackFile(old, RawConfig.findProjectFile(Path.of("")));
        } catch (IOException e) {
            err.println("error: " + oldSource + " could not be read:");
            return InputFailures.report(e, err);
        }
        Plan before;
        try {
            oldRaw.warnings().forEach(w -> err.println("warning: (" + oldSource + ") " + Printable.escape(w)));
            before = PlanRunner.run(stack, oldRaw, ApiServers.defaultKubeconfigs());
            before.warnings().forEach(w -> err.println("warning: (" + oldSource + ") " + Printable.escape(w)));
        } catch (InvalidConfigException e) {
            err.println("error: " + oldSource + " is invalid:");
            return InputFailures.report(e, err);
        } catch (RuntimeException e) {
            return programFailed(e, err);
        }
        try {
            var raw = RawConfig.fromStackFile(file, RawConfig.findProjectFile(Path.of("")));
            raw.warnings().forEach(w -> err.println("warning: " + Printable.escape(w)));
            Plan after = PlanRunner.run(stack, raw, ApiServers.defaultKubeconfigs());
            after.warnings().forEach(w -> err.println("warning: " + Printable.escape(w)));
            try {
                MeshConfigReader.checkStep(before.mesh(), after.mesh());
            } catch (InvalidConfigException e) {
                err.println("error: the step from " + oldSource + " is refused:");
                return InputFailures.report(e, err);
            }
            var comparison = PlanComparison.of(before, after);
            out.print(format.equals("json") ? ComparisonJson.write(comparison, old.toString(), file.toString())
                    : ComparisonText.write(comparison, old.toString(), file.toString()));
            return ExitStatus.OK;
        } catch (InvalidConfigException | IOException e) {
            return InputFailures.report(e, err);
        } catch (RuntimeException e) {
            return programFailed(e, err);
        }
    }

    /** A failure of the program under the mocks lists its causes one per line; no line carries a control character. */
    private static int programFailed(RuntimeException e, PrintStream err) {
        err.println("error: " + String.valueOf(e.getMessage()).lines().map(Printable::escape)
                .collect(java.util.stream.Collectors.joining("\n")));
        return ExitStatus.FAILED;
    }

    /** A path given on the command line, or a usage error naming the option. */
    public static Path path(String option, String value) {
        return StackSelection.path(option, value);
    }
}
