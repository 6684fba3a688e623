package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.test.PulumiTest;
import io.istiomc.components.Relayed;
import io.istiomc.components.simulation.SimulatedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static io.istiomc.components.provider.ConstructTest.cluster;
import static io.istiomc.components.provider.ConstructTest.construct;
import static io.istiomc.components.provider.ConstructTest.meshInputs;
import static io.istiomc.components.provider.ConstructTest.outputOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a YAML or TypeScript program sees when the package refuses its inputs: the message the
 * provider's {@code Construct} fails with, as pulumi-java 1.36.1's {@code ResourceProviderService}
 * sends it to the engine (the failure's message, one {@code CompletionException} unwrapped), is our
 * reason, not the SDK's "Failed to construct component"; and nothing is registered.
 */
class ConstructErrorsTest {
    private static final String PRIMARY_URN = "urn:pulumi:stack::project::istio-multicluster:index:PrimaryCluster::cluster1";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The message the engine receives for a failed construct, and that nothing was registered. */
    private static String engineMessage(String component, Map<String, PropertyValue> inputs) {
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
        var message = new AtomicReference<String>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            try {
                construct(component, "c", inputs);
                message.set("constructed");
            } catch (RuntimeException e) {
                // ResourceProviderService#handleCompletion: Status.INTERNAL.withDescription(cause.getMessage())
                message.set((e instanceof CompletionException ? e.getCause() : e).getMessage());
            }
        });
        PulumiTest.cleanup();
        assertEquals(List.of(), mocks.registrations(), component + ": nothing is registered for a refused input");
        return message.get();
    }

    private static Map<String, PropertyValue> with(PropertyValue object, String key, PropertyValue value) {
        var copy = new LinkedHashMap<>(object.getObjectValue());
        copy.put(key, value);
        return copy;
    }

    private static Map<String, PropertyValue> remote(PropertyValue remotePilotAddress) {
        return Map.of("cluster", cluster("cluster2", "network2"), "primaryClusterName", PropertyValue.of("cluster1"),
                "remotePilotAddress", remotePilotAddress);
    }

    /** The dev mesh's inputs with cluster {@code index}'s {@code key} set to {@code value}. */
    private static Map<String, PropertyValue> meshWith(int index, String key, PropertyValue value) {
        var inputs = new LinkedHashMap<>(meshInputs());
        var clusters = new java.util.ArrayList<>(inputs.get("clusters").getArrayValue());
        clusters.set(index, PropertyValue.of(with(clusters.get(index), key, value)));
        inputs.put("clusters", PropertyValue.of(clusters));
        return inputs;
    }

    @Test
    @DisplayName("a bad serviceType, a negative port, a missing input and an unknown type reach the engine as our reason")
    void reasonsReachTheEngine() {
        assertEquals("PrimaryClusterArgs: 'cluster.gateway.serviceType' must be 'LoadBalancer' or 'NodePort' (got 'ClusterIP')",
                engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(with(cluster("cluster1", "network1"), "gateway",
                        PropertyValue.of(Map.of("serviceType", PropertyValue.of("ClusterIP"))))))));
        var negative = engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(with(cluster("cluster1", "network1"),
                "gateway", PropertyValue.of(Map.of("port", PropertyValue.of(-1)))))));
        assertEquals("PrimaryClusterArgs: 'cluster.gateway.port' must be a port number from 1 to 65535 (got -1)", negative);
        var clusterWithoutName = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        clusterWithoutName.remove("clusterName");
        var missing = engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(clusterWithoutName)));
        assertTrue(missing.contains("clusterName"), missing);
        assertEquals("istio-multicluster serves no component 'istio-multicluster:index:MeshLink'; it serves"
                + " istio-multicluster:index:Mesh, istio-multicluster:index:MeshCertificateAuthority,"
                + " istio-multicluster:index:PrimaryCluster, istio-multicluster:index:RemoteCluster",
                engineMessage("MeshLink", Map.of()));
        for (var message : List.of(negative, missing)) {
            assertFalse(message.startsWith("Failed to construct component"), message);
        }
    }

    @Test
    @DisplayName("a Mesh's apiServer is checked before anything is registered, without printing its password")
    void apiServerIsCheckedBeforeRegistering() {
        assertEquals("MeshArgs: 'clusters[1].apiServer' must be an https:// URL with a host, e.g. https://203.0.113.20:6443"
                + " (got 'http://cluster2.example')", engineMessage("Mesh", meshWith(1, "apiServer", PropertyValue.of("http://cluster2.example"))));
        var credentials = engineMessage("Mesh", meshWith(1, "apiServer",
                PropertyValue.of("https://robot:Zq7/SlashPassw0rd@cluster2.example:6443")));
        assertTrue(credentials.startsWith("MeshArgs: 'clusters[1].apiServer' must not carry credentials (user info or a query"
                + " string; got 'https://***@cluster2.example:6443')"), credentials);
        assertFalse(credentials.contains("Zq7") || credentials.contains("SlashPassw0rd") || credentials.contains("robot"), credentials);
    }

    @Test
    @DisplayName("a known null relayed where a value is required is refused naming the input, before anything is registered")
    void knownNullWhereRequired() {
        assertEquals("'remotePilotAddress' is null; it is required: pass a value, or an output of another component that"
                        + " resolves to one",
                engineMessage("RemoteCluster", remote(outputOf(PropertyValue.NULL, PRIMARY_URN))));
    }

    /** An input as the package declares one that may come from another component. */
    static final class Holder {
        @Import(name = "value")
        private Output<Output<String>> value;
    }

    private static Output<String> relayed(PropertyValue wire) {
        var holder = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of("value", wire)), Holder.class);
        return Relayed.flat(holder.value);
    }

    private static String state(Output<String> output) {
        var data = Internal.of(output).getDataAsync().join();
        return data.isKnown() ? "known " + data.getValueNullable() : "unknown";
    }

    @Test
    @DisplayName("Relayed.flat keeps a known null known (a literal, or an output that resolved to null), and an unknown unknown")
    void knownNullsStayKnown() {
        assertEquals("known null", state(relayed(PropertyValue.NULL)));
        assertEquals("known null", state(relayed(outputOf(PropertyValue.NULL, PRIMARY_URN))));
        assertEquals("known null", state(relayed(PropertyValue.ofSecret(outputOf(PropertyValue.NULL, PRIMARY_URN)))));
        assertEquals("known x", state(relayed(PropertyValue.ofSecret(outputOf(PropertyValue.of("x"), PRIMARY_URN)))));
        assertEquals("unknown", state(relayed(outputOf(null, PRIMARY_URN))));
        assertEquals("unknown", state(relayed(PropertyValue.ofSecret(outputOf(null, PRIMARY_URN)))));
    }
}
