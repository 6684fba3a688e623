package io.istiomc.cli;

import io.istiomc.bench.Benchmark;
import io.istiomc.config.MeshSize;
import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: --out never lies about the plan, no option takes an empty value, bench is bounded. */
class CommandLineInputTest {
    private static TreeSet<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            var result = new TreeSet<String>();
            walk.filter(p -> !p.equals(dir)).forEach(p -> result.add(dir.relativize(p) + (Files.isDirectory(p) ? "/" : "")));
            return result;
        }
    }

    @Test
    @DisplayName("--out written twice holds only the second plan; files the plan did not write stay")
    void outWrittenTwiceLeavesNoStaleFiles(@TempDir Path dir) throws Exception {
        // GIVEN a bigger plan (2 remotes) written into out/, and a user's own files there
        var big = Files.writeString(dir.resolve("Pulumi.big.yaml"), new StackYaml().remotes(2).yaml());
        var small = Files.writeString(dir.resolve("Pulumi.small.yaml"), new StackYaml().remotes(1).yaml());
        var out = dir.resolve("out");
        assertEquals(0, CliRun.run("plan", "--config-file", big.toString(), "--out", out.toString()).exitCode());
        Files.writeString(out.resolve("NOTES.md"), "mine");
        Files.writeString(out.resolve("cluster3").resolve("kustomization.yaml"), "mine too");
        // WHEN the smaller plan is written into the same directory
        var run = CliRun.run("plan", "--config-file", small.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        // THEN the directory holds exactly what a fresh write holds, plus the user's files
        var fresh = dir.resolve("fresh");
        assertEquals(0, CliRun.run("plan", "--config-file", small.toString(), "--out", fresh.toString()).exitCode());
        var expected = files(fresh);
        expected.addAll(List.of("NOTES.md", "cluster3/", "cluster3/kustomization.yaml"));
        assertEquals(expected, files(out));
        assertTrue(files(out).contains(PlanWriter.MARKER));
    }

    @Test
    @DisplayName("a marker that names files outside --out removes nothing there")
    void markerNeverReachesOutside(@TempDir Path dir) throws Exception {
        var outside = Files.writeString(dir.resolve("keep.txt"), "keep");
        var out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(PlanWriter.MARKER), "../keep.txt\n" + outside + "\n");
        var stack = Files.writeString(dir.resolve("Pulumi.m.yaml"), new StackYaml().remotes(1).yaml());
        assertEquals(0, CliRun.run("plan", "--config-file", stack.toString(), "--out", out.toString()).exitCode());
        assertTrue(Files.exists(outside));
    }

    @Test
    @DisplayName("an empty value is refused for every option (--out= would write into the working directory)")
    void emptyValuesAreRefused() {
        for (var args : List.of(
                List.of("plan", "--out="), List.of("plan", "--out", ""), List.of("plan", "--stack="),
                List.of("plan", "--config-file="), List.of("plan", "--format="),
                List.of("bench", "--remotes="), List.of("bench", "--json="))) {
            var run = CliRun.run(args.toArray(String[]::new));
            var option = args.get(1).replace("=", "");
            assertEquals(1, run.exitCode(), args + ": " + run.all());
            assertTrue(run.err().startsWith("option " + option + " needs a value (got an empty one)\n"), args + ": " + run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    @DisplayName("bench --remotes is bounded (said in the usage): 100000 is refused at once")
    void benchRemotesAreBounded() {
        var run = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> CliRun.run("bench", "--remotes", "100000"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("--remotes counts must be at most " + Benchmark.MAX_REMOTES + " (got 100000)"), run.err());
        assertTrue(Cli.USAGE.contains("(each count at most " + Benchmark.MAX_REMOTES + "; each size at most "
                + MeshSize.MAX_CLUSTERS + " clusters and " + MeshSize.MAX_REMOTE_SECRETS + " remote secrets, as a stack)"), Cli.USAGE);
    }

    @Test
    @DisplayName("bench --json into a path that cannot be written fails before benchmarking, not after minutes")
    void benchJsonCheckedFirst(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("a-file"), "");
        var run = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> CliRun.run("bench", "--remotes", "1", "--json", file.resolve("bench.json").toString()));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertFalse(run.err().contains("baseline"), "it benchmarked first:\n" + run.err());
    }
}
