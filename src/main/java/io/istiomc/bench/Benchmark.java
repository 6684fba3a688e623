package io.istiomc.bench;

import io.istiomc.cli.Cli;

import java.io.PrintStream;
import java.util.List;

/** The benchmark command (being written; see issue 7). */
public final class Benchmark {
    private Benchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        throw new Cli.UsageException("bench is not available in this build yet");
    }
}
