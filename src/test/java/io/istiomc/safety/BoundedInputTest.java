package io.istiomc.safety;

import io.istiomc.bench.Benchmark;
import io.istiomc.config.ConfigProblem;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshSize;
import io.istiomc.plan.PlanRunner;
import io.istiomc.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input is bounded, and a refusal is quick and names the real limit: no special file is
 * opened as configuration, a mesh is bounded by its work (clusters, and remote secrets =
 * primaries x (clusters - 1)), {@code bench} by the same rule, and a file's values by their count.
 */
class BoundedInputTest {
    private static final String NS = "istio-multicluster:";

    private static void mkfifo(Path path) throws Exception {
        var process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "mkfifo " + path);
    }

    /** A stack of {@code primaries} primaries and {@code remotes} remotes, each on its own network. */
    private static String mesh(int primaries, int remotes) {
        var yaml = new StringBuilder("""
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:istio:
                    version: 1.30.3
                  istio-multicluster:clusters:
                """);
        for (int p = 1; p <= primaries; p++) {
            // A lone primary is watched by none, so it takes no apiServer.
            yaml.append("    - {name: p").append(p).append(", role: primary, context: p").append(p).append(", network: pn").append(p)
                    .append(primaries == 1 ? "" : ", apiServer: 'https://p" + p + ".example:6443'").append("}\n");
        }
        for (int r = 1; r <= remotes; r++) {
            yaml.append("    - {name: r").append(r).append(", role: remote, context: r").append(r).append(", network: rn").append(r)
                    .append(", controlPlane: p1, apiServer: 'https://r").append(r).append(".example:6443'}\n");
        }
        return yaml.toString();
    }

    @Test
    @DisplayName("a FIFO in KUBECONFIG is never opened: the plan exits 2 at once, naming the file")
    void fifoInKubeconfigIsNeverOpened(@TempDir Path dir) throws Exception {
        var fifo = dir.resolve("kubeconfig-fifo");
        mkfifo(fifo);
        var e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(InvalidConfigException.class,
                () -> PlanRunner.run("bounded", raw(stack().remotes(1).yaml()), List.of(fifo))));
        assertEquals(NS + "clusters[0].context: kubeconfig file '" + fifo + "' is not a regular file (a FIFO, socket,"
                + " device or directory); this program reads configuration only from regular files", e.problems().get(0).toString());
    }

    @Test
    @DisplayName("a FIFO as the stack file or as a cluster's kubeconfig is never opened either")
    void fifoAsStackFileOrKubeconfigIsNeverOpened(@TempDir Path dir) throws Exception {
        var fifo = dir.resolve("Pulumi.fifo.yaml");
        mkfifo(fifo);
        var run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli("plan", "--config-file", fifo.toString()));
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("stack file '" + fifo + "' is not a regular file"), run.err());

        var stack = Files.writeString(dir.resolve("Pulumi.kc.yaml"), stack().remotes(1)
                .set("clusters[1].kubeconfig", fifo.toString()).yaml());
        var kubeconfig = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli("plan", "--config-file", stack.toString()));
        assertEquals(2, kubeconfig.exitCode(), kubeconfig.all());
        assertTrue(kubeconfig.err().contains(NS + "clusters[1].kubeconfig: is neither an existing file"), kubeconfig.err());
    }

    @Test
    @DisplayName("1000 remotes, or 60 primaries, are refused in under a second, naming the bound by clusters and remote secrets")
    void meshSizeIsBoundedByItsWork(@TempDir Path dir) throws Exception {
        var remotes = Files.writeString(dir.resolve("Pulumi.remotes.yaml"), mesh(1, 1000));
        var primaries = Files.writeString(dir.resolve("Pulumi.primaries.yaml"), mesh(60, 0));
        cli("plan", "--config-file", remotes.toString()); // class loading and JIT, which no user waits for twice
        for (var file : List.of(remotes, primaries)) {
            long start = System.nanoTime();
            var run = cli("plan", "--config-file", file.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(2, run.exitCode(), run.all());
            assertTrue(millis < 1_000, file + " took " + millis + " ms to refuse");
            assertTrue(run.err().contains("this program plans at most " + MeshSize.MAX_CLUSTERS + " clusters and "
                    + MeshSize.MAX_REMOTE_SECRETS + " remote secrets"), run.err());
        }
        assertEquals(List.of(new ConfigProblem(NS + "clusters", "lists 60 clusters, 60 of them primaries, which needs 3540"
                        + " remote secrets (every primary holds one for every other cluster: primaries x (clusters - 1)); this"
                        + " program plans at most 250 clusters and 2500 remote secrets: split the mesh, or use fewer primaries")),
                assertThrows(InvalidConfigException.class, () -> io.istiomc.config.MeshConfigReader.read(raw(primaries)))
                        .problems());
    }

    @Test
    @DisplayName("the largest meshes within the bound are accepted by the reader (250 clusters; 2500 remote secrets)")
    void boundsAreInclusive() {
        assertEquals(250, io.istiomc.config.MeshConfigReader.read(raw(mesh(1, 249))).mesh().clusters().size());
        assertEquals(List.of(), MeshSize.check(50, 51).stream().toList(), "50 x 50 = 2500 remote secrets");
        assertTrue(MeshSize.check(50, 52).isPresent());
        assertTrue(MeshSize.check(1, 251).isPresent());
    }

    @Test
    @DisplayName("bench refuses at once every size a stack could not have: --sizes 500+500, 200+200, 2+499, 60 primaries")
    void benchSizesFollowTheMeshBound() {
        for (var args : List.of(List.of("--sizes", "500+500"), List.of("--sizes", "1+10,2+499"),
                List.of("--primaries", "60", "--remotes", "1"), List.of("--remotes", "500"))) {
            var all = new java.util.ArrayList<>(List.of("bench"));
            all.addAll(args);
            var run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run(all.toArray(String[]::new)));
            assertEquals(1, run.exitCode(), args + ": " + run.all());
            assertTrue(run.err().contains("this program plans at most 250 clusters and 2500 remote secrets")
                    || run.err().contains("from 1 to " + Benchmark.MAX_REMOTES)
                    || run.err().startsWith("--remotes counts must be at most " + Benchmark.MAX_REMOTES), args + ": " + run.err());
        }
        var run = CliRun.run("bench", "--sizes", "200+200");
        assertTrue(run.err().startsWith("size 200+200 lists 400 clusters, 200 of them primaries, which needs "
                + MeshSize.remoteSecrets(200, 400) + " remote secrets"), run.err());
    }

    @Test
    @DisplayName("a file with no aliases but more than 200000 values is refused naming that limit, not aliases")
    void tooManyValuesWithoutAliases(@TempDir Path dir) throws Exception {
        var yaml = new StringBuilder("config:\n  istio-multicluster:samples:\n    values:\n");
        for (int i = 0; i < 200_001; i++) {
            yaml.append("      - 1\n");
        }
        var file = Files.writeString(dir.resolve("Pulumi.values.yaml"), yaml);
        var run = cli("plan", "--config-file", file.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertEquals("invalid stack configuration: stack file '" + file + "' holds more than 200000 values (maps, lists and"
                + " scalars), the most this program reads\n", run.err());
    }
}
