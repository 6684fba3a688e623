package io.istiomc.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command around the checks: exit statuses, formats, and what it never prints. Against live servers: {@code it.VerifyOnRealApiServersIT}. */
class VerifyCommandTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLWJvZHk.c2lnbmF0dXJlLW5ldmVyLXByaW50ZWQ";

    @Test
    @DisplayName("an invalid stack configuration exits 2 with the key named, before any cluster is contacted")
    void invalidConfigExitsTwo(@TempDir Path dir) throws Exception {
        var stack = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(stack, new StackYaml().remotes(1).remove("clusters[1].network").set("clusters[1].netwrk", "network2").yaml());
        var run = CliRun.run("verify", "--config-file", stack.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("istio-multicluster:clusters[1].netwrk: is not a known key; did you mean 'network'?"), run.err());
        assertEquals("", run.out());
    }

    @Test
    @DisplayName("a watched cluster without an API server or kubeconfig is a configuration error (exit 2), as for pulumi up")
    void unresolvedApiServerExitsTwo(@TempDir Path dir) throws Exception {
        var stack = dir.resolve("Pulumi.x.yaml");
        Files.writeString(stack, new StackYaml().remotes(1).remove("clusters[1].apiServer").yaml());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(List.of("--config-file", stack.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), List.of(dir.resolve("no-kubeconfig")), Instant.now());
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("istio-multicluster:clusters[1].apiServer: is not set"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a format other than text or json, or --stack with --config-file, is a usage error")
    void usageErrors() {
        var format = CliRun.run("verify", "--format", "yaml");
        assertEquals(1, format.exitCode());
        assertTrue(format.err().startsWith("--format must be 'text' or 'json' (got 'yaml')"), format.err());
        var both = CliRun.run("verify", "--stack", "dev", "--config-file", "Pulumi.dev.yaml");
        assertEquals(1, both.exitCode());
        assertTrue(both.err().startsWith("give --stack or --config-file, not both"), both.err());
    }

    @Test
    @DisplayName("clusters that cannot be reached fail their access check (exit 1), in text and JSON, and no token is printed")
    void unreachableClustersFail(@TempDir Path dir) throws Exception {
        // GIVEN kubeconfigs whose servers listen nowhere (a port just closed), with a token in each
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: c1, cluster: {server: "https://127.0.0.1:%d"}}
                contexts:
                - {name: ctx-cluster1, context: {cluster: c1, user: u}}
                - {name: ctx-cluster2, context: {cluster: c1, user: u}}
                users:
                - {name: u, user: {token: %s}}
                """.formatted(port, TOKEN));
        var stack = dir.resolve("Pulumi.gone.yaml");
        Files.writeString(stack, new StackYaml().remotes(1)
                .set("clusters[0].kubeconfig", kubeconfig.toString())
                .set("clusters[1].kubeconfig", kubeconfig.toString().replace("/kubeconfig", "/./kubeconfig")).yaml());
        // WHEN verify runs
        var text = CliRun.run("verify", "--config-file", stack.toString());
        var json = CliRun.run("verify", "--config-file", stack.toString(), "--format", "json");
        // THEN both clusters fail their access check, and nothing else is run
        assertEquals(1, text.exitCode(), text.all());
        assertEquals(1, json.exitCode(), json.all());
        assertTrue(text.out().startsWith("Verify of stack 'gone' against the live clusters: 2 checks, 0 passed, 2 failed.\n"
                + "FAIL  cluster1                 access                 context 'ctx-cluster1': cannot connect to 127.0.0.1:" + port
                + " (connection refused or no route)\n"), text.out());
        var checks = new ObjectMapper().readTree(json.out());
        assertFalse(checks.path("passed").asBoolean(true));
        assertEquals(2, checks.path("checks").size());
        assertEquals("fail", checks.path("checks").get(1).path("status").asText());
        assertEquals("access", checks.path("checks").get(1).path("check").asText());
        for (var run : List.of(text, json)) {
            assertFalse(run.all().contains(TOKEN.split("\\.")[1]), "the token was printed");
        }
    }

    @Test
    @DisplayName("a kubeconfig encrypted in the stack file is named as the reason its cluster cannot be checked")
    void encryptedKubeconfig(@TempDir Path dir) throws Exception {
        var stack = dir.resolve("Pulumi.enc.yaml");
        Files.writeString(stack, new StackYaml().remotes(1)
                .set("clusters[0].kubeconfig", Map.of("secure", "v1:abcdefABCDEF"))
                .set("clusters[1].kubeconfig", Map.of("secure", "v1:abcdefABCDEF")).yaml());
        var run = CliRun.run("verify", "--config-file", stack.toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("FAIL  cluster1                 access                 its kubeconfig is encrypted in the"
                + " stack file, which verify reads without Pulumi;"), run.out());
        assertFalse(run.all().contains("abcdefABCDEF"));
    }
}
