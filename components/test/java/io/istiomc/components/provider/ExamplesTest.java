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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples, checked offline against the package's golden schema (which {@link SchemaGoldenTest}
 * ties to the code): in the Pulumi YAML one every type token, input and output it names exists; in
 * the TypeScript one (whose SDK cannot be generated without the CLI) every component it creates and
 * every output it reads.
 */
class ExamplesTest {
    /** Relative to the library module, where Maven runs its tests. */
    private static final Path YAML_EXAMPLE = Path.of("../examples/yaml/Pulumi.yaml");
    private static final Path TYPESCRIPT_EXAMPLE = Path.of("../examples/typescript/index.ts");

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
    @DisplayName("the YAML example links the mesh: cluster1 watches cluster2 through the clusters' own outputs")
    void yamlExampleLinksTheMesh() throws IOException {
        var link = example().path("resources").path("mesh");
        assertEquals("istio-multicluster:index:MeshLink", link.path("type").asText());
        var watcher = link.path("properties").path("watchers").get(0);
        assertEquals("cluster1", watcher.path("clusterName").asText());
        assertEquals("${cluster1.istiodRevision}", watcher.path("istiodRevision").asText());
        assertEquals("${cluster1.gatewayAddress}", watcher.path("gateway").path("address").asText());
        var watched = link.path("properties").path("watched");
        assertEquals(1, watched.size());
        assertEquals("cluster2", watched.get(0).path("clusterName").asText());
        assertEquals("network2", watched.get(0).path("network").asText());
        for (var output : List.of("apiServer", "readerToken", "apiServerCaData")) {
            assertEquals("${cluster2." + output + "}", watched.get(0).path(output).asText());
        }
    }

    @Test
    @DisplayName("the TypeScript example creates only components of the schema, reads only their outputs, and links the mesh")
    void typescriptExampleFitsTheSchema() throws IOException {
        var source = Files.readString(TYPESCRIPT_EXAMPLE);
        assertEquals(List.of(), TypeScriptCheck.problems(PackageSchema.golden(), source));
        assertEquals(Map.of("ca", "MeshCertificateAuthority", "cluster1", "PrimaryCluster", "cluster2", "RemoteCluster",
                "mesh", "MeshLink"), TypeScriptCheck.components(source));
        for (var wiring : List.of("istiodRevision: cluster1.istiodRevision", "apiServer: cluster2.apiServer",
                "readerToken: cluster2.readerToken", "apiServerCaData: cluster2.apiServerCaData")) {
            assertTrue(source.contains(wiring), wiring);
        }
    }

    @Test
    @DisplayName("the TypeScript check finds an unknown component and an unknown output")
    void typescriptCheckFindsMistakes() throws IOException {
        var broken = Files.readString(TYPESCRIPT_EXAMPLE)
                .replace("cluster2.readerToken", "cluster2.readersToken")
                .replace("new istio.MeshLink(", "new istio.MeshLinks(");
        assertEquals(List.of(
                "mesh: 'istio.MeshLinks' is not a component of the package",
                "'cluster2.readersToken' is not an output of istio-multicluster:index:RemoteCluster (outputs: [apiServer,"
                        + " apiServerCaData, clusterName, gatewayAddress, gatewayPort, network, readerToken])"),
                TypeScriptCheck.problems(PackageSchema.golden(), broken));
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
                        + " multiNetwork, primaryClusterName, remotePilotAddress])",
                "outputs.gateway: 'cluster1.gatewayAddres' is not an output of istio-multicluster:index:PrimaryCluster"
                        + " (outputs: [apiServer, apiServerCaData, clusterName, gatewayAddress, gatewayPort, istiodRevision,"
                        + " network, readerToken])"),
                YamlProgramCheck.problems(PackageSchema.golden(), broken));
    }
}
