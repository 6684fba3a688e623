package io.istiomc.bench;

import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --upgrade}: each step of an upgrade compared with the one before, and the critical path of its changes. */
class UpgradeStepsTest {
    @Test
    @DisplayName("each step reports its changes, waves and the critical path of only what it changes; a step that changes nothing takes 0 s")
    void stepsOfAnInPlaceUpgrade(@TempDir Path dir) throws Exception {
        // GIVEN the dev stack, the same on Istio 1.31.0, and that again
        var stack = StackFile.dev();
        var step0 = stack.writeTo(dir, "0");
        stack.edit().istioVersion("1.31.0");
        var step1 = stack.writeTo(dir, "1");
        var step2 = stack.writeTo(dir, "2");

        // WHEN
        var run = CliRun.run("bench", "--upgrade", step0.toString(), step1.toString(), step2.toString());

        // THEN the version step updates the six releases, primary before remote as the graph orders them; the last step nothing
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(String.format("%4s  %-44s %6s %6s %7s %6s %5s %12s %10s%n", 1, step1, 0, 6, 0, 0, 6, 0, 240)),
                run.out());
        assertTrue(run.out().contains(String.format("%4s  %-44s %6s %6s %7s %6s %5s %12s %10s%n", 2, step2, 0, 0, 0, 0, 0, 0, 0)),
                run.out());
        assertTrue(run.out().contains("step 1 critical path: helm base cluster1-base (15 s) -> helm istiod cluster1-istiod (60 s)"
                + " -> helm gateway cluster1-eastwestgateway (45 s) -> helm base cluster2-base (15 s) -> helm istiod cluster2-istiod"
                + " (60 s) -> helm gateway cluster2-eastwestgateway (45 s)\n"), run.out());
        assertTrue(run.out().contains("step 2 critical path: (no slow step)\n"), run.out());
    }

    @Test
    @DisplayName("fewer than two files is a usage error (exit 1); a missing file exit 2, naming it")
    void badInput(@TempDir Path dir) {
        var one = CliRun.run("bench", "--upgrade", "Pulumi.dev.yaml");
        assertEquals(1, one.exitCode());
        assertTrue(one.err().startsWith("--upgrade needs the stack files of at least two successive steps (got 1)"), one.err());
        var missing = CliRun.run("bench", "--upgrade", "Pulumi.dev.yaml", dir.resolve("gone.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("error: the --upgrade stack file '" + dir.resolve("gone.yaml") + "' does not exist\n", missing.err());
    }

    @Test
    @DisplayName("the seven canary steps: adding a revision creates, moving the default updates, removing one only deletes; a refused step is exit 2")
    void canaryUpgrade() {
        var dir = StackFile.projectRoot().resolve("stacks/canary/primary-remote-multinetwork");
        var files = new java.util.ArrayList<String>(List.of("bench", "--upgrade"));
        for (int step = 0; step <= 6; step++) {
            files.add(dir.resolve("Pulumi.step" + step + ".yaml").toString());
        }
        var run = CliRun.run(files.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        // step 4 adds the canary's istiod in each cluster and its route, the remote's after the primary's
        assertTrue(run.out().contains(String.format("%4s  %-44s %6s %6s %7s %6s %5s %12s %10s%n", 4, files.get(6), 4, 0, 0, 0, 3, 0, 121)),
                run.out());
        // step 6 deletes 1-30-3's objects and changes nothing else
        assertTrue(run.out().contains(String.format("%4s  %-44s %6s %6s %7s %6s %5s %12s %10s%n", 6, files.get(8), 0, 0, 0, 4, 0, 3, 0)),
                run.out());
        assertTrue(run.out().contains("step 4 critical path: helm istiod cluster1-istiod-1-30-3-canary (60 s) -> helm istiod"
                + " cluster2-istiod-1-30-3-canary (60 s)\n"), run.out());

        var skipping = CliRun.run("bench", "--upgrade", files.get(6), files.get(8));
        assertEquals(2, skipping.exitCode(), skipping.all());
        assertTrue(skipping.err().startsWith("error: the step from '" + files.get(6) + "' to '" + files.get(8) + "' is refused:\n"
                + "invalid stack configuration (1 problem):\n  - istio-multicluster:istio.revisions: removes the revision '1-30-3'"),
                skipping.err());
    }

    @Test
    @DisplayName("the canary upgrade block of docs/performance.md is today's bench --upgrade --markdown output of the seven steps")
    void performancePageBlockIsGenerated() throws Exception {
        var page = java.nio.file.Files.readString(StackFile.projectRoot().resolve("docs/performance.md"));
        var begin = "<!-- upgrade:begin -->\n";
        var end = "<!-- upgrade:end -->";
        assertTrue(page.contains(begin) && page.contains(end), "docs/performance.md has no upgrade block");
        var block = page.substring(page.indexOf(begin) + begin.length(), page.indexOf(end));
        // the paths as scripts/readme-bench.sh passes them, relative to the project
        var args = new java.util.ArrayList<String>(List.of("bench", "--upgrade", "--markdown"));
        for (int step = 0; step <= 6; step++) {
            args.add("stacks/canary/primary-remote-multinetwork/Pulumi.step" + step + ".yaml");
        }
        var run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(run.out().strip(), block.strip(), "regenerate with scripts/readme-bench.sh");
    }
}
