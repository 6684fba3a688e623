package io.istiomc.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.PlanRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the offline plan does with a value it cannot decrypt: every key of
 * {@code safety/placeholders/every-key.yaml} (which sets every key the program reads) is encrypted in
 * turn, and the plan goes on with that key's placeholder and a warning naming it, or, for the
 * clusters themselves, refuses by key.
 */
class OfflinePlaceholdersTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String NS = "istio-multicluster:";

    /** Between them, the files set every key the program reads: revisions cannot stand beside istio.version. */
    private static final List<String> FILES = List.of("every-key.yaml", "every-key-revisions.yaml");

    private static JsonNode everyKey(String file) throws IOException {
        return YAML.readTree(Files.readString(testResource("safety/placeholders/" + file).toFile().toPath()));
    }

    /** Every key of the file, maps and lists included, as the warnings name them. */
    private static List<String> keyPaths(String file) throws IOException {
        var paths = new ArrayList<String>();
        everyKey(file).path("config").fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), paths));
        return paths;
    }

    /** Every key of every file, with its file. */
    static Stream<Arguments> everyKeyPath() throws IOException {
        var cases = new ArrayList<Arguments>();
        for (var file : FILES) {
            keyPaths(file).forEach(path -> cases.add(Arguments.of(path, file)));
        }
        return cases.stream();
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        paths.add(path);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    /** The file with the value at {@code path} replaced by a ciphertext, as `pulumi config set --secret --path` writes it. */
    private static String encrypted(String file, String path) throws IOException {
        var root = everyKey(file);
        var secure = YAML.createObjectNode().put("secure", "v1:" + ciphertext(path));
        replace(root.path("config"), "", path, secure);
        return YAML.writeValueAsString(root);
    }

    /** Replaces the member of {@code node} (whose path is {@code at}) at {@code path}; paths as {@link #collect} spells them. */
    private static boolean replace(JsonNode node, String at, String path, JsonNode value) {
        if (node instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (var name : names) {
                var child = at.isEmpty() ? name : at + "." + name;
                if (child.equals(path)) {
                    object.set(name, value);
                    return true;
                }
                if (replace(object.get(name), child, path, value)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var child = at + "[" + i + "]";
                if (child.equals(path)) {
                    array.set(i, value);
                    return true;
                }
                if (replace(array.get(i), child, path, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The plain value at {@code path}. */
    private static JsonNode node(String file, String path) throws IOException {
        var found = new JsonNode[1];
        find(everyKey(file).path("config"), "", path, found);
        return found[0];
    }

    private static void find(JsonNode node, String at, String path, JsonNode[] found) {
        if (at.equals(path)) {
            found[0] = node;
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> find(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey(), path, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                find(node.get(i), at + "[" + i + "]", path, found);
            }
        }
    }

    private static String ciphertext(String path) {
        return Base64.getEncoder().encodeToString(("ciphertext of " + path).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the files set every key the program reads between them, and each plans as it is")
    void everyKeyIsSet() throws IOException {
        var keys = new TreeSet<String>();
        for (var file : FILES) {
            keyPaths(file).forEach(p -> keys.add(p.substring(NS.length()).replaceAll("\\[\\d+]", "[]")));
            var plan = PlanRunner.run(SafetyFixture.STACK, RawConfig.fromStackYaml(YAML.writeValueAsString(everyKey(file))), List.of());
            assertTrue(plan.resources().size() > 0, file);
        }
        var missing = new TreeSet<>(MeshConfigReader.keyPaths());
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys the reader reads that no every-key file sets");
    }

    /**
     * Whether pulumi up refuses the key encrypted as well: Pulumi decrypts a value to a string, which a
     * map or list below a top-level key does not take (Helm values below a chart's map are free-form),
     * and the clusters themselves are the mesh's shape, which no placeholder stands in for.
     */
    private static boolean refused(String path, JsonNode node) {
        var nested = path.substring(NS.length()).matches(".*[.\\[].*");
        var freeForm = path.matches(".*\\.values\\.[^.]+\\..+");
        return path.equals(NS + "clusters") || (node.isContainerNode() && nested && !freeForm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKeyPath")
    @DisplayName("an encrypted value is planned with its key's placeholder and a warning naming the key; a map or list below"
            + " a top-level key, and the clusters themselves, are refused by key, as pulumi up would refuse them")
    void encryptedKeyIsPlanned(String path, String file) throws IOException {
        // GIVEN the stack with this one value encrypted
        var raw = RawConfig.fromStackYaml(encrypted(file, path));
        if (refused(path, node(file, path))) {
            // THEN it is refused by key
            var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
            assertTrue(thrown.getMessage().contains(path + ": is encrypted"), thrown.getMessage());
            assertFalse(thrown.getMessage().contains(ciphertext(path)));
            return;
        }
        // WHEN it is planned offline
        var plan = PlanRunner.run(SafetyFixture.STACK, raw, List.of());
        // THEN a warning names the key, and no ciphertext reaches the plan
        assertTrue(raw.warnings().stream().anyMatch(w -> w.startsWith(path + ": encrypted in the stack file; the plan cannot"
                + " decrypt it and plans ")), raw.warnings().toString());
        assertFalse(io.istiomc.plan.PlanJson.write(plan).contains(ciphertext(path)));
    }

    @Test
    @DisplayName("a stack file with encrypted values plans: each key's placeholder is announced, the secret ones stay secret, no ciphertext is printed")
    void encryptedValuesInAStackFile() {
        // GIVEN a stack whose repository and its password, a gateway address, an API server, a TLS server name,
        // a kubeconfig and the CA's key size are encrypted
        var path = testResource("safety/placeholders/encrypted-values.yaml").toString();
        for (var format : List.of("text", "json")) {
            // WHEN it is planned
            var result = SafetyFixture.cli("plan", "--config-file", path, "--format", format);
            // THEN the plan is made, each placeholder is announced by key, and no ciphertext is printed
            assertEquals(0, result.exitCode(), result.all());
            var cannot = ": encrypted in the stack file; the plan cannot decrypt it and plans with ";
            for (var expected : List.of(
                    NS + "ca.rsaBits" + cannot + "the placeholder '4096'",
                    NS + "clusters[0].gateway.address" + cannot + "the placeholder '203.0.113.254'",
                    NS + "clusters[1].apiServer" + cannot + "the placeholder 'https://api-server.placeholder.invalid:6443'",
                    NS + "clusters[1].kubeconfig" + cannot + "a secret placeholder",
                    NS + "clusters[1].tlsServerName" + cannot + "the placeholder 'api-server.placeholder.invalid'",
                    NS + "istio.chartRepository" + cannot + "the placeholder 'https://charts.placeholder.invalid'",
                    NS + "istio.chartRepositoryPassword" + cannot + "a secret placeholder")) {
                assertTrue(result.err().contains("warning: " + expected + "\n"), expected + "\n" + result.err());
            }
            assertTrue(result.out().contains("https://api-server.placeholder.invalid:6443"), result.out());
            for (var ciphertext : List.of("Y2hhcnRzLWNpcGhlcnRleHQ", "Z2F0ZXdheS1jaXBoZXJ0ZXh0", "YXBpLXNlcnZlci1jaXBoZXJ0ZXh0",
                    "dGxzLWNpcGhlcnRleHQ", "cGFzc3dvcmQtY2lwaGVydGV4dA", "a3ViZWNvbmZpZy1jaXBoZXJ0ZXh0", "cnNhLWNpcGhlcnRleHQ")) {
                assertFalse(result.all().contains(ciphertext), ciphertext);
            }
        }
    }

    /** The plan of a stack file of {@code safety/placeholders}, from the command line. */
    private static io.istiomc.testing.CliRun plan(String name) {
        return SafetyFixture.cli("plan", "--config-file", testResource("safety/placeholders/" + name + ".yaml").toString());
    }

    @Test
    @DisplayName("a stack using Pulumi ESC that sets every required key itself is planned from its own values, with a warning naming the environment")
    void escEnvironmentIsAWarning() {
        var path = testResource("safety/placeholders/esc-environment.yaml").toString();
        var result = SafetyFixture.cli("plan", "--config-file", path);
        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.err().contains("warning: stack file '" + path + "' uses Pulumi ESC (environment 'platform/dev'),"
                + " which the plan cannot open: a key the stack file does not set may come from it (pulumi up merges its"
                + " pulumiConfig under the stack's own values, a map key by key, a list or a single value whole)\n"),
                result.err());
    }

    @Test
    @DisplayName("a required key left to the ESC environment (meshId, istio's version) is planned with a placeholder and a warning naming the key and the environment")
    void requiredKeysFromTheEnvironment() {
        var result = plan("esc-required-keys");
        assertEquals(0, result.exitCode(), result.all());
        var expected = " is not set in the stack file, so it is expected from environment 'platform/dev', which the plan"
                + " cannot open; the plan uses the placeholder ";
        assertTrue(result.err().contains("warning: " + NS + "meshId:" + expected + "'placeholder-mesh'\n"), result.err());
        assertTrue(result.err().contains("warning: " + NS + "istio.version:" + expected + "'1.30.3'\n"), result.err());
        assertTrue(result.out().contains("placeholder-mesh"), result.out());
    }

    @Test
    @DisplayName("clusters left to the ESC environment are refused by key, naming the environments: no mesh is guessed")
    void clustersFromTheEnvironmentAreRefused() {
        var result = plan("esc-clusters");
        assertEquals(io.istiomc.command.ExitStatus.INVALID_CONFIG, result.exitCode(), result.all());
        assertTrue(result.err().contains(NS + "clusters: is not set in the stack file, so it is expected from environments"
                + " 'platform/dev', 'platform/clusters' and the environment defined in the stack file, which the plan cannot"
                + " open; the mesh's clusters are what the plan shows, and none is guessed: set clusters in the stack file"
                + " to plan offline"), result.err());
        assertFalse(result.err().contains(NS + "clusters: is required"), result.err());
    }

    @Test
    @DisplayName("a key missing inside a cluster stays required with an ESC environment: Pulumi takes the stack's list whole")
    void keyOfAClusterIsNotFromTheEnvironment() {
        var result = plan("esc-list-item");
        assertEquals(io.istiomc.command.ExitStatus.INVALID_CONFIG, result.exitCode(), result.all());
        assertTrue(result.err().contains(NS + "clusters[0].network: is required"), result.err());
    }

    @Test
    @DisplayName("with an ESC environment, a project default is planned, with a warning that the environment may set the key instead")
    void projectDefaultUnderAnEnvironment() throws IOException {
        var raw = RawConfig.fromStackYaml("environment: [platform/dev]\nconfig:\n  istio-multicluster:istio: {version: 1.30.3}\n",
                java.util.Optional.of("name: istio-multicluster\nruntime: java\nconfig:\n  meshId: {default: mesh1}\n"));
        assertEquals(java.util.Optional.of("mesh1"), raw.get(NS + "meshId"));
        assertTrue(raw.warnings().contains(NS + "meshId: not set in the stack file; the plan uses the project's default, but"
                + " environment 'platform/dev' may set it instead (Pulumi merges an environment before the project's defaults)"),
                raw.warnings().toString());
    }
}
