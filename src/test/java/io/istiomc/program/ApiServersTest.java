package io.istiomc.program;

import io.istiomc.testing.StackYaml;

import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the primary reaches each remote's API server. */
class ApiServersTest {
    private static final String REMOTE_WITHOUT_API_SERVER = new StackYaml().remotes(1).remove("clusters[1].apiServer").yaml();

    private static String kubeconfig(String context, String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c-%1$s
                  cluster: {server: %2$s}
                contexts:
                - name: %1$s
                  context: {cluster: c-%1$s, user: u}
                users:
                - name: u
                  user: {token: t}
                """.formatted(context, server);
    }

    @Test
    @DisplayName("like kubectl, every file of KUBECONFIG is searched in order for the remote's context")
    void searchesEveryKubeconfigFile(@TempDir Path dir) throws Exception {
        // GIVEN two kubeconfig files, the remote's context only in the second
        var first = Files.writeString(dir.resolve("a"), kubeconfig("ctx-cluster1", "https://one.example:6443"));
        var second = Files.writeString(dir.resolve("b"), kubeconfig("ctx-cluster2", "https://two.example:6443"));
        var config = MeshConfigReader.read(RawConfig.fromStackYaml(REMOTE_WITHOUT_API_SERVER));
        // WHEN the API servers are resolved for a deployment
        var warnings = new ArrayList<String>();
        var servers = ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(dir.resolve("missing"), first, second), warnings);
        // THEN the second file's server is used
        assertEquals(new ApiServers.ApiServer("https://two.example:6443", Optional.empty(), "kubeconfig"), servers.get("cluster2"));
        assertEquals(List.of(), warnings);
    }

    @Test
    @DisplayName("a deployment without a reachable API server fails naming the key, and warns about loopback servers")
    void missingAndLoopback(@TempDir Path dir) throws Exception {
        var config = MeshConfigReader.read(RawConfig.fromStackYaml(REMOTE_WITHOUT_API_SERVER));
        var e = assertThrows(InvalidConfigException.class,
                () -> ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(dir.resolve("none")), new ArrayList<>()));
        assertTrue(e.getMessage().contains("istio-multicluster:clusters[1].apiServer: is not set, and no kubeconfig file was found"),
                e.getMessage());
        var primary = Files.writeString(dir.resolve("primary"), kubeconfig("ctx-cluster1", "https://one.example:6443"));
        var local = Files.writeString(dir.resolve("kind"), kubeconfig("ctx-cluster2", "https://127.0.0.1:39001"));
        var warnings = new ArrayList<String>();
        ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(primary, local), warnings);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("is a loopback address; istiod in cluster 'cluster1' cannot reach it"), warnings.get(0));
        // offline, the missing server is simulated and says so
        var simulated = ApiServers.resolve(config, ApiServers.Mode.PLAN, List.of(), new ArrayList<>());
        assertTrue(simulated.get("cluster2").simulated());
    }

    @Test
    @DisplayName("a server taken from a kubeconfig follows the apiServer rule: no credentials, https, a valid port")
    void kubeconfigServerFollowsTheApiServerRule(@TempDir Path dir) throws Exception {
        // GIVEN the remote's context leads to a server URL with a password in it
        var primary = Files.writeString(dir.resolve("primary"), kubeconfig("ctx-cluster1", "https://one.example:6443"));
        var remote = Files.writeString(dir.resolve("remote"), kubeconfig("ctx-cluster2", "https://admin:hunter2@two.example:6443"));
        var config = MeshConfigReader.read(RawConfig.fromStackYaml(REMOTE_WITHOUT_API_SERVER));
        // WHEN the API servers are resolved
        var e = assertThrows(InvalidConfigException.class,
                () -> ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(primary, remote), new ArrayList<>()));
        // THEN the problem is named on apiServer, and the password is not shown
        assertEquals(1, e.problems().size());
        var problem = e.problems().get(0).toString();
        assertTrue(problem.startsWith("istio-multicluster:clusters[1].apiServer: is not set, and the server of context 'ctx-cluster2' in "),
                problem);
        assertTrue(problem.contains("must not carry credentials"), problem);
        assertTrue(!problem.contains("hunter2"), problem);
    }

    @Test
    @DisplayName("every watched cluster is resolved once, primaries too when there are several, with its tls-server-name")
    void watchedClustersOnly() throws Exception {
        // GIVEN two primaries with two remotes each, west's API server behind an address its certificate does not name
        var config = MeshConfigReader.read(RawConfig.fromStackFile(Path.of("stacks/Pulumi.mixed.yaml")));
        // WHEN the API servers are resolved
        var servers = ApiServers.resolve(config, ApiServers.Mode.DEPLOY, List.of(), new ArrayList<>());
        // THEN each cluster has one, keyed by name, west's with its tls-server-name
        assertEquals(List.of("east", "east-a", "east-b", "west", "west-a", "west-b"), List.copyOf(servers.keySet()));
        assertEquals(new ApiServers.ApiServer("https://203.0.113.50:6443", Optional.of("kubernetes.west.internal"), "config"),
                servers.get("west"));
        assertEquals(Optional.empty(), servers.get("east-a").tlsServerName());
        // AND a lone primary, which no primary watches, gets none
        var single = MeshConfigReader.read(RawConfig.fromStackYaml(new StackYaml().remotes(1).yaml()));
        assertEquals(List.of("cluster2"), List.copyOf(ApiServers.resolve(single, ApiServers.Mode.PLAN, List.of(), new ArrayList<>()).keySet()));
    }
}
