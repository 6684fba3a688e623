package io.istiomc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The README's main command from a cold JVM: {@code java -jar <this jar> plan --stack dev} in the
 * current directory, timed from process start until it exits after printing the plan, best of
 * {@value #RUNS}.
 */
final class ColdStart {
    static final int RUNS = 3;
    static final String STACK_FILE = "Pulumi.dev.yaml";
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * The best time, or why there is none.
     *
     * @param millis the best wall time in ms; -1 when not measured
     * @param note   why it was not measured; empty when it was
     */
    record Result(long millis, String note) {
        static Result skipped(String note) {
            return new Result(-1, note);
        }
    }

    private ColdStart() {
    }

    static Result measure(Path workingDirectory) {
        if (!Files.isRegularFile(workingDirectory.resolve(STACK_FILE))) {
            return Result.skipped("no " + STACK_FILE + " in " + workingDirectory.toAbsolutePath()
                    + "; run bench from the project directory");
        }
        var jar = thisJar();
        if (jar.isEmpty()) {
            return Result.skipped("not running from the jar (build it with mvn -DskipTests package)");
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-jar", jar.get().toString(), "plan", "--stack", "dev");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            try {
                long start = System.nanoTime();
                var process = new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Result.skipped("plan --stack dev took over " + TIMEOUT_SECONDS + " s");
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (process.exitValue() != 0) {
                    return Result.skipped("plan --stack dev exited with " + process.exitValue());
                }
                best = Math.min(best, millis);
            } catch (java.io.IOException e) {
                return Result.skipped("could not start java: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.skipped("interrupted");
            }
        }
        return new Result(best, "");
    }

    /** The jar this class was loaded from, if it was loaded from a jar. */
    static Optional<Path> thisJar() {
        try {
            var source = Benchmark.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            var path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
