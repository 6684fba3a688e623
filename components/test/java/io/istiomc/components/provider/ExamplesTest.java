package io.istiomc.components.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Pulumi YAML example, checked offline against the package's golden schema (which
 * {@link SchemaGoldenTest} ties to the code): every type token, input and output it names exists.
 */
class ExamplesTest {
    /** Relative to the library module, where Maven runs its tests. */
    private static final Path YAML_EXAMPLE = Path.of("../examples/yaml/Pulumi.yaml");

    private static JsonNode example() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(YAML_EXAMPLE.toFile());
    }

    @Test
    @DisplayName("the YAML example uses only types, inputs and outputs of the package schema, and sets every required input")
    void yamlExampleFitsTheSchema() throws IOException {
        assertEquals(List.of(), YamlProgramCheck.problems(PackageSchema.golden(), example()));
    }

    @Test
    @DisplayName("the YAML example declares the dev mesh: the CA, cluster1 as primary, cluster2 as remote of cluster1")
    void yamlExampleIsTheDevMesh() throws IOException {
        var resources = example().path("resources");
        assertEquals("istio-multicluster:index:PrimaryCluster", resources.path("cluster1").path("type").asText());
        assertEquals("network1", resources.path("cluster1").path("properties").path("cluster").path("network").asText());
        var remote = resources.path("cluster2").path("properties");
        assertEquals("istio-multicluster:index:RemoteCluster", resources.path("cluster2").path("type").asText());
        assertEquals("network2", remote.path("cluster").path("network").asText());
        assertEquals("cluster2", remote.path("cluster").path("context").asText());
        assertEquals("${cluster1.gatewayAddress}", remote.path("remotePilotAddress").asText());
    }

    @Test
    @DisplayName("the check finds a misspelt input, a missing required input, an unknown output and an output in a plain input")
    void checkFindsMistakes() throws IOException {
        var broken = (ObjectNode) example().deepCopy();
        var cluster2 = (ObjectNode) broken.path("resources").path("cluster2").path("properties");
        cluster2.set("remotePilotAdress", cluster2.remove("remotePilotAddress"));
        ((ObjectNode) cluster2.path("cluster")).put("network", "${cluster1.network}");
        ((ObjectNode) broken.path("outputs")).put("gateway", "${cluster1.gatewayAddres}");
        assertEquals(List.of(
                "resources.cluster2.properties.remotePilotAddress: is required",
                "resources.cluster2.properties.cluster.network: is a plain input and cannot take an output",
                "resources.cluster2.properties.remotePilotAdress: is not an input (inputs: [apiServer, cluster,"
                        + " primaryClusterName, remotePilotAddress])",
                "outputs.gateway: 'cluster1.gatewayAddres' is not an output of istio-multicluster:index:PrimaryCluster"
                        + " (outputs: [clusterName, gatewayAddress, gatewayPort, network])"),
                YamlProgramCheck.problems(PackageSchema.golden(), broken));
    }
}
