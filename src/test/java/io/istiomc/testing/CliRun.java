package io.istiomc.testing;

import io.istiomc.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the command line, in-process: its exit status and what it printed.
 *
 * @param exitCode what {@link Cli#run} returned
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Cli.run(args, outStream, errStream);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Everything printed, for checks that nothing leaks anywhere. */
    public String all() {
        return out + "\n" + err;
    }
}
