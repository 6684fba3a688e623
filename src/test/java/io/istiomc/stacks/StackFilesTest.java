package io.istiomc.stacks;

import io.istiomc.components.RegisteredNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.Plan;
import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every environment's stack file plans, and its wiring holds. */
class StackFilesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> stackFiles() {
        return io.istiomc.testing.StackFile.all().stream();
    }

    @Test
    @DisplayName("stacks/ holds a staging and a prod-like stack, and one stack per topology")
    void environmentsExist() {
        assertTrue(Files.isRegularFile(Path.of("stacks/Pulumi.staging.yaml")));
        assertTrue(Files.isRegularFile(Path.of("stacks/Pulumi.prod.yaml")));
        for (var topology : io.istiomc.testing.Topologies.ALL) {
            assertTrue(Files.isRegularFile(io.istiomc.testing.Topologies.stackFile(topology)), topology);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stackFiles")
    @DisplayName("the plan of every stack file wires gateway addresses, meshNetworks and remote secrets across its clusters")
    void wiringHolds(Path stackFile) throws Exception {
        // WHEN the stack is planned through the command line, as a PR preview would
        var run = CliRun.run("plan", "--config-file", stackFile.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        var json = JSON.readTree(run.out());
        Plan plan = MeshFixture.plan(stackFile);

        // THEN every remote's istiod points at its control plane's gateway address
        var config = plan.topology();
        for (var remote : config.remotes()) {
            var istiod = plan.resource(RegisteredNames.RELEASE, remote.name() + "-istiod");
            var controlPlane = config.controlPlaneOf(remote).orElseThrow();
            assertEquals(plan.gatewayAddress(controlPlane).orElseThrow().value(),
                    istiod.input("values.global.remotePilotAddress").orElseThrow(), remote.name());
        }
        // AND every primary holds a remote secret for every other cluster it watches
        for (var primary : config.primaries()) {
            var secrets = plan.resources(r -> r.type().equals(RegisteredNames.SECRET)
                    && r.name().startsWith("mesh-link-" + primary.name() + "-istio-remote-secret-"));
            var expected = config.clusters().stream().filter(c -> !c.name().equals(primary.name()) && config.watched(c))
                    .map(c -> "mesh-link-" + primary.name() + "-istio-remote-secret-" + c.name()).sorted().toList();
            assertEquals(expected, secrets.stream().map(r -> r.name()).sorted().toList());
            secrets.forEach(secret -> assertEquals(primary.name(), plan.clusterOf(secret).orElseThrow()));
        }
        // AND across networks, meshNetworks has every network with its clusters' gateways
        if (config.multiNetwork()) {
            var networks = YAML.readTree((String) plan.outputs().get("meshNetworks")).path("networks");
            for (var cluster : config.clusters()) {
                var network = networks.path(cluster.network());
                var registries = new ArrayList<String>();
                network.path("endpoints").forEach(e -> registries.add(e.path("fromRegistry").asText()));
                assertTrue(registries.contains(cluster.name()), cluster.name() + " in " + registries);
                var addresses = new ArrayList<String>();
                network.path("gateways").forEach(g -> addresses.add(g.path("address").asText() + ":" + g.path("port").asInt()));
                assertTrue(addresses.contains(plan.gatewayAddress(cluster.name()).orElseThrow().value() + ":" + cluster.gateway().port()));
            }
        } else {
            assertFalse(plan.outputs().containsKey("meshNetworks"));
        }
        // AND the JSON names each cluster with its gateway address and every resource with its cluster
        assertEquals(plan.topology().clusters().size(), json.path("clusters").size());
        assertEquals(stackFile.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", ""), json.path("stack").asText());
        json.path("resources").forEach(r -> {
            if (r.path("type").asText().startsWith("kubernetes:")) {
                assertFalse(r.path("cluster").isNull(), r.path("urn").asText());
            }
        });
        assertEquals(config.primaries().size(), json.path("outputs").path("remoteSecrets").size());
    }

    @Test
    @DisplayName("the prod-like stack resolves an NLB hostname and a fixed NodePort address, and protects the root key")
    void prodLikeStack() throws Exception {
        var plan = MeshFixture.plan(Path.of("stacks/Pulumi.prod.yaml"));
        assertEquals(SimulatedClusters.simulatedHostname("prod-primary"), plan.gatewayAddress("prod-primary").orElseThrow().value());
        assertEquals(SimulatedClusters.simulatedHostname("prod-primary"),
                plan.resource(RegisteredNames.RELEASE, "prod-onprem-istiod").input("values.global.remotePilotAddress").orElseThrow());
        assertEquals(SimulatedClusters.simulatedHostname("prod-aws-east"), plan.gatewayAddress("prod-aws-east").orElseThrow().value());
        assertEquals("203.0.113.40", plan.gatewayAddress("prod-onprem").orElseThrow().value());
        assertFalse(plan.gatewayAddress("prod-onprem").orElseThrow().simulated());
        var dc1 = YAML.readTree((String) plan.outputs().get("meshNetworks")).path("networks").path("dc1");
        assertEquals(Map.of("address", "203.0.113.40", "port", 31443),
                JSON.convertValue(dc1.path("gateways").get(0), Map.class));
        assertTrue(plan.resource("tls:index/privateKey:PrivateKey", "mesh-ca-root-key").protect());
        assertEquals(List.of(), plan.resources(r -> r.name().startsWith("samples-")));
    }
}
