package io.istiomc.safety;

import io.istiomc.config.YamlInput;

import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline plan reads a stack file exactly as {@code pulumi up} will (Go's yaml.v3, see PulumiYamlReadingTest: aliases
 * resolved, duplicate keys rejected, {@code yes}/{@code no} strings), and what Pulumi would refuse, or
 * what no parser should swallow, ends with exit 2 and a message naming the file and line.
 */
class StackFileReadingTest {
    private static final String DUPLICATE = " appears twice in one map; Pulumi's YAML reader (Go's yaml.v3) rejects duplicate keys";

    /** Each file under {@code safety/unreadable/} and what follows "stack file '<path>'" in the message. */
    static Stream<Arguments> unreadableStacks() {
        return Stream.of(
                Arguments.of("01-duplicate-mesh-id", ", line 16: the key 'istio-multicluster:meshId'" + DUPLICATE),
                Arguments.of("02-duplicate-role", ", line 13: the key 'role'" + DUPLICATE),
                Arguments.of("03-alias-bomb", ": uses more than 50 aliases of maps or lists (each copies what it refers to)"),
                Arguments.of("04-alias-doubling", ": its aliases expand to more than 200000 values"),
                Arguments.of("05-deep-nesting", ", line 16: maps and lists are nested more than 64 deep"),
                Arguments.of("06-not-utf8", " is not UTF-8 text (invalid byte at offset 43); save it as UTF-8"),
                Arguments.of("07-binary-garbage", " holds a character YAML does not allow (U+0000 at character 0); is it a text file?"),
                Arguments.of("08-two-documents", ", line 16: holds more than one YAML document"),
                Arguments.of("09-undefined-alias", ", line 14: an alias refers to an anchor that is not defined before it"),
                Arguments.of("10-not-a-map", " is not a map of keys (Pulumi expects 'config:' at the top)"),
                Arguments.of("11-bool-tag-on-a-string", ", line 12: the value is tagged !!bool but reads as !!str; Pulumi"
                        + " refuses such a file (\"cannot decode\")"),
                Arguments.of("12-null-tag-on-a-value", ", line 11: the value is tagged !!null but reads as !!str; Pulumi"
                        + " refuses such a file (\"cannot decode\")"),
                Arguments.of("13-infinite-port", ", line 12: '.inf' is not a number JSON can hold, and Pulumi refuses the"
                        + " file; quote it if it is meant as text"),
                Arguments.of("14-timestamp-with-offset", ", line 13: an unquoted timestamp with a UTC offset reaches the"
                        + " program as text that depends on the time zone of the machine running pulumi; quote it"),
                Arguments.of("15-binary-not-base64", ", line 12: a !!binary value is not valid base64"));
    }

    @Test
    @DisplayName("every file in safety/unreadable is in the table")
    void tableCoversEveryFile() throws Exception {
        List<String> onDisk;
        try (var files = Files.list(testResource("safety/unreadable"))) {
            onDisk = files.map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")).sorted().toList();
        }
        assertEquals(onDisk, unreadableStacks().map(a -> (String) a.get()[0]).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableStacks")
    @DisplayName("plan exits 2 with one line naming the file, the line and the problem, and no parser internals")
    void rejectedWithTheFileAndLine(String name, String expected) {
        // GIVEN a stack file Pulumi would refuse (or that no parser should expand)
        var path = testResource("safety/unreadable/" + name + ".yaml").toString();
        // WHEN the plan command reads it
        var result = cli("plan", "--config-file", path);
        // THEN it exits 2 with exactly that message
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("invalid stack configuration: stack file '" + path + "'" + expected + "\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    @DisplayName("a 1 GB stack file ends with a clear error (exit 2), not an OutOfMemoryError")
    void hugeStackFile(@TempDir Path dir) throws Exception {
        // GIVEN a (sparse) 1 GB file
        var file = dir.resolve("Pulumi.huge.yaml");
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        // WHEN it is planned
        var result = cli("plan", "--config-file", file.toString());
        // THEN the size limit is named
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("invalid stack configuration: stack file '" + file + "' is larger than 4 MiB, the most this program"
                + " reads\n", result.err());
    }

    @Test
    @DisplayName("a scalar alias (network: *net) is the anchored value, as Pulumi reads it, not the alias' name")
    void scalarAlias() throws Exception {
        var config = read("scalar-alias-network");
        assertEquals(List.of("network1", "network1"), config.clusters().stream().map(io.istiomc.components.MeshClusterArgs::network).toList());
    }

    @Test
    @DisplayName("a map alias (gateway: *gw) is the anchored map")
    void mapAlias() throws Exception {
        var config = read("map-alias-gateway");
        assertEquals(Map.of("service.beta.kubernetes.io/aws-load-balancer-type", "nlb"),
                config.clusters().get(1).gateway().annotations());
        assertEquals(config.clusters().get(0).gateway(), config.clusters().get(1).gateway());
    }

    @Test
    @DisplayName("yes, no, on and off are strings (for yaml.v3 as for YAML 1.2): a network named 'no' is a valid name")
    void yesNoOnOffAreStrings() throws Exception {
        var config = read("yes-no-on-off-are-strings");
        assertEquals("yes", config.meshId());
        assertEquals("no", config.clusters().get(0).network());
        assertEquals("off", config.clusters().get(1).context());
        assertEquals("on", config.clusters().get(1).network());
    }

    @Test
    @DisplayName("one parser reads stack files and kubeconfigs: a kubeconfig's parse error names the line, never its text")
    void kubeconfigErrorsQuoteNothing() {
        var token = "kubeconfig-token-in-a-broken-line-6a1e";
        var thrown = assertThrows(YamlInput.RejectedInputException.class, () -> io.istiomc.program.Kubeconfigs.parse(
                "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: " + token + ": [oops\n", "the inline kubeconfig"));
        assertEquals("the inline kubeconfig, line 6: is not valid YAML", thrown.getMessage());
        var duplicate = assertThrows(YamlInput.RejectedInputException.class, () -> io.istiomc.program.Kubeconfigs.parse(
                "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: a\n    token: " + token + "\n", "the inline kubeconfig"));
        assertEquals("the inline kubeconfig, line 7: the key appears twice in one map; YAML 1.2 (which Pulumi reads)"
                + " rejects duplicate keys", duplicate.getMessage());
    }

    private static io.istiomc.components.MeshArgs read(String name) throws Exception {
        return MeshConfigReader.read(RawConfig.fromStackFile(testResource("safety/yaml12/" + name + ".yaml"))).mesh();
    }
}
