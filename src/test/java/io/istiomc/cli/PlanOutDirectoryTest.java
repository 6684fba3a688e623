package io.istiomc.cli;

import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --out DIR} writes only below DIR, never through a symbolic link, never over a file the
 * previous plan did not write, and never opens a FIFO: what it refuses, it refuses with exit 1 naming
 * the file, before it removes or writes anything.
 */
class PlanOutDirectoryTest {
    /** A file the plan writes for the test stack's primary. */
    private static final String NAMESPACE_FILE = "cluster1/00-namespace-istio-system.yaml";

    @TempDir
    Path dir;
    private Path stack;
    private Path out;
    /** A directory outside --out, holding what a user keeps there. */
    private Path outside;
    private Path precious;

    @BeforeEach
    void stackAndOutsideFile() throws Exception {
        stack = Files.writeString(dir.resolve("Pulumi.out.yaml"), new StackYaml().remotes(1).yaml());
        out = dir.resolve("out");
        outside = Files.createDirectories(dir.resolve("outside"));
        precious = Files.writeString(outside.resolve("precious.txt"), "precious");
    }

    private CliRun plan() {
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("plan", "--config-file", stack.toString(), "--out", out.toString()));
    }

    private static void mkfifo(Path path) throws Exception {
        var process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "mkfifo " + path);
    }

    private void assertRefused(CliRun run, Path named) {
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.err().contains("--out: refusing to write " + named) || run.err().contains(named + " is not a regular file"),
                "names " + named + ":\n" + run.err());
    }

    @Test
    @DisplayName("a marker line that leads through a symbolic link (link/precious.txt) removes nothing outside --out")
    void markerIsNeverFollowedThroughALink() throws Exception {
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("link"), outside);
        Files.writeString(out.resolve(PlanWriter.MARKER), "link/precious.txt\nlink/../outside/precious.txt\n");

        var run = plan();

        assertEquals(0, run.exitCode(), run.all());
        assertEquals("precious", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(out.resolve("link")), "the user's link stays");
    }

    @Test
    @DisplayName("a link placed where the plan writes a file is refused, naming it; its target is untouched")
    void aLinkWhereThePlanWritesIsRefused() throws Exception {
        assertEquals(0, plan().exitCode());
        var file = out.resolve(NAMESPACE_FILE);
        Files.delete(file);
        Files.createSymbolicLink(file, precious);

        var run = plan();

        assertRefused(run, file);
        assertTrue(run.err().contains("a symbolic link"), run.err());
        assertEquals("precious", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(file));
    }

    @Test
    @DisplayName("a link placed where the plan makes a directory (DIR/cluster1 -> elsewhere) is refused; nothing is written there")
    void aLinkWhereThePlanMakesADirectoryIsRefused() throws Exception {
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("cluster1"), outside);

        var run = plan();

        assertRefused(run, out.resolve("cluster1"));
        try (var files = Files.list(outside)) {
            assertEquals(1, files.count(), "only precious.txt is in the link's target");
        }
        assertFalse(Files.exists(out.resolve(PlanWriter.MARKER), LinkOption.NOFOLLOW_LINKS), "nothing was written");
    }

    @Test
    @DisplayName("a user's own file with a name the plan uses is never overwritten: exit 1, naming the file")
    void aFileThePlanDidNotWriteIsNeverOverwritten() throws Exception {
        var mine = out.resolve(NAMESPACE_FILE);
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "my own namespace");

        var run = plan();

        assertRefused(run, mine);
        assertTrue(run.err().contains("the plan never overwrites a file it did not write"), run.err());
        assertEquals("my own namespace", Files.readString(mine));
        assertFalse(Files.exists(out.resolve(PlanWriter.MARKER)), "nothing was written");
    }

    @Test
    @DisplayName("the same file written by the earlier plan (listed in its marker) is replaced as before")
    void aFileTheEarlierPlanWroteIsReplaced() throws Exception {
        assertEquals(0, plan().exitCode());
        var file = out.resolve(NAMESPACE_FILE);
        var first = Files.readString(file);
        Files.writeString(file, "edited");

        var run = plan();

        assertEquals(0, run.exitCode(), run.all());
        assertEquals(first, Files.readString(file));
    }

    @Test
    @DisplayName("a FIFO as the marker is refused at once, never opened")
    void aFifoAsTheMarkerNeverBlocks() throws Exception {
        Files.createDirectories(out);
        mkfifo(out.resolve(PlanWriter.MARKER));

        var run = plan();

        assertRefused(run, out.resolve(PlanWriter.MARKER));
        assertTrue(run.err().contains("a FIFO, socket or device"), run.err());
    }

    @Test
    @DisplayName("a FIFO where the plan writes a file is refused at once, never opened")
    void aFifoAsATargetNeverBlocks() throws Exception {
        var target = out.resolve(NAMESPACE_FILE);
        Files.createDirectories(target.getParent());
        mkfifo(target);

        var run = plan();

        assertRefused(run, target);
    }

    @Test
    @DisplayName("--out may itself be a link the user chose: the plan writes into its target and nowhere else")
    void outMayBeALink() throws Exception {
        var real = Files.createDirectories(dir.resolve("real-out"));
        Files.createSymbolicLink(out, real);

        var run = plan();

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(Files.isRegularFile(real.resolve(NAMESPACE_FILE), LinkOption.NOFOLLOW_LINKS));
        assertEquals(0, plan().exitCode(), "and again over its own files");
    }
}
