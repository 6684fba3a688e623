package io.istiomc.safety;

import io.istiomc.components.MeshArgs;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan reads a stack file as {@code pulumi up} passes it to the program: Go's yaml.v3 resolves the
 * scalars (octal, underscores, hexadecimal, floats with no fraction, timestamps, tags), Pulumi's
 * loader prefixes keys without a namespace and lays the project's {@code config:} under the stack's.
 */
class PulumiYamlReadingTest {
    private static final String NS = "istio-multicluster:";

    @Test
    @DisplayName("numbers are yaml.v3's: 015444 is 6948, 15_443 is 15443, 0x3c4b 15435, 15443.0 15443, 09999 9999, 0o7020 3600, 0b1011011010 730")
    void numbersAsPulumiPassesThem() throws Exception {
        // GIVEN ports and CA settings in every form yaml.v3 reads as a number
        // WHEN the stack file is read
        var config = read("numbers");
        // THEN each is the number Pulumi passes to the program
        assertEquals(List.of(6948, 15443, 15435, 15443, 9999),
                config.clusters().stream().map(c -> c.gateway().port()).toList());
        assertEquals(List.of(3600, 730, 4096, 0, 0), List.of(config.ca().rootValidityDays(), config.ca().intermediateValidityDays(),
                config.ca().rsaBits(), config.ca().protectRootKey() ? 1 : 0, config.ca().intermediateRenewalDays()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "015444|6948", "-015|-13", "0o17|15", "0O17|15", "0x1F|31", "+0x1F|31", "0b101|5", "1_000|1000", "08|8",
            "15443.0|15443", "1.5|1.5", ".5|0.5", "1e3|1000", "1e21|1e+21", "1.5e-7|1.5e-7", "9223372036854775807|9223372036854775807",
            "18446744073709551615|18446744073709551615", "18446744073709551616|18446744073709551616", "1e400|1e400",
            "true|true", "TRUE|true", "yes|yes", "0x|0x", "_15|_15", "1_5.5_0|15.5"})
    @DisplayName("a top-level value reaches the program as the text Pulumi writes for yaml.v3's value")
    void topLevelScalars(String written, String passed) throws Exception {
        // GIVEN a top-level key holding the scalar, WHEN read, THEN the program receives Pulumi's text
        assertEquals(Optional.of(passed), RawConfig.fromStackYaml("config:\n  " + NS + "x: " + written + "\n").get(NS + "x"));
    }

    @Test
    @DisplayName("tags and timestamps are yaml.v3's: !!str, local tags and !!float keep the value, !!binary is decoded, a date is Go's time text")
    void tagsAndTimestamps() throws Exception {
        // GIVEN values with explicit tags, a local tag (!ctx remote) and unquoted timestamps
        // WHEN the stack file is read
        var config = read("tags-and-timestamps");
        // THEN each is what yaml.v3 and Pulumi's loader pass to the program
        assertEquals("mesh1", config.meshId());
        assertEquals("1.30.3", config.istio().version());
        var primary = config.clusters().get(0);
        assertEquals("2024-01-02 00:00:00 +0000 UTC", primary.context());
        assertEquals("network1", primary.network());
        assertEquals(15443, primary.gateway().port());
        assertEquals(Map.of("example.com/built", "2024-01-02 10:04:05.12 +0000 UTC"), primary.gateway().annotations());
        assertEquals(java.util.Optional.of(io.istiomc.components.ClusterRole.REMOTE), config.clusters().get(1).role());
        assertEquals(true, config.ca().protectRootKey());
    }

    @Test
    @DisplayName("merge keys (<<) are expanded as yaml.v3 expands them: the map's own keys win, then the first merged map")
    void mergeKeys() throws Exception {
        var config = read("merge-keys");
        var remote = config.clusters().get(1);
        assertEquals(List.of("cluster2", "network2", "ctx-cluster2"), List.of(remote.name(), remote.network(), remote.context()));
        assertEquals(Optional.of("cluster1"), remote.controlPlane());
        assertEquals(15444, remote.gateway().port());
        assertEquals(config.clusters().get(0).gateway().annotations(), remote.gateway().annotations());
    }

    @Test
    @DisplayName("keys without a namespace are the project's (meshId is istio-multicluster:meshId); other namespaces (aws:region) pass untouched")
    void keysWithoutNamespace() throws Exception {
        // GIVEN a stack file whose keys have no namespace, and aws:region
        var raw = raw(testResource("safety/pulumi-yaml/keys-without-namespace.yaml"));
        // WHEN it is read
        var config = MeshConfigReader.read(raw).mesh();
        // THEN they are the program's keys, and aws:region is passed as it is
        assertEquals("mesh1", config.meshId());
        assertEquals("cluster1", config.clusters().get(0).name());
        assertEquals(Optional.of("eu-west-1"), raw.get("aws:region"));
    }

    @Test
    @DisplayName("the project file's config lays defaults under the stack's values: a declaration's default or value, plain values, other namespaces")
    void projectConfigUnderTheStack() throws Exception {
        // GIVEN a project declaring meshId with a default and samples with a value, and a stack setting samples itself
        var project = """
                name: istio-multicluster
                runtime: java
                config:
                  meshId:
                    type: string
                    default: mesh7
                  istio: {value: {version: 1.30.3}}
                  istio-multicluster:samples: {value: {enabled: true}}
                  pulumi:disable-default-providers:
                    value: [kubernetes]
                """;
        var stack = """
                config:
                  istio-multicluster:clusters:
                    - {name: cluster1, role: primary, context: ctx-cluster1, network: network1}
                  samples: {enabled: false, namespace: demo}
                """;
        // WHEN the two are read together
        var raw = RawConfig.fromStackYaml(stack, Optional.of(project));
        var config = MeshConfigReader.read(raw).mesh();
        // THEN the project's values fill what the stack leaves out, and the stack's replace the project's whole
        assertEquals("mesh7", config.meshId());
        assertEquals("1.30.3", config.istio().version());
        assertEquals(List.of(false, "demo"), List.of(config.samples().enabled(), config.samples().namespace()));
        assertEquals(Optional.of("[\"kubernetes\"]"), raw.get("pulumi:disable-default-providers"));
    }

    @Test
    @DisplayName("a project named otherwise namespaces keys without one under its own name, which this program does not read")
    void projectNameIsTheNamespace() throws Exception {
        var raw = RawConfig.fromStackYaml("config:\n  meshId: mesh1\n", Optional.of("name: other\nruntime: java\n"));
        assertEquals(Map.of("other:meshId", "mesh1"), raw.values());
    }

    @Test
    @DisplayName("the project file is the working directory's Pulumi.yaml, or the nearest one above it, as the CLI finds it")
    void projectFileIsFoundUpwards(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var project = java.nio.file.Files.writeString(dir.resolve("Pulumi.yaml"), "name: p\nruntime: java\n");
        var below = java.nio.file.Files.createDirectories(dir.resolve("stacks").resolve("deeper"));
        assertEquals(Optional.of(project), RawConfig.findProjectFile(below));
        assertEquals(Optional.of(project), RawConfig.findProjectFile(dir));
    }

    private static MeshArgs read(String name) throws Exception {
        return MeshConfigReader.read(raw(testResource("safety/pulumi-yaml/" + name + ".yaml"))).mesh();
    }
}
