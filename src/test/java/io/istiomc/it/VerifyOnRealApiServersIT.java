package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code verify} against two real API servers holding the dev topology (cluster1 primary, cluster2
 * remote on another network): the plan's objects applied as in {@link MeshOnRealApiServersIT}, the
 * charts' reader RBAC in the remote, and what the live clusters would hold after {@code pulumi up}:
 * the remote secret with a real reader token and the remote's CA, {@code cacerts} from one root,
 * a load balancer address on the primary's gateway. The healthy mesh passes; each broken case fails
 * with its reason, and nothing printed holds a token, key or kubeconfig.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyOnRealApiServersIT {
    private static final String MANAGER = "pulumi-kubernetes";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMOTE_SECRET = "/api/v1/namespaces/istio-system/secrets/istio-remote-secret-cluster2";
    private static final String READER_ROLE = "istio-reader-clusterrole-istio-system";

    private final KubeApiServer primary = new KubeApiServer("verify-primary");
    private final KubeApiServer remote = new KubeApiServer("verify-remote");
    private Path work;
    private Path stackFile;
    private ObjectNode healthyRemoteSecret;
    private String readerToken;
    private String remoteCaData;
    private TestCertificates.Ca meshRoot;
    private TestCertificates.Ca cluster1Intermediate;
    private Map<String, String> remoteCacerts;
    private JsonNode readerClusterRole;
    private final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void deployTheMesh() throws Exception {
        CompletableFuture.allOf(CompletableFuture.runAsync(primary::start), CompletableFuture.runAsync(remote::start)).join();
        work = Files.createTempDirectory("verify-it");
        // GIVEN kubeconfigs for both clusters: the primary's through an exec plugin, the remote's with a token
        var plugin = work.resolve("credential-plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                + "\"ExecCredential\",\"status\":{\"token\":\"" + primary.adminToken() + "\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        var primaryKubeconfig = work.resolve("cluster1.kubeconfig");
        Files.writeString(primaryKubeconfig, primary.kubeconfig("ctx-cluster1", "unused").replace("    token: unused\n",
                "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + plugin + "\n"));
        var remoteKubeconfig = work.resolve("cluster2.kubeconfig");
        Files.writeString(remoteKubeconfig, remote.kubeconfig("ctx-cluster2", remote.adminToken()));
        secrets.addAll(List.of(primary.adminToken(), remote.adminToken()));

        // AND the dev topology's stack: the remote's API server is the real one; its gateway address is configured,
        // the primary's comes from its load balancer
        var stack = new StackYaml().remotes(1).apiServer(2, remote.url())
                .set("clusters[0].kubeconfig", primaryKubeconfig.toString())
                .set("clusters[1].kubeconfig", remoteKubeconfig.toString())
                .set("clusters[1].gateway.address", "198.51.100.7");
        stackFile = work.resolve("Pulumi.verify.yaml");
        Files.writeString(stackFile, stack.yaml());
        var plan = PlanRunner.run("verify", RawConfig.fromStackYaml(stack.yaml()), List.of());
        var out = work.resolve("plan");
        PlanWriter.write(plan, out);

        // WHEN the plan's core objects are applied to their clusters (namespaces first), with the charts' reader
        // RBAC in the remote, as Helm would render it
        apply(primary.client(), out.resolve("cluster1"));
        apply(remote.client(), out.resolve("cluster2"));
        try (var in = getClass().getResourceAsStream("/istio/1.30.3/reader-rbac--remote.yaml")) {
            for (var document : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^---$")) {
                var object = YAML.readTree(document);
                if (object != null && object.has("kind")) {
                    var stored = remote.client().serverSideApply(document, MANAGER);
                    if (stored.path("kind").asText().equals("ClusterRole")) {
                        readerClusterRole = object;
                    }
                }
            }
        }

        // AND what the live clusters hold after `pulumi up`: the remote secret's kubeconfig with a real reader
        // token and the remote's CA (built by MeshLink's own builder), cacerts of one root, the gateway's address
        readerToken = remote.client().createTokenRequest("istio-system", "istio-reader-service-account");
        remoteCaData = base64(remote.caPem());
        secrets.add(readerToken);
        healthyRemoteSecret = (ObjectNode) YAML.readTree(Files.readString(onlyFile(out.resolve("cluster1"),
                "istio-remote-secret-cluster2")));
        healthyRemoteSecret.remove("data");
        healthyRemoteSecret.remove("stringData");
        healthyRemoteSecret.putObject("stringData").put("cluster2", kubeconfig(remoteCaData, readerToken));
        replaceRemoteSecret(healthyRemoteSecret);

        var certificates = new TestCertificates(Files.createDirectory(work.resolve("ca")));
        meshRoot = certificates.root("mesh-root");
        var cluster1Ca = certificates.intermediate("cluster1-ca", meshRoot);
        cluster1Intermediate = cluster1Ca;
        var cluster2Ca = certificates.intermediate("cluster2-ca", meshRoot);
        secrets.addAll(List.of(cluster1Ca.keyPem(), cluster2Ca.keyPem(), meshRoot.keyPem()));
        putCacerts(primary.client(), TestCertificates.cacerts(cluster1Ca, meshRoot, meshRoot));
        remoteCacerts = TestCertificates.cacerts(cluster2Ca, meshRoot, meshRoot);
        putCacerts(remote.client(), remoteCacerts);
        primary.client().mergePatch("/api/v1/namespaces/istio-system/services/istio-eastwestgateway/status",
                "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"192.0.2.10\"}]}}}");
    }

    @AfterAll
    void stop() {
        Resources.closeAll(primary, remote);
    }

    @Test
    @DisplayName("the healthy mesh passes every check, in text and JSON, and exits 0")
    void healthyMeshPasses() throws Exception {
        var run = verify();
        assertEquals(0, run.exitCode(), run.all());
        var checks = checks(run);
        assertEquals(List.of(
                "cluster1 access", "cluster2 access",
                "cluster1<-cluster2 remote-secret", "cluster1<-cluster2 remote-secret-server",
                "cluster1<-cluster2 remote-secret-tls", "cluster1<-cluster2 reader-authenticates",
                "cluster1<-cluster2 reader-rights", "cluster1<-cluster2 reader-lists",
                "cluster1<-cluster2 reader-token-expiry",
                "cluster1 cacerts", "cluster2 cacerts", "cluster1 cacerts-root", "cluster2 cacerts-root",
                "cluster1 gateway", "cluster2 gateway"),
                checks.stream().map(c -> c.path("cluster").asText() + (c.has("watched") ? "<-" + c.path("watched").asText() : "")
                        + " " + c.path("check").asText()).toList());
        assertTrue(checks.stream().allMatch(c -> c.path("status").asText().equals("pass")), run.out());
        assertTrue(reason(run, "reader-token-expiry").contains("expires at"), run.out());
        assertTrue(reason(run, "reader-rights").startsWith("may do all "), run.out());
        assertTrue(reasonOf(checks, "cluster1", "gateway").contains("192.0.2.10 (the Service's load balancer)"), run.out());
        assertTrue(reasonOf(checks, "cluster2", "gateway").contains("198.51.100.7 (gateway.address)"), run.out());
        var text = CliRun.run("verify", "--config-file", stackFile.toString());
        assertEquals(0, text.exitCode(), text.all());
        assertTrue(text.out().startsWith("Verify of stack 'verify' against the live clusters: 15 checks, 15 passed, 0 failed."),
                text.out());
        assertNothingSecret(run);
        assertNothingSecret(text);
        // what an operator sees (nothing secret, as just asserted)
        System.out.print(text.out());
    }

    @Test
    @DisplayName("a remote secret with a wrong token fails authentication (401), and the token is not printed")
    void wrongToken() throws Exception {
        // a reader token of the other cluster: well-formed, but signed by a key the remote does not trust
        primary.client().serverSideApply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: istio-reader-service-account, namespace: istio-system}
                """, MANAGER);
        var otherToken = primary.client().createTokenRequest("istio-system", "istio-reader-service-account");
        secrets.add(otherToken);
        var run = withRemoteSecret(kubeconfig(remoteCaData, otherToken), true, true);
        assertFailed(run, "reader-authenticates", "the API server of cluster2 rejects the token in istio-remote-secret-cluster2 (HTTP 401 Unauthorized)");
        assertFalse(run.all().contains(otherToken));
    }

    @Test
    @DisplayName("a remote secret whose CA data is another server's fails the TLS check")
    void wrongCaData() throws Exception {
        var run = withRemoteSecret(kubeconfig(base64(primary.caPem()), readerToken), true, true);
        var reason = assertFailed(run, "remote-secret-tls", null);
        assertTrue(reason.contains("the TLS handshake with 127.0.0.1:") && reason.contains("is not signed by the CA data given"), reason);
    }

    @Test
    @DisplayName("a missing remote secret fails, and nothing that depends on it is run")
    void missingSecret() throws Exception {
        primary.client().delete(REMOTE_SECRET);
        try {
            var run = verify();
            assertFailed(run, "remote-secret", "istio-remote-secret-cluster2 is missing from istio-system: istiod in cluster1 does not discover cluster2");
            assertTrue(checks(run).stream().noneMatch(c -> c.path("check").asText().startsWith("reader-")), run.out());
        } finally {
            replaceRemoteSecret(healthyRemoteSecret);
        }
    }

    @Test
    @DisplayName("a remote secret without the istio/multiCluster label fails, since istiod would ignore it")
    void unlabelledSecret() throws Exception {
        var run = withRemoteSecret(kubeconfig(remoteCaData, readerToken), false, true);
        assertFailed(run, "remote-secret", "istio-remote-secret-cluster2 is not labelled istio/multiCluster: \"true\" (no such label):"
                + " istiod selects remote secrets by that label and ignores this one");
    }

    @Test
    @DisplayName("a remote secret without the cluster annotation fails")
    void unannotatedSecret() throws Exception {
        var run = withRemoteSecret(kubeconfig(remoteCaData, readerToken), true, false);
        assertFailed(run, "remote-secret", "istio-remote-secret-cluster2 is not annotated networking.istio.io/cluster: cluster2"
                + " (no such annotation), as istioctl create-remote-secret annotates it");
    }

    @Test
    @DisplayName("a reader that may not list fails the rights check and the real list, naming what is denied")
    void readerWithoutListRights() throws Exception {
        var role = (ObjectNode) readerClusterRole.deepCopy();
        for (var rule : role.withArray("rules")) {
            var verbs = (com.fasterxml.jackson.databind.node.ArrayNode) rule.path("verbs");
            for (int i = verbs.size() - 1; i >= 0; i--) {
                if (verbs.get(i).asText().equals("list")) {
                    verbs.remove(i);
                }
            }
        }
        remote.client().serverSideApply(role, MANAGER);
        try {
            var run = verify();
            var rights = assertFailed(run, "reader-rights", null);
            assertTrue(rights.startsWith("may not list *.config.istio.io, list *.security.istio.io"), rights);
            assertTrue(rights.contains("list pods, list services") && rights.contains("list endpointslices.discovery.k8s.io"), rights);
            assertFalse(rights.contains("watch pods"), rights);
            var list = assertFailed(run, "reader-lists", null);
            assertTrue(list.startsWith("listing namespaces in cluster2 with the kubeconfig in istio-remote-secret-cluster2 failed (HTTP 403: "), list);
        } finally {
            remote.client().serverSideApply(readerClusterRole, MANAGER);
        }
    }

    @Test
    @DisplayName("an intermediate of another root fails the chain check; clusters trusting different roots fail the root check, each naming the other")
    void intermediateOfAnotherRoot() throws Exception {
        var other = anotherRoot("stray");
        var strayRoot = other.root();
        var stray = other.intermediate();
        putCacerts(remote.client(), TestCertificates.cacerts(stray, strayRoot, meshRoot));
        try {
            var run = verify();
            var reason = assertFailed(run, "cacerts", null);
            assertTrue(reason.startsWith("ca-cert.pem (CN=cluster2-stray,O=it, issued by 'CN=stray-root,O=it') is not signed by"
                    + " root-cert.pem ('CN=mesh-root,O=it', SHA-256 "), reason);
            assertTrue(reason.endsWith("an intermediate of another root"), reason);

            putCacerts(remote.client(), TestCertificates.cacerts(stray, strayRoot, strayRoot));
            var otherRun = verify();
            assertEquals(1, otherRun.exitCode(), otherRun.all());
            var cluster1 = reasonOf(checks(otherRun), "cluster1", "cacerts-root");
            assertTrue(cluster1.startsWith("root-cert.pem (CN=mesh-root,O=it, SHA-256 ") && cluster1.contains(
                    ") does not hold the root of cluster2's intermediate (CN=stray-root,O=it, SHA-256 "), cluster1);
            var cluster2 = reasonOf(checks(otherRun), "cluster2", "cacerts-root");
            assertTrue(cluster2.startsWith("root-cert.pem (CN=stray-root,O=it, SHA-256 ") && cluster2.contains(
                    ") does not hold the root of cluster1's intermediate (CN=mesh-root,O=it, SHA-256 "), cluster2);
            assertNothingSecret(otherRun);
        } finally {
            putCacerts(remote.client(), remoteCacerts);
        }
    }

    @Test
    @DisplayName("mid root rotation (both roots trusted everywhere, one intermediate of each root) the mesh passes; a cluster that does not trust the new root fails")
    void midRootRotation() throws Exception {
        var next = anotherRoot("next");
        var nextRoot = next.root();
        var cluster2Next = next.intermediate();
        // the bundle as the CA writes it during a rotation: the old root, then the new one
        var bothRoots = new TestCertificates.Ca("both", meshRoot.certPem() + nextRoot.certPem(), "");
        var cluster1Ca = cluster1Intermediate;
        try {
            // GIVEN step 2 half done: cluster1's intermediate still of the old root, cluster2's of the new one
            putCacerts(primary.client(), TestCertificates.cacerts(cluster1Ca, meshRoot, bothRoots));
            putCacerts(remote.client(), TestCertificates.cacerts(cluster2Next, nextRoot, bothRoots));
            var run = verify();
            assertEquals(0, run.exitCode(), run.all());
            var cacerts2 = reasonOf(checks(run), "cluster2", "cacerts");
            assertTrue(cacerts2.startsWith("ca-cert.pem (CN=cluster2-next,O=it) is signed by root-cert.pem's root CN=next-root,O=it"
                    + " (SHA-256 "), cacerts2);
            assertTrue(cacerts2.contains("root-cert.pem holds 2 roots, until "), cacerts2);
            for (var cluster : List.of("cluster1", "cluster2")) {
                var root = reasonOf(checks(run), cluster, "cacerts-root");
                assertTrue(root.startsWith("root-cert.pem holds the root of every cluster's intermediate (SHA-256 ")
                        && root.endsWith("; it holds 2 roots, as during a root rotation"), root);
            }
            assertNothingSecret(run);

            // WHEN cluster1 has dropped the new root (or never got it) while cluster2 is signed by it
            putCacerts(primary.client(), TestCertificates.cacerts(cluster1Ca, meshRoot, meshRoot));
            var broken = verify();
            var reason = assertFailed(broken, "cacerts-root", null);
            assertTrue(reason.startsWith("root-cert.pem (CN=mesh-root,O=it, SHA-256 ") && reason.contains(
                    "does not hold the root of cluster2's intermediate (CN=next-root,O=it, SHA-256 "), reason);
            assertEquals("pass", checks(broken).stream().filter(c -> c.path("cluster").asText().equals("cluster2")
                    && c.path("check").asText().equals("cacerts-root")).findFirst().orElseThrow().path("status").asText());
        } finally {
            putCacerts(primary.client(), TestCertificates.cacerts(cluster1Ca, meshRoot, meshRoot));
            putCacerts(remote.client(), remoteCacerts);
        }
    }

    @Test
    @DisplayName("a gateway Service without a load balancer address fails the gateway check")
    void gatewayWithoutAddress() throws Exception {
        var status = "/api/v1/namespaces/istio-system/services/istio-eastwestgateway/status";
        primary.client().mergePatch(status, "{\"status\":{\"loadBalancer\":{\"ingress\":null}}}");
        try {
            var run = verify();
            assertFailed(run, "gateway", "the Service istio-eastwestgateway has no load balancer address: other clusters cannot reach this one");
        } finally {
            primary.client().mergePatch(status, "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"192.0.2.10\"}]}}}");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A root {@code <name>-root} and cluster2's intermediate {@code cluster2-<name>} of it; their keys must appear in no output. */
    private RootAndIntermediate anotherRoot(String name) throws Exception {
        var certificates = new TestCertificates(Files.createDirectories(work.resolve("ca-" + name)));
        var root = certificates.root(name + "-root");
        var intermediate = certificates.intermediate("cluster2-" + name, root);
        secrets.addAll(List.of(intermediate.keyPem(), root.keyPem()));
        return new RootAndIntermediate(root, intermediate);
    }

    private record RootAndIntermediate(TestCertificates.Ca root, TestCertificates.Ca intermediate) {
    }

    private CliRun verify() {
        return CliRun.run("verify", "--config-file", stackFile.toString(), "--format", "json");
    }

    /** Runs verify with another remote secret in place, then puts the healthy one back. */
    private CliRun withRemoteSecret(String kubeconfig, boolean labelled, boolean annotated) throws Exception {
        var variant = healthyRemoteSecret.deepCopy();
        variant.putObject("stringData").put("cluster2", kubeconfig);
        if (!labelled) {
            ((ObjectNode) variant.path("metadata").path("labels")).remove("istio/multiCluster");
        }
        if (!annotated) {
            ((ObjectNode) variant.path("metadata")).remove("annotations");
        }
        replaceRemoteSecret(variant);
        try {
            var run = verify();
            assertNothingSecret(run);
            return run;
        } finally {
            replaceRemoteSecret(healthyRemoteSecret);
        }
    }

    private void replaceRemoteSecret(ObjectNode secret) {
        if (primary.client().find(REMOTE_SECRET).isPresent()) {
            primary.client().delete(REMOTE_SECRET);
        }
        primary.client().create("/api/v1/namespaces/istio-system/secrets", secret.toString());
    }

    /** The remote secret's kubeconfig for the remote server, as MeshLink builds it. */
    private String kubeconfig(String caData, String token) {
        return RemoteSecretKubeconfig.build("cluster2", remote.url(), caData, token, Optional.empty());
    }

    private static void putCacerts(KubeClient client, Map<String, String> data) {
        var secret = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "cacerts").put("namespace", "istio-system");
        var stringData = secret.putObject("stringData");
        data.forEach(stringData::put);
        client.serverSideApply(secret, MANAGER);
    }

    private static void apply(KubeClient client, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (var file : files) {
            var object = YAML.readTree(Files.readString(file));
            // Only the core objects verify reads; custom resources would need Istio's CRDs, workloads a scheduler.
            if (object.path("apiVersion").asText().equals("v1")) {
                client.serverSideApply(object, MANAGER);
            }
        }
    }

    private static Path onlyFile(Path dir, String containing) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            var matching = list.filter(p -> p.getFileName().toString().contains(containing)).toList();
            assertEquals(1, matching.size(), matching.toString());
            return matching.get(0);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> checks(CliRun run) throws Exception {
        var list = new ArrayList<JsonNode>();
        JSON.readTree(run.out()).path("checks").forEach(list::add);
        return list;
    }

    private static String reason(CliRun run, String check) throws Exception {
        return checks(run).stream().filter(c -> c.path("check").asText().equals(check)).findFirst().orElseThrow()
                .path("reason").asText();
    }

    private static String reasonOf(List<JsonNode> checks, String cluster, String check) {
        return checks.stream().filter(c -> c.path("cluster").asText().equals(cluster) && c.path("check").asText().equals(check))
                .findFirst().orElseThrow().path("reason").asText();
    }

    /** Asserts that verify exited 1 and that {@code check} failed (with exactly {@code expected}, when given); returns its reason. */
    private static String assertFailed(CliRun run, String check, String expected) throws Exception {
        assertEquals(1, run.exitCode(), run.all());
        var failed = checks(run).stream().filter(c -> c.path("status").asText().equals("fail")).toList();
        var matching = failed.stream().filter(c -> c.path("check").asText().equals(check)).toList();
        assertEquals(1, matching.size(), run.out());
        var reason = matching.get(0).path("reason").asText();
        if (expected != null) {
            assertEquals(expected, reason);
        }
        return reason;
    }

    private void assertNothingSecret(CliRun run) {
        for (var secret : secrets) {
            assertFalse(run.all().contains(secret), "a token or key was printed");
            for (var line : secret.lines().filter(l -> l.length() > 40 && !l.startsWith("-----")).toList()) {
                assertFalse(run.all().contains(line), "a line of a key was printed");
            }
        }
        assertFalse(run.all().contains("certificate-authority-data"), "a kubeconfig was printed");
        assertFalse(run.all().contains(remoteCaData), "CA data was printed");
    }
}
