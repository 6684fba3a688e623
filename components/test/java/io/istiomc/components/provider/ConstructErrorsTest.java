package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.test.PulumiTest;
import io.istiomc.components.testing.RecordingMocks;
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
import static io.istiomc.components.provider.ConstructTest.outputOf;
import static io.istiomc.components.provider.ConstructTest.watched;
import static io.istiomc.components.provider.ConstructTest.watcher;
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
        var mocks = new RecordingMocks();
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

    private static Map<String, PropertyValue> remote(String apiServer, PropertyValue remotePilotAddress) {
        return Map.of("cluster", cluster("cluster2", "network2"), "primaryClusterName", PropertyValue.of("cluster1"),
                "remotePilotAddress", remotePilotAddress, "apiServer", PropertyValue.of(apiServer));
    }

    @Test
    @DisplayName("a bad serviceType, a negative port, a missing input and an unknown type reach the engine as our reason")
    void reasonsReachTheEngine() {
        assertEquals("'cluster.gateway.serviceType' must be LoadBalancer or NodePort (got 'ClusterIP')",
                engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(with(cluster("cluster1", "network1"), "gateway",
                        PropertyValue.of(Map.of("serviceType", PropertyValue.of("ClusterIP"))))))));
        var negative = engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(with(cluster("cluster1", "network1"),
                "gateway", PropertyValue.of(Map.of("port", PropertyValue.of(-1)))))));
        assertEquals("'cluster.gateway.port' must be a port number from 1 to 65535 (got -1)", negative);
        var clusterWithoutName = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        clusterWithoutName.remove("clusterName");
        var missing = engineMessage("PrimaryCluster", Map.of("cluster", PropertyValue.of(clusterWithoutName)));
        assertTrue(missing.contains("clusterName"), missing);
        assertEquals("istio-multicluster serves no component 'istio-multicluster:index:MeshLnk'; it serves"
                + " istio-multicluster:index:MeshCertificateAuthority, istio-multicluster:index:PrimaryCluster,"
                + " istio-multicluster:index:RemoteCluster, istio-multicluster:index:MeshLink", engineMessage("MeshLnk", Map.of()));
        for (var message : List.of(negative, missing)) {
            assertFalse(message.startsWith("Failed to construct component"), message);
        }
    }

    @Test
    @DisplayName("apiServer is checked before anything is registered: a watched primary's, a remote's (without printing its"
            + " password), and a MeshLink watched cluster's relayed from its component")
    void apiServerIsCheckedBeforeRegistering() {
        assertEquals("'apiServer' must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got 'http://cluster1.example')",
                engineMessage("PrimaryCluster", Map.of("cluster", cluster("cluster1", "network1"), "watched", PropertyValue.of(true),
                        "apiServer", PropertyValue.of("http://cluster1.example"))));
        var credentials = engineMessage("RemoteCluster", remote("https://robot:Zq7/SlashPassw0rd@cluster2.example:6443",
                PropertyValue.of("192.0.2.10")));
        assertTrue(credentials.startsWith("'apiServer' must not carry credentials (user info or a query string; got"
                + " 'https://***@cluster2.example:6443')"), credentials);
        assertFalse(credentials.contains("Zq7") || credentials.contains("SlashPassw0rd") || credentials.contains("robot"), credentials);

        var values = Map.of("cluster2.token", "token", "cluster2.caData", "ca");
        var relayed = new LinkedHashMap<>(watched("cluster2", "network1", values).getObjectValue());
        relayed.put("apiServer", outputOf(PropertyValue.of("https://cluster2.example:99999"), PRIMARY_URN));
        assertEquals("'watched[0].apiServer' must have a port from 1 to 65535 (got 'https://cluster2.example:99999')",
                engineMessage("MeshLink", Map.of("watchers", PropertyValue.of(List.of(watcher("cluster1", "network1", null))),
                        "watched", PropertyValue.of(List.of(PropertyValue.of(relayed))))));
    }

    @Test
    @DisplayName("a known null relayed where a value is required is refused naming the input, before anything is registered")
    void knownNullWhereRequired() {
        assertEquals("'remotePilotAddress' is null; it is required: pass a value, or an output of another component that"
                        + " resolves to one",
                engineMessage("RemoteCluster", remote("https://cluster2.example:6443", outputOf(PropertyValue.NULL, PRIMARY_URN))));
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
