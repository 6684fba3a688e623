package io.istiomc.stacks;

import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/plan-stacks.sh OUT BASE}, which the PR preview workflow runs: each stack planned,
 * and compared with the base branch's stack file of the same name. The script runs for real, with
 * the command line from this test's class path instead of the jar (which {@code mvn test} has not
 * built yet), on the dev stack only.
 */
class PreviewScriptTest {
    private static Process script(Path out, Path base, String stackFiles) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java");
        var pb = new ProcessBuilder("bash", StackFile.projectRoot().resolve("scripts/plan-stacks.sh").toString(),
                out.toString(), base.toString()).redirectErrorStream(true);
        pb.environment().put("ISTIO_MC_CLI", java + " -cp " + System.getProperty("java.class.path") + " io.istiomc.app.Main");
        pb.environment().put("PLAN_STACK_FILES", stackFiles);
        pb.environment().remove("KUBECONFIG");
        return pb.start();
    }

    @Test
    @DisplayName("the PR preview script prints, per stack the base branch has, the comparison with the base branch's stack file, then the plan")
    void previewComparesWithTheBaseBranch(@TempDir Path dir) throws Exception {
        // GIVEN the base branch's dev stack on Istio 1.31.0, and this checkout's on 1.30.3
        var base = Files.createDirectories(dir.resolve("base"));
        var baseDev = StackFile.dev();
        baseDev.edit().istioVersion("1.31.0");
        baseDev.writeTo(base);
        var out = dir.resolve("out");

        // WHEN the preview script runs
        var process = script(out, base, "Pulumi.dev.yaml stacks/Pulumi.staging.yaml");
        var log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));

        // THEN the summary shows what the change does to the dev stack, wave by wave, and says the staging stack is new
        assertEquals(0, process.exitValue(), log);
        var summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.startsWith("## Changes to stack `dev` against the base branch\n```\nComparison of stack 'dev':"
                + " Pulumi.dev.yaml against " + base.resolve("Pulumi.dev.yaml") + " (deployed)."), summary);
        assertTrue(summary.contains("  0 to create, 6 to update, 0 to replace, 0 to delete; "), summary);
        assertTrue(summary.contains("        version: \"1.31.0\" -> \"1.30.3\"\n"), summary);
        assertTrue(summary.contains("## Plan of stack `dev`\n```\nPlan of stack 'dev': 2 clusters"), summary);
        assertTrue(summary.contains("## Stack `staging` is new in this change: every resource is created\n## Plan of stack `staging`"),
                summary);
        assertTrue(Files.readString(out.resolve("dev/compare.json")).contains("\"update\" : 6"));
    }
}
