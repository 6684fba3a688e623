package io.istiomc.bench;

import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --upgrade}: each step of an upgrade compared with the one before, and the critical path of its changes. */
class UpgradeStepsTest {
    @Test
    @DisplayName("each step reports its changes, waves and the critical path of only what it changes; a step that changes nothing takes 0 s")
    void stepsOfAnInPlaceUpgrade(@TempDir Path dir) throws Exception {
        // GIVEN the dev stack, the same on Istio 1.31.0, and that again
        var step0 = StackFile.read(StackFile.projectRoot().resolve("Pulumi.dev.yaml")).writeTo(Files.createDirectories(dir.resolve("0")));
        var upgraded = StackFile.read(step0);
        upgraded.edit().istioVersion("1.31.0");
        var step1 = upgraded.writeTo(Files.createDirectories(dir.resolve("1")));
        var step2 = upgraded.writeTo(Files.createDirectories(dir.resolve("2")));

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
}
