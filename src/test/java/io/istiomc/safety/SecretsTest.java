package io.istiomc.safety;

import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanWriter;
import io.istiomc.plan.RecordedResource;
import io.istiomc.plan.Secret;
import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.program.ApiServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.istiomc.safety.SafetyFixture.CERT_REQUEST;
import static io.istiomc.safety.SafetyFixture.K8S_PROVIDER;
import static io.istiomc.safety.SafetyFixture.LOCALLY_SIGNED_CERT;
import static io.istiomc.safety.SafetyFixture.SECRET;
import static io.istiomc.safety.SafetyFixture.SELF_SIGNED_CERT;
import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.visitStrings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets: every value derived from a private key, a token or a kubeconfig is a Pulumi
 * secret in resource inputs, appears in no stack output, and is never printed or written by the plan.
 */
class SecretsTest {
    /** An inline kubeconfig with credentials of its own, as a user would paste it into the stack file. */
    static final String INLINE_TOKEN = "inline-kubeconfig-token-7f3a9c1e";
    static final String INLINE_CLIENT_KEY = "aW5saW5lLWNsaWVudC1rZXktZGF0YS1zZWNyZXQ=";
    static final String INLINE_KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
              - name: c2
                cluster:
                  server: https://api.cluster2.example:6443
            contexts:
              - name: ctx-cluster2
                context:
                  cluster: c2
                  user: u2
            users:
              - name: u2
                user:
                  token: %s
                  client-key-data: %s
            """.formatted(INLINE_TOKEN, INLINE_CLIENT_KEY);
    private static final String PEM_KEY_TEXT = "simulated private key of";

    private static String stackYaml;
    private static Plan plan;

    @BeforeAll
    static void planTheStack() {
        stackYaml = stackWithInlineKubeconfig();
        plan = SafetyFixture.plan(stackYaml);
    }

    /** 1 primary + 2 remotes with samples; cluster2's kubeconfig is given inline in the stack file. */
    static String stackWithInlineKubeconfig() {
        return SafetyFixture.stack().remotes(2).samples("sample")
                .set("clusters[1].kubeconfig", INLINE_KUBECONFIG)
                .yaml();
    }

    /** Every text that would be a leak if it appeared in plain view. */
    static List<String> secretTexts() {
        var texts = new ArrayList<String>();
        for (var cluster : List.of("cluster2", "cluster3")) {
            texts.add(SimulatedClusters.simulatedToken(cluster));
            texts.add(Base64.getEncoder().encodeToString(
                    SimulatedClusters.simulatedToken(cluster).getBytes(StandardCharsets.UTF_8)));
        }
        texts.add(PEM_KEY_TEXT);
        texts.add("PRIVATE KEY-----");
        texts.add(INLINE_KUBECONFIG);
        texts.add(INLINE_TOKEN);
        texts.add(INLINE_CLIENT_KEY);
        return texts;
    }

    private static List<String> leaks(String text) {
        return secretTexts().stream().filter(text::contains).toList();
    }

    @Test
    @DisplayName("every cluster's cacerts Secret carries its stringData (with the intermediate's key) as a secret")
    void cacertsStringDataIsSecret() {
        // GIVEN the cacerts Secret of each cluster
        for (var cluster : List.of("cluster1", "cluster2", "cluster3")) {
            var cacerts = plan.resource(SECRET, cluster + "-cacerts");
            // THEN its stringData is a secret, and holds the key
            assertTrue(cacerts.isSecret("stringData"), cluster);
            var stringData = (Map<?, ?>) cacerts.input("stringData").orElseThrow();
            assertTrue(String.valueOf(stringData.get("ca-key.pem")).contains(PEM_KEY_TEXT), cluster);
        }
    }

    @Test
    @DisplayName("every remote secret in the primary carries its kubeconfig (with the reader token) as a secret")
    void remoteSecretStringDataIsSecret() {
        // GIVEN the remote secret of each remote
        for (var remote : List.of("cluster2", "cluster3")) {
            var secret = plan.resource(SECRET, "mesh-link-cluster1-istio-remote-secret-" + remote);
            // THEN its stringData is a secret, and holds the token
            assertTrue(secret.isSecret("stringData"), remote);
            assertTrue(String.valueOf(secret.input("stringData." + remote).orElseThrow())
                    .contains(SimulatedClusters.simulatedToken(remote)));
        }
    }

    @Test
    @DisplayName("every tls input that takes a private key (privateKeyPem, caPrivateKeyPem) gets it as a secret")
    void tlsPrivateKeyInputsAreSecret() {
        // GIVEN the CA's certificates and requests
        var checked = new ArrayList<String>();
        for (var resource : plan.resources()) {
            var input = switch (resource.type()) {
                case SELF_SIGNED_CERT, CERT_REQUEST -> "privateKeyPem";
                case LOCALLY_SIGNED_CERT -> "caPrivateKeyPem";
                default -> null;
            };
            if (input == null) {
                continue;
            }
            // THEN the key input is present and secret
            assertTrue(resource.input(input).isPresent(), resource.name() + "." + input + " missing");
            assertTrue(resource.isSecret(input), resource.name() + "." + input + " is not secret");
            checked.add(resource.name());
        }
        // AND all of them were checked: 1 root cert, 3 CSRs, 3 intermediates
        assertEquals(7, checked.size(), checked.toString());
    }

    @Test
    @DisplayName("an inline kubeconfig from the stack file reaches its cluster's provider as a secret")
    void inlineKubeconfigIsSecretOnTheProvider() {
        // GIVEN cluster2's provider
        var provider = plan.resource(K8S_PROVIDER, "cluster2-k8s");
        // THEN its kubeconfig input is the inline text, as a secret
        assertTrue(provider.isSecret("kubeconfig"));
        assertEquals(INLINE_KUBECONFIG, provider.input("kubeconfig").orElseThrow());
        // AND the providers without one get no kubeconfig input at all
        assertFalse(plan.resource(K8S_PROVIDER, "cluster1-k8s").inputs().containsKey("kubeconfig"));
    }

    @Test
    @DisplayName("no resource input holds key, token or kubeconfig material outside a secret")
    void noPlainInputHoldsSecretMaterial() {
        // GIVEN every input string of every resource, and whether it sits in a secret
        var plain = new ArrayList<String>();
        for (RecordedResource resource : plan.resources()) {
            visitStrings(resource.inputs(), "", false, (path, value, inSecret) -> {
                // THEN none outside a secret contains secret material
                if (!inSecret && !leaks(value).isEmpty()) {
                    plain.add(resource.name() + "." + path + " contains " + leaks(value));
                }
            });
        }
        assertEquals(List.of(), plain);
    }

    @Test
    @DisplayName("no stack output holds key, token or kubeconfig material, secret or not")
    void outputsHoldNoSecretMaterial() {
        // GIVEN the stack outputs, secrets unwrapped
        var found = new ArrayList<String>();
        visitStrings(plan.outputs(), "", false, (path, value, inSecret) -> {
            if (!leaks(value).isEmpty()) {
                found.add(path + (inSecret ? " (secret)" : "") + " contains " + leaks(value));
            }
        });
        // THEN none carries any, and the root certificate (public) is exported plainly
        assertEquals(List.of(), found);
        assertFalse(plan.outputs().get("rootCertPem") instanceof Secret);
        assertTrue(String.valueOf(plan.outputs().get("rootCertPem")).contains("CERTIFICATE"));
    }

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"json", "text"})
    @DisplayName("a printed plan (JSON or text) holds no secret material, only [secret]")
    void printedPlanHoldsNoSecrets(String format, @TempDir Path dir) throws IOException {
        // GIVEN the stack with an inline kubeconfig as a file
        var file = writeStack(dir);
        // WHEN the plan is printed
        var result = cli("plan", "--config-file", file.toString(), "--format", format);
        // THEN it succeeds, shows secrets as [secret] (a JSON string in JSON) and leaks nothing
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains(format.equals("json") ? "\"[secret]\"" : "[secret]"));
        assertEquals(List.of(), leaks(result.all()));
    }

    @Test
    @DisplayName("plan --out writes no secret material into the manifests, only the secret placeholder")
    void writtenPlanHoldsNoSecrets(@TempDir Path dir) throws IOException {
        // GIVEN the stack with an inline kubeconfig as a file
        var file = writeStack(dir);
        var out = dir.resolve("out");
        // WHEN the plan is written as files
        var result = cli("plan", "--config-file", file.toString(), "--out", out.toString());
        // THEN it succeeds, and neither the output nor any file leaks
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of(), leaks(result.all()));
        var written = new StringBuilder();
        List<Path> files;
        try (var walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty());
        var leaking = new ArrayList<String>();
        for (var path : files) {
            var text = Files.readString(path);
            written.append(text);
            if (!leaks(text).isEmpty()) {
                leaking.add(out.relativize(path) + " contains " + leaks(text));
            }
        }
        assertEquals(List.of(), leaking);
        assertTrue(written.toString().contains(PlanWriter.SECRET_PLACEHOLDER));
        assertTrue(Files.readString(out.resolve("cluster1").resolve("06-secret-istio-system-cacerts.yaml"))
                .contains(PlanWriter.SECRET_PLACEHOLDER));
    }

    @Test
    @DisplayName("a one-line (JSON) inline kubeconfig is never echoed: its token appears in no output or error")
    void jsonKubeconfigIsNeverEchoed(@TempDir Path dir) throws IOException {
        // GIVEN cluster2's kubeconfig pasted as one line of JSON (kubectl config view --raw -o json | jq -c)
        var token = "json-kubeconfig-token-5d21b7";
        var json = "{\"apiVersion\":\"v1\",\"kind\":\"Config\",\"clusters\":[{\"name\":\"c2\",\"cluster\":"
                + "{\"server\":\"https://api.cluster2.example:6443\"}}],\"contexts\":[{\"name\":\"ctx-cluster2\","
                + "\"context\":{\"cluster\":\"c2\",\"user\":\"u2\"}}],\"users\":[{\"name\":\"u2\",\"user\":"
                + "{\"token\":\"" + token + "\"}}]}";
        var file = dir.resolve("Pulumi.json.yaml");
        Files.writeString(file, SafetyFixture.stack().remotes(1).set("clusters[1].kubeconfig", json).yaml());
        // WHEN it is planned (accepted as content, or rejected)
        var result = cli("plan", "--config-file", file.toString(), "--format", "json");
        // THEN the token is printed nowhere
        assertFalse(result.all().contains(token), "the token was printed (exit " + result.exitCode() + "):\n" + result.err());
    }

    @Test
    @DisplayName("a malformed inline kubeconfig is never quoted in the error pulumi up prints")
    void malformedInlineKubeconfigIsNeverQuoted() {
        // GIVEN cluster2's inline kubeconfig breaks YAML on the line that holds its token, and no apiServer is set
        var token = "broken-kubeconfig-token-93ac0e";
        var yaml = SafetyFixture.stack().remotes(1).remove("clusters[1].apiServer").set("clusters[1].kubeconfig", """
                apiVersion: v1
                users:
                  - name: u2
                    user:
                      token: %s: oops
                """.formatted(token)).yaml();
        var config = MeshConfigReader.read(SafetyFixture.raw(yaml));
        // WHEN the program resolves the API servers as it does under pulumi up
        String message;
        try {
            ApiServers.resolve(config, ApiServers.Mode.DEPLOY, java.util.List.of(), new ArrayList<>());
            message = "";
        } catch (InvalidConfigException e) {
            message = e.getMessage();
        }
        // THEN whatever it reports does not quote the token
        assertFalse(message.contains(token), "the error quotes the kubeconfig:\n" + message);
    }

    private static Path writeStack(Path dir) throws IOException {
        var file = dir.resolve("Pulumi.secrets.yaml");
        Files.writeString(file, stackYaml);
        return file;
    }
}
