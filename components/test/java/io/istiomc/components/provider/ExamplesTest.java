package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples, the dev mesh ({@code Pulumi.dev.yaml}) as one {@code Mesh}, checked offline against
 * the package's golden schema (which {@link SchemaGoldenTest} ties to the code): in the Pulumi YAML
 * one every type token, input and output it names exists; in the TypeScript and Python ones (whose
 * SDKs cannot be generated without the CLI) every component they create and every output they read.
 */
class ExamplesTest {
    /** Relative to the library module, where Maven runs its tests. */
    private static final Path YAML_EXAMPLE = Path.of("../examples/yaml/Pulumi.yaml");
    private static final Path TYPESCRIPT_EXAMPLE = Path.of("../examples/typescript/index.ts");
    private static final Path PYTHON_EXAMPLE = Path.of("../examples/python/__main__.py");

    private static JsonNode example() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(YAML_EXAMPLE.toFile());
    }

    @Test
    @DisplayName("the YAML example uses only types, inputs and outputs of the package schema, and sets every required input")
    void yamlExampleFitsTheSchema() throws IOException {
        assertEquals(List.of(), YamlProgramCheck.problems(PackageSchema.golden(), example()));
    }

    @Test
    @DisplayName("the YAML example is the dev mesh as one Mesh: cluster1 primary on network1, cluster2 remote on network2")
    void yamlExampleIsTheDevMesh() throws IOException {
        var resources = example().path("resources");
        assertEquals(List.of("mesh"), iterate(resources.fieldNames()));
        assertEquals(io.istiomc.components.Mesh.TYPE, resources.path("mesh").path("type").asText());
        var clusters = resources.path("mesh").path("properties").path("clusters");
        assertEquals(List.of("cluster1 primary network1 cluster1", "cluster2 remote network2 cluster2"),
                iterate(clusters.elements()).stream().map(c -> c.path("name").asText() + " " + c.path("role").asText() + " "
                        + c.path("network").asText() + " " + c.path("context").asText()).toList());
        assertTrue(resources.path("mesh").path("properties").path("samples").path("enabled").asBoolean());
    }

    @Test
    @DisplayName("the TypeScript and Python examples create one Mesh of the schema and read only its outputs")
    void sourceExamplesFitTheSchema() throws IOException {
        for (var example : Map.of(ExampleSourceCheck.Language.TYPESCRIPT, TYPESCRIPT_EXAMPLE,
                ExampleSourceCheck.Language.PYTHON, PYTHON_EXAMPLE).entrySet()) {
            var source = Files.readString(example.getValue());
            assertEquals(List.of(), ExampleSourceCheck.problems(PackageSchema.golden(), example.getKey(), source));
            assertEquals(Map.of("mesh", "Mesh"), ExampleSourceCheck.components(example.getKey(), source), example.getKey().name());
            assertTrue(lines(source) <= 25, example.getValue() + " has " + lines(source) + " lines");
        }
    }

    @Test
    @DisplayName("the source check finds an unknown component and an unknown output, in either language")
    void sourceCheckFindsMistakes() throws IOException {
        var typescript = Files.readString(TYPESCRIPT_EXAMPLE).replace("mesh.meshNetworks", "mesh.meshNetwork");
        assertEquals(List.of("'mesh.meshNetwork' is not an output of istio-multicluster:index:Mesh (outputs: [certificateExpiries, gatewayAddresses,"
                        + " meshNetworks, remotePilotAddresses, remoteSecrets, revisionTags, revisions, rootCertPem, verifyCommands])"),
                ExampleSourceCheck.problems(PackageSchema.golden(), ExampleSourceCheck.Language.TYPESCRIPT, typescript));
        var python = Files.readString(PYTHON_EXAMPLE).replace("istio.Mesh(", "istio.Meshes(");
        assertEquals(List.of("mesh: 'istio.Meshes' is not a component of the package"),
                ExampleSourceCheck.problems(PackageSchema.golden(), ExampleSourceCheck.Language.PYTHON, python));
        var pythonOutput = Files.readString(PYTHON_EXAMPLE).replace("mesh.gateway_addresses", "mesh.gateway_address");
        assertEquals(List.of("'mesh.gateway_address' is not an output of istio-multicluster:index:Mesh (outputs: [certificateExpiries, gatewayAddresses,"
                        + " meshNetworks, remotePilotAddresses, remoteSecrets, revisionTags, revisions, rootCertPem, verifyCommands])"),
                ExampleSourceCheck.problems(PackageSchema.golden(), ExampleSourceCheck.Language.PYTHON, pythonOutput));
    }

    @Test
    @DisplayName("the YAML check finds a misspelt input, a missing required input, an unknown output and an output in a plain input")
    void checkFindsMistakes() throws IOException {
        var broken = (ObjectNode) example().deepCopy();
        var mesh = (ObjectNode) broken.path("resources").path("mesh").path("properties");
        mesh.set("meshID", mesh.remove("meshId"));
        ((ObjectNode) mesh.path("clusters").get(0)).put("network", "${mesh.rootCertPem}");
        ((ObjectNode) broken.path("outputs")).put("gateway", "${mesh.gatewayAddress}");
        assertEquals(List.of(
                "resources.mesh.properties.meshId: is required",
                "resources.mesh.properties.clusters[0].network: is a plain input and cannot take an output",
                "resources.mesh.properties.meshID: is not an input (inputs: [ca, clusters, istio, meshId, samples])",
                "outputs.gateway: 'mesh.gatewayAddress' is not an output of istio-multicluster:index:Mesh (outputs:"
                        + " [certificateExpiries, gatewayAddresses, meshNetworks, remotePilotAddresses, remoteSecrets, revisionTags, revisions, rootCertPem, verifyCommands])"),
                YamlProgramCheck.problems(PackageSchema.golden(), broken));
    }

    private static <T> List<T> iterate(java.util.Iterator<T> items) {
        var list = new java.util.ArrayList<T>();
        items.forEachRemaining(list::add);
        return list;
    }

    private static long lines(String source) {
        return source.lines().filter(l -> !l.isBlank()).count();
    }
}
