package io.istiomc.safety;

import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.plan.PlanRunner;
import io.istiomc.program.ApiServers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kubeconfig is read as the deployment's providers will read it. What would make
 * {@code pulumi up} fail (no such context, no cluster entry, not a kubeconfig, unreadable, too large)
 * is reported by key with exit 2; where no kubeconfig is at hand, the plan says it simulates; the files
 * of {@code KUBECONFIG} are merged as kubectl merges them; no kubeconfig value is ever echoed.
 */
class KubeconfigInputTest {
    private static final String NS = "istio-multicluster:";

    /** A kubeconfig with the given contexts, each naming cluster {@code c-<context>} unless told otherwise. */
    private static String kubeconfig(String clustersYaml, String contextsYaml) {
        return "apiVersion: v1\nkind: Config\nclusters:\n" + clustersYaml + "contexts:\n" + contextsYaml
                + "users:\n- name: u\n  user: {token: kubeconfig-user-token-0c41}\n";
    }

    private static String cluster(String name, String server) {
        return "- name: " + name + "\n  cluster: {server: '" + server + "'}\n";
    }

    private static String context(String name, String cluster) {
        return "- name: " + name + "\n  context: {cluster: " + cluster + ", user: u}\n";
    }

    /** Both clusters read the same kubeconfig file. */
    private static Path stackWithKubeconfig(Path dir, Path kubeconfig) throws Exception {
        return Files.writeString(dir.resolve("Pulumi.kc.yaml"), stack().remotes(1).set("clusters[0].kubeconfig", kubeconfig.toString())
                .set("clusters[1].kubeconfig", kubeconfig.toString()).yaml());
    }

    @Test
    @DisplayName("a kubeconfig without the cluster's context: exit 2 naming clusters[i].context")
    void contextMissing(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kc"), kubeconfig(cluster("c2", "https://two.example:6443"),
                context("ctx-cluster2", "c2")));
        var result = cli("plan", "--config-file", stackWithKubeconfig(dir, file).toString());
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("invalid stack configuration (1 problem):\n  - " + NS + "clusters[0].context: 'ctx-cluster1' is not a"
                + " context in the file " + NS + "clusters[0].kubeconfig names; the deployment could not reach this cluster\n",
                result.err());
    }

    @Test
    @DisplayName("a context whose cluster entry is missing: exit 2 naming clusters[i].context")
    void clusterEntryMissing(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kc"), kubeconfig(cluster("c2", "https://two.example:6443"),
                context("ctx-cluster1", "gone") + context("ctx-cluster2", "c2")));
        var result = cli("plan", "--config-file", stackWithKubeconfig(dir, file).toString());
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("invalid stack configuration (1 problem):\n  - " + NS + "clusters[0].context: 'ctx-cluster1' names"
                + " cluster 'gone', which is not in the file " + NS + "clusters[0].kubeconfig names; the deployment could"
                + " not reach this cluster\n", result.err());
    }

    @Test
    @DisplayName("a file that is not a kubeconfig (a PEM certificate, a stack file): exit 2 naming clusters[i].kubeconfig")
    void notAKubeconfig(@TempDir Path dir) throws Exception {
        var pem = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n");
        var result = cli("plan", "--config-file", stackWithKubeconfig(dir, pem).toString());
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("invalid stack configuration (2 problems):\n  - " + NS + "clusters[0].kubeconfig: the file, line 3: is not"
                + " valid YAML\n  - " + NS + "clusters[1].kubeconfig: the file, line 3: is not valid YAML\n", result.err());
        var notKubeconfig = "the file is not a kubeconfig (expected 'kind: Config' with 'clusters' and 'contexts')";
        assertFalse(result.err().contains("MIIBszCCAVmgAwIBAgIU"));

        var stackFile = SafetyFixture.testResource("safety/yaml12/scalar-alias-network.yaml");
        var asKubeconfig = cli("plan", "--config-file", stackWithKubeconfig(dir, stackFile).toString());
        assertEquals(2, asKubeconfig.exitCode(), asKubeconfig.all());
        assertTrue(asKubeconfig.err().contains(NS + "clusters[0].kubeconfig: " + notKubeconfig), asKubeconfig.err());
    }

    @Test
    @DisplayName("a kubeconfig larger than 4 MiB: exit 2 naming clusters[i].kubeconfig and the limit")
    void hugeKubeconfig(@TempDir Path dir) throws Exception {
        var file = dir.resolve("huge");
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        var result = cli("plan", "--config-file", stackWithKubeconfig(dir, file).toString());
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains(NS + "clusters[0].kubeconfig: the file is larger than 4 MiB, the most this"
                + " program reads\n"), result.err());
    }

    @Test
    @DisplayName("a KUBECONFIG entry that cannot be read (a directory): reported on clusters[i].context, exit 2")
    void unreadableDefaultKubeconfig(@TempDir Path dir) throws Exception {
        var config = MeshConfigReader.read(raw(stack().remotes(1).yaml()));
        var thrown = assertThrows(InvalidConfigException.class,
                () -> ApiServers.resolve(config, ApiServers.Mode.PLAN, List.of(dir), new ArrayList<>()));
        assertEquals(NS + "clusters[0].context: kubeconfig file '" + dir + "' is not a regular file (a FIFO, socket, device or"
                + " directory); this program reads configuration only from regular files",
                thrown.problems().get(0).toString());
    }

    @Test
    @DisplayName("no kubeconfig at hand at all: the plan simulates, and its warnings say so per cluster")
    void noKubeconfigAtHand(@TempDir Path dir) throws Exception {
        var absent = dir.resolve("absent");
        var yaml = stack().remotes(1).remove("clusters[1].apiServer").yaml();
        var plan = PlanRunner.run("kc", raw(yaml), List.of(absent));
        assertEquals(List.of(
                NS + "clusters[0].context: no kubeconfig is at hand (kubeconfig file '" + absent + "' does not exist); the"
                        + " plan cannot check that context 'ctx-cluster1' exists",
                NS + "clusters[1].context: no kubeconfig is at hand (kubeconfig file '" + absent + "' does not exist); the"
                        + " plan cannot check that context 'ctx-cluster2' exists, and simulates its API server"),
                plan.warnings());
        assertTrue(plan.apiServers().get("cluster2").simulated());
    }

    @Test
    @DisplayName("KUBECONFIG=a:b is merged as kubectl merges it: context in a, its cluster in b; the first file wins per name")
    void mergedLikeKubectl(@TempDir Path dir) throws Exception {
        var a = Files.writeString(dir.resolve("a"), kubeconfig(cluster("c1", "https://one-from-a.example:6443"),
                context("ctx-cluster1", "c1") + context("ctx-cluster2", "c2")));
        var b = Files.writeString(dir.resolve("b"), kubeconfig(
                cluster("c2", "https://two-from-b.example:6443") + cluster("c1", "https://one-from-b.example:6443"),
                context("ctx-cluster2", "c1")));
        var yaml = stack().remotes(1).remove("clusters[1].apiServer").yaml();
        var config = MeshConfigReader.read(raw(yaml));
        var servers = ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(a, b), new ArrayList<>());
        // ctx-cluster2 is a's (naming c2), c2 is only in b
        assertEquals(new ApiServers.ApiServer("https://two-from-b.example:6443", java.util.Optional.empty(), "kubeconfig"), servers.get("cluster2"));
    }

    @Test
    @DisplayName("the same kubeconfig spelled two ways (/kc/a, /kc/./a) with the same context is one cluster: rejected")
    void samePathSpelledTwoWays(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("a"), kubeconfig(cluster("c", "https://x.example:6443"), context("ctx-cluster1", "c")));
        var stack = stack().remotes(1)
                .set("clusters[0].kubeconfig", file.toString())
                .set("clusters[1].kubeconfig", dir + "/./a")
                .context(2, "ctx-cluster1");
        var yaml = stack.yaml();
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw(yaml)));
        var sameContext = List.of(NS + "clusters[1].context: 'ctx-cluster1' of the same kubeconfig is already the context of cluster 'cluster1';"
                + " each cluster needs its own kube context, or the mesh would install twice into one cluster");
        assertEquals(sameContext, thrown.problems().stream().map(Object::toString).toList());
        // AND a symbolic link to the file is the same file
        var link = Files.createSymbolicLink(dir.resolve("link"), file);
        var linked = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw(
                stack.set("clusters[1].kubeconfig", link.toString()).yaml())));
        assertEquals(sameContext, linked.problems().stream().map(Object::toString).toList());
    }

    @Test
    @DisplayName("one cluster via $KUBECONFIG and another naming the same file (another spelling, a symbolic link) with the same context: rejected")
    void sameFileFromKubeconfigAndByName(@TempDir Path dir) throws Exception {
        // GIVEN a kubeconfig with context ctx-cluster1, found by cluster1 through KUBECONFIG
        var file = Files.writeString(dir.resolve("a"), kubeconfig(cluster("c", "https://x.example:6443"),
                context("ctx-cluster1", "c") + context("ctx-cluster2", "c")));
        var link = Files.createSymbolicLink(dir.resolve("link"), file);
        for (var spelling : List.of(file.toString(), dir + "/./a", link.toString())) {
            // AND cluster2 naming that file, spelled another way, with the same context
            var yaml = stack().remotes(1).set("clusters[1].kubeconfig", spelling).context(2, "ctx-cluster1").yaml();
            // WHEN it is planned with KUBECONFIG=<file>
            var thrown = assertThrows(InvalidConfigException.class, () -> PlanRunner.run("kc", raw(yaml), List.of(file)));
            // THEN cluster2's context is refused: both would install into one cluster
            assertEquals(List.of(NS + "clusters[1].context: 'ctx-cluster1' of the same kubeconfig is already the context of"
                            + " cluster 'cluster1'; each cluster needs its own kube context, or the mesh would install twice"
                            + " into one cluster"), thrown.problems().stream().map(Object::toString).toList(), spelling);
        }
        // AND with its own context in that file, cluster2 is another cluster
        var distinct = stack().remotes(1).set("clusters[1].kubeconfig", link.toString()).yaml();
        assertEquals(List.of("cluster2"), List.copyOf(PlanRunner.run("kc", raw(distinct), List.of(file)).apiServers().keySet()));
    }

    @Test
    @DisplayName("the default kubeconfig is $HOME/.kube/config, as kubectl and the provider find it, not Java's user.home; KUBECONFIG wins")
    void homeIsTheEnvironmentsHome() {
        assertEquals(Path.of("/home/from-env"), io.istiomc.config.Home.directory(java.util.Map.of("HOME", "/home/from-env"), "/passwd/home"));
        assertEquals(Path.of("/passwd/home"), io.istiomc.config.Home.directory(java.util.Map.of("HOME", ""), "/passwd/home"));
        assertEquals(List.of(Path.of("/home/from-env/.kube/config")),
                ApiServers.defaultKubeconfigs(java.util.Map.of(), Path.of("/home/from-env")));
        assertEquals(List.of(Path.of("/k/a"), Path.of("/k/b")),
                ApiServers.defaultKubeconfigs(java.util.Map.of("KUBECONFIG", "/k/a::/k/b"), Path.of("/home/from-env")));
    }

    @Test
    @DisplayName("a kubeconfig value that is a bare token, base64 of a kubeconfig, or one-line YAML is never echoed")
    void kubeconfigValueNeverEchoed(@TempDir Path dir) throws Exception {
        var token = "eyJhbGciOiJSUzI1NiJ9.bare-token-value-51f0";
        var base64 = Base64.getEncoder().encodeToString(kubeconfig(cluster("c", "https://x.example:6443"),
                context("ctx-cluster1", "c")).getBytes());
        var oneLine = "kind: Config-one-line-9e2d";
        for (var value : List.of(token, base64, oneLine)) {
            var file = Files.writeString(dir.resolve("Pulumi.echo.yaml"),
                    stack().remotes(1).set("clusters[0].kubeconfig", value).yaml());
            var result = cli("plan", "--config-file", file.toString());
            assertEquals(2, result.exitCode(), result.all());
            assertTrue(result.err().contains(NS + "clusters[0].kubeconfig: "), result.err());
            assertFalse(result.all().contains(value), "the value was echoed:\n" + result.err());
            assertFalse(result.all().contains("bare-token-value") || result.all().contains("one-line-9e2d"), result.err());
        }
    }
}
