package io.istiomc.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.istiomc.command.ExitStatus;
import io.istiomc.command.InputFailures;
import io.istiomc.command.Options;
import io.istiomc.command.StackSelection;
import io.istiomc.command.UsageException;
import io.istiomc.config.Printable;
import io.istiomc.program.Kubeconfigs;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.program.ApiServers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code verify [--stack NAME | --config-file FILE] [--format text|json]}: the stack's configuration
 * read as the program reads it (the same reader, the same kubeconfig lookup and API server
 * resolution), then {@link MeshVerification} against the live clusters. Exit 0 when every check
 * passed, 1 when one failed, 2 for an invalid configuration.
 */
public final class VerifyCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, ApiServers.defaultKubeconfigs(), Instant.now());
    }

    /** As {@link #run(List, PrintStream, PrintStream)}, with the default kubeconfig files and the time chosen by the caller. */
    static int run(List<String> args, PrintStream out, PrintStream err, List<Path> defaultKubeconfigs, Instant now) {
        var options = Options.parse(args, List.of("--stack", "--config-file", "--format"));
        var format = options.value("--format").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be 'text' or 'json' (got '" + format + "')");
        }
        var selection = StackSelection.from(options);
        List<MeshVerification.Check> checks;
        try {
            // Read as the plan reads it: the project is the Pulumi.yaml of the working directory (or above).
            var raw = RawConfig.fromStackFile(selection.file(), RawConfig.findProjectFile(Path.of("")));
            raw.warnings().forEach(w -> err.println("warning: " + Printable.escape(w)));
            var config = MeshConfigReader.read(raw);
            var warnings = new ArrayList<String>();
            var kubeconfigs = new LinkedHashMap<String, Kubeconfigs.Kubeconfig>();
            var apiServers = ApiServers.resolve(config, ApiServers.Mode.DEPLOY, defaultKubeconfigs, warnings, kubeconfigs);
            warnings.forEach(w -> err.println("warning: " + Printable.escape(w)));
            checks = MeshVerification.run(config, apiServers, kubeconfigs, now);
        } catch (InvalidConfigException | IOException e) {
            return InputFailures.report(e, err);
        }
        out.print(format.equals("json") ? json(selection.stack(), checks) : text(selection.stack(), checks));
        return checks.stream().allMatch(MeshVerification.Check::passed) ? ExitStatus.OK : ExitStatus.FAILED;
    }

    static String text(String stack, List<MeshVerification.Check> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        var text = new StringBuilder("Verify of stack '" + stack + "' against the live clusters: " + checks.size()
                + " checks, " + (checks.size() - failed) + " passed, " + failed + " failed.\n");
        for (var check : checks) {
            var where = check.cluster() + check.watched().map(w -> " <- " + w).orElse("");
            text.append(String.format("%s  %-24s %-22s %s%n", check.passed() ? "PASS" : "FAIL", Printable.escape(where),
                    check.kind().id(), Printable.escape(check.reason())));
        }
        if (failed > 0) {
            text.append("Checks that depend on a failed one were not run.\n");
        }
        return text.toString();
    }

    static String json(String stack, List<MeshVerification.Check> checks) {
        var root = JSON.createObjectNode();
        root.put("stack", stack);
        root.put("passed", checks.stream().allMatch(MeshVerification.Check::passed));
        var list = root.putArray("checks");
        for (var check : checks) {
            var item = list.addObject();
            item.put("cluster", check.cluster());
            check.watched().ifPresent(w -> item.put("watched", w));
            item.put("check", check.kind().id());
            item.put("status", check.passed() ? "pass" : "fail");
            item.put("reason", check.reason());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
