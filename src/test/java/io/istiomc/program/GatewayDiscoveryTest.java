package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What istiod registers as a network's gateway, read off the recorded objects the way istiod reads
 * them: its kube registry turns a Service labelled {@code topology.istio.io/network} into a gateway at
 * the Service's load balancer status address on 15443 or the port of its
 * {@code networking.istio.io/gatewayPort} label ({@code getGatewayDetails} and
 * {@code extractGatewaysInner} in istio/istio {@code pilot/pkg/serviceregistry/kube/controller/network.go}),
 * and meshNetworks adds the gateways it lists (an {@code address}, or a {@code registryServiceName} that
 * again takes the Service's status address). Each gateway must come from exactly one of them, with
 * exactly the address and port the stack says.
 */
class GatewayDiscoveryTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String SERVICE = RegisteredNames.SERVICE;
    private static final String CONFIG_MAP_PATCH = RegisteredNames.CONFIG_MAP_PATCH;
    private static final String NETWORK_LABEL = "topology.istio.io/network";
    private static final String GATEWAY_PORT_LABEL = "networking.istio.io/gatewayPort";
    private static final int CROSS_NETWORK_LISTENER = 15443;

    /** @param expectedAddress the address istiod must register; null: the one the cluster gives the load balancer */
    record GatewayCase(String name, Map<String, Object> gateway, String expectedAddress, int expectedPort) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> gateways() {
        return Stream.of(
                new GatewayCase("a load balancer that reports an IP", Map.of(), null, 15443),
                new GatewayCase("a load balancer that reports a hostname (AWS NLB)",
                        Map.of("annotations", Map.of("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")), null, 15443),
                new GatewayCase("a configured address in front of the load balancer (NAT)",
                        Map.of("address", "203.0.113.7"), "203.0.113.7", 15443),
                new GatewayCase("a NodePort behind a configured address",
                        Map.of("serviceType", "NodePort", "address", "203.0.113.40", "port", 31443), "203.0.113.40", 31443),
                new GatewayCase("a load balancer port other than 15443", Map.of("port", 443), null, 443)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gateways")
    void istiodRegistersExactlyTheStacksGateway(GatewayCase gateway) throws Exception {
        // GIVEN a primary on network1 and a remote on network2 whose gateway is exposed as the case says
        var plan = MeshFixture.plan(new StackYaml().remotes(1).set("clusters[1].gateway", gateway.gateway()).yaml());
        var expectedAddress = gateway.expectedAddress() != null ? gateway.expectedAddress()
                : plan.gatewayAddress("cluster2").orElseThrow().value();

        // THEN the gateway Service is no network gateway to istiod's kube registry: no network label, no gateway port
        var service = plan.resource(SERVICE, "cluster2-eastwestgateway");
        @SuppressWarnings("unchecked")
        var labels = (Map<String, Object>) service.input("metadata.labels").orElse(Map.of());
        assertFalse(labels.containsKey(NETWORK_LABEL), "the gateway Service is labelled " + labels);
        assertFalse(labels.containsKey(GATEWAY_PORT_LABEL), "the gateway Service is labelled " + labels);

        // AND meshNetworks, in the primary, lists exactly that address and port for network2, by address only
        var networks = meshNetworks(plan, "cluster1").path("networks");
        var gateways = new ArrayList<JsonNode>();
        networks.path("network2").path("gateways").forEach(gateways::add);
        assertEquals(List.of(YAML.createObjectNode().put("address", expectedAddress).put("port", gateway.expectedPort())),
                gateways, "network2's gateways");
        networks.forEach(network -> network.path("gateways").forEach(g ->
                assertFalse(g.has("registryServiceName"), "a gateway taken from a Service's status: " + g)));

        // AND that port of the Service (or its node port) reaches the gateway pods' cross-network listener
        assertTrue(servicePortsReaching(service, CROSS_NETWORK_LISTENER).contains(gateway.expectedPort()),
                "ports of the Service that reach " + CROSS_NETWORK_LISTENER + ": " + servicePortsReaching(service, CROSS_NETWORK_LISTENER));
    }

    private static JsonNode meshNetworks(Plan plan, String primary) throws Exception {
        var patches = plan.resources(r -> r.type().equals(CONFIG_MAP_PATCH) && plan.clusterOf(r).filter(primary::equals).isPresent());
        assertEquals(1, patches.size(), "meshNetworks patches in " + primary);
        return YAML.readTree((String) patches.get(0).input("data.meshNetworks").orElseThrow());
    }

    /** The ports other networks can dial on the Service that lead to {@code targetPort}: node ports where set. */
    private static List<Integer> servicePortsReaching(RecordedResource service, int targetPort) {
        var result = new ArrayList<Integer>();
        for (var port : (List<?>) service.input("spec.ports").orElseThrow()) {
            var p = (Map<?, ?>) port;
            if (((Number) p.get("targetPort")).intValue() == targetPort) {
                var dialed = p.containsKey("nodePort") ? p.get("nodePort") : p.get("port");
                result.add(((Number) dialed).intValue());
            }
        }
        return result;
    }
}
