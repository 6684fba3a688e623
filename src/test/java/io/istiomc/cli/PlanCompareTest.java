package io.istiomc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.components.RegisteredNames;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.PlanRunner;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.PlanGraph;
import io.istiomc.testing.StackFile;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --compare OLD}: two stack files planned and compared, every case from files made by
 * typed edits of a stack ({@link StackFile}, {@link StackYaml}).
 */
class PlanCompareTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = RegisteredNames.K8S_PROVIDER;

    private static JsonNode compareJson(Path after, Path before) throws Exception {
        var run = CliRun.run("plan", "--config-file", after.toString(), "--compare", before.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> changes(JsonNode doc, String action) {
        var result = new ArrayList<JsonNode>();
        doc.path("changes").forEach(c -> {
            if (c.path("action").asText().equals(action)) {
                result.add(c);
            }
        });
        return result;
    }

    private static Path write(Path dir, String subdir, StackYaml stack) throws Exception {
        Files.createDirectories(dir.resolve(subdir));
        return Files.writeString(dir.resolve(subdir).resolve("Pulumi.cmp.yaml"), stack.yaml());
    }

    @Test
    @DisplayName("an istio.version change updates every Helm release in place, and each wave comes after the changes it waits for")
    void versionChange(@TempDir Path dir) throws Exception {
        var stack = StackFile.dev();
        var before = stack.writeTo(dir, "old");
        stack.edit().istioVersion("1.31.0");
        var after = stack.writeTo(dir);

        var doc = compareJson(after, before);
        var updates = changes(doc, "update");
        var releases = updates.stream().filter(c -> c.path("type").asText().equals(RegisteredNames.RELEASE)).toList();
        assertEquals(6, releases.size(), "base, istiod and the east-west gateway in each of the two clusters");
        assertEquals(releases.size(), updates.size(), "only the releases change");
        for (var release : releases) {
            assertEquals("version", release.path("inputs").get(0).path("path").asText());
            assertEquals("\"1.31.0\"", release.path("inputs").get(0).path("after").asText());
        }
        assertEquals(0, doc.path("summary").path("create").asInt() + doc.path("summary").path("delete").asInt()
                + doc.path("summary").path("replace").asInt());

        // The waves say what the graph says: a change comes after every change it waits for.
        var plan = PlanRunner.run("dev", RawConfig.fromStackFile(after), List.of());
        var graph = new PlanGraph(plan);
        var waves = new HashMap<String, Integer>();
        releases.forEach(r -> waves.put(r.path("urn").asText(), r.path("wave").asInt()));
        for (var a : waves.keySet()) {
            for (var b : waves.keySet()) {
                if (graph.waitsFor(plan.byUrn(a).orElseThrow(), plan.byUrn(b).orElseThrow())) {
                    assertTrue(waves.get(a) > waves.get(b), a + " waits for " + b);
                }
            }
        }
        // Today's graph puts each of the remote's releases after every release of its primary.
        int lastPrimaryWave = releases.stream().filter(r -> r.path("cluster").asText().equals("cluster1"))
                .mapToInt(r -> r.path("wave").asInt()).max().orElseThrow();
        releases.stream().filter(r -> r.path("cluster").asText().equals("cluster2"))
                .forEach(r -> assertTrue(r.path("wave").asInt() > lastPrimaryWave, r.path("name").asText()));

        var text = CliRun.run("plan", "--config-file", after.toString(), "--compare", before.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("  0 to create, 6 to update, 0 to replace, 0 to delete; "), text.out());
        assertTrue(text.out().contains("    Helm releases: update istio-base, update istiod, update istio-eastwestgateway\n"), text.out());
        assertTrue(text.out().contains("Wave 1\n  cluster1\n    ~ Release istio-system/istio-base (chart base 1.31.0) [cluster1-base]\n"
                + "        version: \"1.30.3\" -> \"1.31.0\"\n"), text.out());
        assertTrue(text.out().contains("  nothing to delete\n"), text.out());
    }

    @Test
    @DisplayName("a remote removed: its objects and its remote secret are deleted after the creates, the secret before the token it carries")
    void clusterRemovedAndAdded(@TempDir Path dir) throws Exception {
        var staging = StackFile.projectRoot().resolve("stacks").resolve("Pulumi.staging.yaml");
        var before = StackFile.read(staging).writeTo(dir, "old");
        var edited = StackFile.read(before);
        edited.edit().removeCluster("stg-us");
        var after = edited.writeTo(dir);

        var removed = compareJson(after, before);
        var deletes = changes(removed, "delete");
        assertTrue(deletes.stream().anyMatch(c -> c.path("name").asText().equals("stg-us-istiod")));
        assertTrue(deletes.stream().allMatch(c -> c.path("cluster").isNull() || List.of("stg-us", "stg-core")
                .contains(c.path("cluster").asText())), "only stg-us and its remote secret in stg-core go");
        assertEquals(0, changes(removed, "create").size());
        var deleteWave = new HashMap<String, Integer>();
        deletes.forEach(c -> deleteWave.put(c.path("name").asText(), c.path("deleteWave").asInt()));
        assertTrue(deleteWave.get("mesh-link-stg-core-istio-remote-secret-stg-us") < deleteWave.get("stg-us-reader-token"),
                deleteWave.toString());
        assertTrue(deleteWave.get("stg-us-istiod") < deleteWave.get("stg-us-k8s"), "the provider goes last");
        var patch = changes(removed, "update").stream().filter(c -> c.path("name").asText().equals("mesh-link-stg-core-mesh-networks"))
                .findFirst().orElseThrow();
        assertTrue(patch.path("wave").asInt() >= 1);

        // The other way round, the same resources are created, none deleted.
        var added = compareJson(before, after);
        assertEquals(new TreeSet<>(names(deletes)), new TreeSet<>(names(changes(added, "create"))));
        assertEquals(0, changes(added, "delete").size());
    }

    @Test
    @DisplayName("a reader token rotation replaces the token Secret (renamed) in wave 1 and deletes its old copy, by its old name, after it")
    void readerTokenRotation(@TempDir Path dir) throws Exception {
        var before = write(dir, "old", new StackYaml().remotes(1));
        var after = write(dir, "new", new StackYaml().remotes(1).set("clusters[1].readerTokenGeneration", 1));
        var doc = compareJson(after, before);
        var token = changes(doc, "replace");
        assertEquals(List.of("cluster2-reader-token"), names(token));
        assertTrue(token.get(0).path("reason").asText().startsWith("metadata.name changes"), token.toString());
        assertEquals(1, token.get(0).path("wave").asInt());
        assertEquals(1, token.get(0).path("deleteWave").asInt());
        assertEquals(0, doc.path("summary").path("delete").asInt());

        var text = CliRun.run("plan", "--config-file", after.toString(), "--compare", before.toString()).out();
        assertTrue(text.contains("Delete wave 1\n  cluster2\n    - Secret istio-system/istio-reader-service-account-token"
                + " [cluster2-reader-token] (the replaced copy)\n"), text);
    }

    private static List<String> names(List<JsonNode> changes) {
        return changes.stream().map(c -> c.path("name").asText()).toList();
    }

    /** A kubeconfig file with one user, and a context per cluster entry. */
    private static Path kubeconfig(Path dir, String file, Map<String, String> contextToServer) throws Exception {
        var text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        contextToServer.forEach((context, server) -> text.append("- name: c-").append(context).append("\n  cluster: {server: '")
                .append(server).append("'}\n"));
        text.append("contexts:\n");
        contextToServer.keySet().forEach(context -> text.append("- name: ").append(context).append("\n  context: {cluster: c-")
                .append(context).append(", user: u}\n"));
        text.append("users:\n- name: u\n  user: {token: kubeconfig-user-token-5e1f}\n");
        return Files.writeString(dir.resolve(file), text.toString());
    }

    private static StackYaml remoteWithKubeconfig(Path kubeconfig, String context) {
        return new StackYaml().remotes(1).set("clusters[1].kubeconfig", kubeconfig.toString()).context(2, context);
    }

    @Test
    @DisplayName("a context that leads to another cluster entry of the kubeconfig replaces the provider: a warning names the cluster and the input")
    void contextChangeReplacesProvider(@TempDir Path dir) throws Exception {
        var file = kubeconfig(dir, "kc", Map.of("east", "https://east.example:6443", "west", "https://west.example:6443"));
        var before = write(dir, "old", remoteWithKubeconfig(file, "east"));
        var after = write(dir, "new", remoteWithKubeconfig(file, "west"));

        var run = CliRun.run("plan", "--config-file", after.toString(), "--compare", before.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nWarnings\n  cluster cluster2: its Kubernetes provider would be REPLACED (context changed:"
                + " context 'east' -> 'west'; the active cluster entry differs in server), and with it every one of its "), run.out());
        var doc = compareJson(after, before);
        var cluster2 = new ArrayList<JsonNode>();
        doc.path("changes").forEach(c -> {
            if (c.path("cluster").asText().equals("cluster2") && !c.path("type").asText().equals(PROVIDER)) {
                cluster2.add(c);
            }
        });
        assertFalse(cluster2.isEmpty());
        cluster2.forEach(c -> assertEquals("replace", c.path("action").asText(), c.path("name").asText()));
        cluster2.forEach(c -> assertTrue(c.path("deleteWave").asInt() > 0, "the old copy is deleted at the end"));
        assertEquals("replaced", doc.path("warnings").get(0).path("provider").asText());
        assertEquals(List.of("context"), List.of(JSON.treeToValue(doc.path("warnings").get(0).path("replacing"), String[].class)));
        assertFalse(run.all().contains("kubeconfig-user-token-5e1f"));
    }

    @Test
    @DisplayName("a kubeconfig file whose context leads to another server replaces the provider; one with the same entry only updates it")
    void kubeconfigChange(@TempDir Path dir) throws Exception {
        var east = kubeconfig(dir, "kc-east", Map.of("ctx", "https://east.example:6443"));
        var west = kubeconfig(dir, "kc-west", Map.of("ctx", "https://west.example:6443"));
        var eastCopy = kubeconfig(dir, "kc-east-copy", Map.of("ctx", "https://east.example:6443"));
        var before = write(dir, "old", remoteWithKubeconfig(east, "ctx"));

        var replaced = CliRun.run("plan", "--config-file", write(dir, "west", remoteWithKubeconfig(west, "ctx")).toString(),
                "--compare", before.toString());
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertTrue(replaced.out().contains("cluster cluster2: its Kubernetes provider would be REPLACED (kubeconfig changed: kubeconfig"
                + " (file '" + east.toRealPath() + "') -> (file '" + west.toRealPath() + "'); the active cluster entry differs in server)"),
                replaced.out());

        var same = CliRun.run("plan", "--config-file", write(dir, "copy", remoteWithKubeconfig(eastCopy, "ctx")).toString(),
                "--compare", before.toString(), "--format", "json");
        assertEquals(0, same.exitCode(), same.err());
        var doc = JSON.readTree(same.out());
        assertEquals(0, doc.path("warnings").size(), same.out());
        assertEquals(1, doc.path("summary").path("update").asInt(), "only the provider, whose kubeconfig input changed");
        assertEquals(0, doc.path("summary").path("replace").asInt());
    }

    @Test
    @DisplayName("a context change without a kubeconfig key only updates the provider, and the warning says its objects stay where the state has them")
    void contextChangeWithoutKubeconfig(@TempDir Path dir) throws Exception {
        var before = write(dir, "old", new StackYaml().remotes(1));
        var after = write(dir, "new", new StackYaml().remotes(1).context(2, "ctx-elsewhere"));
        var doc = compareJson(after, before);
        assertEquals(0, doc.path("summary").path("replace").asInt());
        assertEquals("updated", doc.path("warnings").get(0).path("provider").asText());
        assertTrue(doc.path("warnings").get(0).path("message").asText().startsWith("cluster cluster2: context 'ctx-cluster2'"
                + " -> 'ctx-elsewhere' without a kubeconfig key: the provider is only updated"), doc.toString());
    }

    @Test
    @DisplayName("secrets are never printed: a changed chart repository password and inline kubeconfig content show as [secret]")
    void secretsNeverPrinted(@TempDir Path dir) throws Exception {
        var content = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://%s.example:6443'}\n"
                + "contexts:\n- name: ctx-cluster2\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: %s}\n";
        var before = write(dir, "old", new StackYaml().remotes(1).set("istio.chartRepositoryUsername", "robot")
                .set("istio.chartRepositoryPassword", "old-password-71c3")
                .set("clusters[1].kubeconfig", content.formatted("east", "old-token-2b9d")));
        var after = write(dir, "new", new StackYaml().remotes(1).set("istio.chartRepositoryUsername", "robot")
                .set("istio.chartRepositoryPassword", "new-password-a04e")
                .set("clusters[1].kubeconfig", content.formatted("west", "new-token-8e6a")));
        for (var format : List.of("text", "json")) {
            var run = CliRun.run("plan", "--config-file", after.toString(), "--compare", before.toString(), "--format", format);
            assertEquals(0, run.exitCode(), run.err());
            for (var secret : List.of("old-password-71c3", "new-password-a04e", "old-token-2b9d", "new-token-8e6a")) {
                assertFalse(run.all().contains(secret), format + " shows " + secret);
            }
            assertTrue(run.out().contains("[secret]"), run.out());
            assertTrue(run.out().contains("kubeconfig (content [secret]) -> (content [secret])"), run.out());
        }
    }

    @Test
    @DisplayName("a --compare file that is missing, a directory or not a stack file is refused with exit 2, naming it")
    void badCompareInput(@TempDir Path dir) throws Exception {
        var missing = CliRun.run("plan", "--compare", dir.resolve("nowhere.yaml").toString());
        assertEquals(2, missing.exitCode(), missing.all());
        assertEquals("error: the --compare stack file '" + dir.resolve("nowhere.yaml") + "' does not exist\n", missing.err());
        assertEquals("", missing.out());

        var directory = CliRun.run("plan", "--compare", dir.toString());
        assertEquals(2, directory.exitCode());
        assertTrue(directory.err().contains("is not a regular file"), directory.err());

        var notStack = kubeconfig(dir, "kubeconfig.yaml", Map.of("ctx", "https://east.example:6443"));
        var run = CliRun.run("plan", "--compare", notStack.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertEquals("error: the --compare stack file '" + notStack + "' is not a stack file: it sets no key under 'config:'\n", run.err());

        var invalid = write(dir, "bad", new StackYaml().remotes(1).set("clusters[1].network", "Not_A_Label"));
        var bad = CliRun.run("plan", "--compare", invalid.toString());
        assertEquals(2, bad.exitCode(), bad.all());
        assertTrue(bad.err().startsWith("error: the --compare stack file '" + invalid + "' is invalid:\ninvalid stack configuration"),
                bad.err());

        var withOut = CliRun.run("plan", "--compare", invalid.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, withOut.exitCode());
        assertTrue(withOut.err().startsWith("--out writes one plan's objects; give it without --compare"), withOut.err());
    }

    @Test
    @DisplayName("every canary step compares with the one before; a step that removes the revision the deployed default tag points at is refused by key, exit 2")
    void canarySteps() throws Exception {
        for (var topology : List.of("primary-remote-multinetwork", "multi-primary")) {
            var dir = StackFile.projectRoot().resolve("stacks/canary/" + topology);
            for (int step = 1; step <= 6; step++) {
                var doc = compareJson(dir.resolve("Pulumi.step" + step + ".yaml"), dir.resolve("Pulumi.step" + (step - 1) + ".yaml"));
                // removing a revision (steps 3 and 6) only deletes; adding one (1 and 4) only creates
                var actions = new TreeSet<String>();
                doc.path("changes").forEach(c -> actions.add(c.path("action").asText()));
                if (step == 3 || step == 6) {
                    assertEquals(Set.of("delete"), actions, topology + " step " + step);
                } else if (step == 1 || step == 4) {
                    assertEquals(Set.of("create"), actions, topology + " step " + step);
                }
            }
            // skipping step 5: the canary becomes the default and 1-30-3, the deployed default, goes in one step
            var skip = CliRun.run("plan", "--config-file", dir.resolve("Pulumi.step6.yaml").toString(),
                    "--compare", dir.resolve("Pulumi.step4.yaml").toString());
            assertEquals(2, skip.exitCode(), skip.all());
            assertEquals("", skip.out());
            assertTrue(skip.err().contains("error: the step from the --compare stack file '" + dir.resolve("Pulumi.step4.yaml")
                    + "' is refused:\ninvalid stack configuration (1 problem):\n  - istio-multicluster:istio.revisions: removes"
                    + " the revision '1-30-3', which the default tag points at in the deployed stack"), skip.err());
            // and from 'version' alone straight to a named revision
            var direct = CliRun.run("plan", "--config-file", dir.resolve("Pulumi.step3.yaml").toString(),
                    "--compare", dir.resolve("Pulumi.step0.yaml").toString());
            assertEquals(2, direct.exitCode(), direct.all());
            assertTrue(direct.err().contains("istio-multicluster:istio.revisions: removes the unrevisioned control plane"
                    + " (revision 'default', Istio 1.30.3)"), direct.err());
        }
    }
}
