package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import io.istiomc.components.CaBundle;
import io.istiomc.components.ApiEndpoint;
import io.istiomc.components.ClusterArgs;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.components.IstioCharts;
import io.istiomc.components.testing.RecordingMocks;
import io.istiomc.components.testing.RecordingMocks.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package's {@code Construct}, as the plugin serves it to a TypeScript, Python or YAML program,
 * registers exactly what the Java API registers for the same inputs: the same types, names,
 * inputs and providers (so the same URNs), under the library's own mocks.
 */
class ConstructTest {
    private static final Map<String, PropertyValue> CERTIFICATES = Map.of(
            "caCertPem", PropertyValue.of("CA CERT"),
            "caKeyPem", PropertyValue.ofSecret(PropertyValue.of("CA KEY")),
            "rootCertPem", PropertyValue.of("ROOT CERT"),
            "certChainPem", PropertyValue.of("CHAIN"));

    private static final String CA_URN = "urn:pulumi:stack::project::istio-multicluster:index:MeshCertificateAuthority::ca";
    private static final String PRIMARY_URN = "urn:pulumi:stack::project::istio-multicluster:index:PrimaryCluster::cluster1";

    /** An output value as {@code PropertyValue.unmarshal} reads it off the wire: a value and the URNs it depends on. */
    static PropertyValue outputOf(PropertyValue value, String dependency) {
        return PropertyValue.of(new PropertyValue.OutputReference(value, java.util.Set.of(dependency)));
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    @DisplayName("MeshCertificateAuthority: construct registers what the Java API does, and exports each cluster's material")
    void certificateAuthority() {
        var viaJava = registrations(() -> new io.istiomc.components.MeshCertificateAuthority("ca",
                io.istiomc.components.MeshCertificateAuthorityArgs.builder()
                        .clusterNames(List.of("cluster1", "cluster2")).rsaBits(2048).protectRootKey(true).build()));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("MeshCertificateAuthority", "ca", Map.of(
                "clusterNames", PropertyValue.of(List.of(PropertyValue.of("cluster1"), PropertyValue.of("cluster2"))),
                "rsaBits", PropertyValue.of(2048),
                "protectRootKey", PropertyValue.of(true)))));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertEquals("urn:pulumi:stack::project::pulumi:pulumi:Stack$istio-multicluster:index:MeshCertificateAuthority::ca",
                response.get().getUrn());
        assertTrue(isSecret(state.get("caKeyPems")), "the intermediate keys are exported as a secret");
        assertFalse(isSecret(state.get("caCertPems")));
        assertEquals(List.of("cluster1", "cluster2"), known(state.get("caCertPems")).getObjectValue().keySet().stream().sorted().toList());
        assertTrue(known(state.get("rootCertPem")).getStringValue().startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    @DisplayName("PrimaryCluster: construct from a context, values and CA material registers what the Java API does")
    void primaryCluster() {
        var viaJava = registrations(() -> new io.istiomc.components.PrimaryCluster("cluster1",
                io.istiomc.components.PrimaryClusterArgs.builder().cluster(javaCluster("cluster1", "network1")).servesRemotes(true).multiNetwork(true).build()));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("PrimaryCluster", "cluster1", Map.of(
                "cluster", cluster("cluster1", "network1"),
                "servesRemotes", PropertyValue.of(true),
                "multiNetwork", PropertyValue.of(true)))));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertEquals(RecordingMocks.loadBalancerIp(0), known(state.get("gatewayAddress")).getStringValue());
        assertEquals(15443, known(state.get("gatewayPort")).getValue(Number.class).intValue());
        assertEquals("network1", known(state.get("network")).getStringValue());
    }

    @Test
    @DisplayName("RemoteCluster: construct with the primary's address and an API server registers what the Java API does;"
            + " reader token and CA data come back secret")
    void remoteCluster() {
        var viaJava = registrations(ConstructTest::javaRemote);
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("RemoteCluster", "cluster2", Map.of(
                "cluster", cluster("cluster2", "network2"),
                "primaryClusterName", PropertyValue.of("cluster1"),
                "multiNetwork", PropertyValue.of(true),
                "remotePilotAddress", PropertyValue.of("192.0.2.10"),
                "apiServer", PropertyValue.of("https://cluster2.example:6443")))));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertTrue(isSecret(state.get("readerToken")));
        assertTrue(isSecret(state.get("apiServerCaData")));
        assertEquals(RecordingMocks.token("cluster2-k8s"), known(state.get("readerToken")).getStringValue());
        assertEquals("https://cluster2.example:6443", known(state.get("apiServer")).getStringValue());
    }

    @Test
    @DisplayName("RemoteCluster: inputs that arrive as the engine relays another component's outputs (secret outputs"
            + " with dependencies) register what the Java API does")
    void remoteClusterFromOutputValues() {
        var viaJava = registrations(ConstructTest::javaRemote);
        var cluster = new LinkedHashMap<>(cluster("cluster2", "network2").getObjectValue());
        var certificates = new LinkedHashMap<>(CERTIFICATES);
        certificates.put("caKeyPem", PropertyValue.ofSecret(outputOf(PropertyValue.of("CA KEY"), CA_URN)));
        certificates.put("caCertPem", outputOf(PropertyValue.of("CA CERT"), CA_URN));
        cluster.put("certificates", PropertyValue.of(certificates));
        var viaConstruct = registrations(() -> construct("RemoteCluster", "cluster2", Map.of(
                "cluster", PropertyValue.of(cluster),
                "primaryClusterName", PropertyValue.of("cluster1"),
                "multiNetwork", PropertyValue.of(true),
                "remotePilotAddress", outputOf(PropertyValue.of("192.0.2.10"), PRIMARY_URN),
                "apiServer", PropertyValue.ofSecret(PropertyValue.of("https://cluster2.example:6443")))));
        assertSameRegistrations(viaJava, viaConstruct);
    }

    @Test
    @DisplayName("RemoteCluster: an output not known yet (as in a preview) stays unknown rather than null, and the same"
            + " resources are registered")
    void remoteClusterWithUnknownInputs() {
        var viaJava = registrations(ConstructTest::javaRemote);
        var viaConstruct = registrations(() -> construct("RemoteCluster", "cluster2", Map.of(
                "cluster", cluster("cluster2", "network2"),
                "primaryClusterName", PropertyValue.of("cluster1"),
                "multiNetwork", PropertyValue.of(true),
                "remotePilotAddress", outputOf(null, PRIMARY_URN),
                "apiServer", PropertyValue.ofSecret(outputOf(null, PRIMARY_URN)))));
        assertEquals(viaJava.stream().map(r -> r.type() + " " + r.name()).toList(),
                viaConstruct.stream().map(r -> r.type() + " " + r.name()).toList());
        var istiod = viaConstruct.stream().filter(r -> r.name().equals("cluster2-istiod")).findFirst().orElseThrow();
        assertFalse(istiod.inputs().get("values") instanceof Map<?, ?> values
                && values.toString().contains("remotePilotAddress=null"), istiod.inputs().toString());
    }

    @Test
    @DisplayName("MeshLink: construct from values (a context for the primary, the remote's reader outputs) registers the"
            + " remote secret and meshNetworks patch the Java MeshLink does over the handles, through a provider of its own"
            + " for the same context")
    void meshLink() {
        var java = new AtomicReference<Map<String, String>>();
        var viaJava = registrations(() -> java.set(javaMesh()));
        var values = java.get();
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("MeshLink", "mesh", Map.of(
                "watchers", PropertyValue.of(List.of(watcher("cluster1", "network1", values.get("cluster1.address")))),
                "watched", PropertyValue.of(List.of(watched("cluster2", "network2", values)))))));

        var linked = linkObjects(viaJava);
        assertEquals(List.of("kubernetes:core/v1:ConfigMapPatch mesh-cluster1-mesh-networks",
                "kubernetes:core/v1:Secret mesh-cluster1-istio-remote-secret-cluster2"),
                linked.stream().map(r -> r.type() + " " + r.name()).toList());
        var constructed = linkObjects(viaConstruct);
        assertEquals(withoutProvider(linked), withoutProvider(constructed));
        // The Java link uses the primary's provider; the package's link declares its own for the same context.
        assertEquals(List.of("cluster1-k8s"), linked.stream().map(r -> RecordingMocks.providerName(r.provider())).distinct().toList());
        assertEquals(List.of("mesh-cluster1-k8s"), constructed.stream().map(r -> RecordingMocks.providerName(r.provider())).distinct().toList());
        assertEquals(provider(viaJava, "cluster1-k8s").inputs(), provider(viaConstruct, "mesh-cluster1-k8s").inputs());
        assertEquals(List.of("istio-multicluster:index:MeshLink mesh", "pulumi:providers:kubernetes mesh-cluster1-k8s"),
                viaConstruct.stream().filter(r -> !constructed.contains(r)).map(r -> r.type() + " " + r.name()).toList(),
                "the link registers nothing else");

        var meshNetworks = known(response.get().getState().get("meshNetworks")).getStringValue();
        assertTrue(meshNetworks.contains("network2") && meshNetworks.contains(values.get("cluster2.address")), meshNetworks);
    }

    @Test
    @DisplayName("MeshLink: two primaries on one network (multi-primary), each watching the other, from the clusters'"
            + " exported reader outputs: the same remote secrets as the Java MeshLink, and no meshNetworks")
    void meshLinkMultiPrimary() {
        var java = new AtomicReference<Map<String, String>>();
        var viaJava = registrations(() -> java.set(javaMultiPrimary()));
        var values = java.get();
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("MeshLink", "mesh", Map.of(
                "watchers", PropertyValue.of(List.of(watcher("cluster1", "network1", null), watcher("cluster2", "network1", null))),
                "watched", PropertyValue.of(List.of(watched("cluster1", "network1", values), watched("cluster2", "network1", values)))))));

        var linked = linkObjects(viaJava);
        assertEquals(List.of("kubernetes:core/v1:Secret mesh-cluster1-istio-remote-secret-cluster2",
                "kubernetes:core/v1:Secret mesh-cluster2-istio-remote-secret-cluster1"),
                linked.stream().map(r -> r.type() + " " + r.name()).toList());
        assertEquals(withoutProvider(linked), withoutProvider(linkObjects(viaConstruct)));
        assertEquals("", known(response.get().getState().get("meshNetworks")).getStringValue());
    }

    @Test
    @DisplayName("PrimaryCluster: the topology flags (watched, one network, serving no remotes) register what the Java API"
            + " does; the reader outputs are exported, secret, and there is no gateway to export")
    void watchedPrimary() {
        var viaJava = registrations(() -> new io.istiomc.components.PrimaryCluster("cluster1",
                io.istiomc.components.PrimaryClusterArgs.builder().cluster(javaCluster("cluster1", "network1"))
                        .watched(true).build()));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("PrimaryCluster", "cluster1", Map.of(
                "cluster", cluster("cluster1", "network1"),
                "watched", PropertyValue.of(true),
                "apiServer", PropertyValue.of("https://cluster1.example:6443")))));
        assertSameRegistrations(viaJava, viaConstruct);
        assertFalse(viaJava.stream().anyMatch(r -> r.name().contains("eastwest")), "one network, no remotes: no gateway");

        var state = response.get().getState();
        assertTrue(isSecret(state.get("readerToken")));
        assertTrue(isSecret(state.get("apiServerCaData")));
        assertEquals(RecordingMocks.token("cluster1-k8s"), known(state.get("readerToken")).getStringValue());
        assertEquals("https://cluster1.example:6443", known(state.get("apiServer")).getStringValue());
        assertEquals("1", known(state.get("istiodRevision")).getStringValue());
        assertTrue(state.get("gatewayAddress") == null || known(state.get("gatewayAddress")).isNull(), String.valueOf(state.get("gatewayAddress")));
    }

    @Test
    @DisplayName("a watched primary without apiServer, a MeshLink gateway port out of range, and a watched cluster without"
            + " gateway on several networks are refused naming the property or cluster, before anything is registered")
    void topologyRefusals() {
        assertEquals("'apiServer' is required when 'watched' is true: the other primaries reach this cluster's API server there",
                refusal("PrimaryCluster", "cluster1", Map.of("cluster", cluster("cluster1", "network1"), "watched", PropertyValue.of(true))));
        var watcher = new LinkedHashMap<>(watcher("cluster1", "network1", "192.0.2.10").getObjectValue());
        watcher.put("gateway", PropertyValue.of(Map.of("address", PropertyValue.of("192.0.2.10"), "port", PropertyValue.of(70000))));
        assertEquals("'watchers[0].gateway.port' must be a port number, 1-65535 (got 70000)",
                refusal("MeshLink", "mesh", Map.of("watchers", PropertyValue.of(List.of(PropertyValue.of(watcher))))));
        var values = Map.of("cluster2.token", "token", "cluster2.caData", "ca");
        assertEquals("MeshLinkArgs: cluster 'cluster2' has no east-west gateway, but the mesh spans several networks;"
                        + " declare it with 'multiNetwork'",
                refusal("MeshLink", "mesh", Map.of(
                        "watchers", PropertyValue.of(List.of(watcher("cluster1", "network1", "192.0.2.10"))),
                        "watched", PropertyValue.of(List.of(watched("cluster2", "network2", values))))));
    }

    private static String refusal(String component, String name, Map<String, PropertyValue> inputs) {
        var mocks = new RecordingMocks();
        var failure = new AtomicReference<Throwable>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            try {
                construct(component, name, inputs);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        PulumiTest.cleanup();
        assertEquals(List.of(), mocks.registrations(), "nothing is registered for a bad value");
        return rootCause(failure.get()).getMessage();
    }

    /** A primary as a MeshLink watcher takes it from another program: context, revision output, gateway output. */
    static PropertyValue watcher(String name, String network, @javax.annotation.Nullable String gatewayAddress) {
        var watcher = new LinkedHashMap<String, PropertyValue>();
        watcher.put("clusterName", PropertyValue.of(name));
        watcher.put("network", PropertyValue.of(network));
        watcher.put("context", PropertyValue.of(name));
        watcher.put("istiodRevision", outputOf(PropertyValue.of("1"), PRIMARY_URN));
        if (gatewayAddress != null) {
            watcher.put("gateway", PropertyValue.of(Map.of("address", outputOf(PropertyValue.of(gatewayAddress), PRIMARY_URN),
                    "port", PropertyValue.of(15443))));
        }
        return PropertyValue.of(watcher);
    }

    /** A watched cluster as the engine relays its component's outputs: the reader's are secret outputs. */
    static PropertyValue watched(String name, String network, Map<String, String> values) {
        var urn = "urn:pulumi:stack::project::istio-multicluster:index:RemoteCluster::" + name;
        var watched = new LinkedHashMap<String, PropertyValue>();
        watched.put("clusterName", PropertyValue.of(name));
        watched.put("network", PropertyValue.of(network));
        watched.put("apiServer", outputOf(PropertyValue.of("https://" + name + ".example:6443"), urn));
        watched.put("tlsServerName", PropertyValue.of(name + ".internal"));
        watched.put("readerToken", PropertyValue.ofSecret(outputOf(PropertyValue.of(values.get(name + ".token")), urn)));
        watched.put("apiServerCaData", PropertyValue.ofSecret(outputOf(PropertyValue.of(values.get(name + ".caData")), urn)));
        if (values.containsKey(name + ".address")) {
            watched.put("gateway", PropertyValue.of(Map.of("address", outputOf(PropertyValue.of(values.get(name + ".address")), urn))));
        }
        return PropertyValue.of(watched);
    }

    /**
     * The dev mesh through the Java API: cluster1 primary on network1, cluster2 its remote on network2,
     * and the link. Returns the values the clusters' handles resolved to, by {@code <cluster>.<part>}.
     */
    private static Map<String, String> javaMesh() {
        var primary = new io.istiomc.components.PrimaryCluster("cluster1", io.istiomc.components.PrimaryClusterArgs.builder()
                .cluster(javaCluster("cluster1", "network1")).servesRemotes(true).multiNetwork(true).build());
        var remote = new io.istiomc.components.RemoteCluster("cluster2", io.istiomc.components.RemoteClusterArgs.builder()
                .cluster(javaCluster("cluster2", "network2")).primaryClusterName("cluster1")
                .remotePilotAddress(primary.handle().gateway().orElseThrow().address()).multiNetwork(true).build());
        new io.istiomc.components.MeshLink("mesh", io.istiomc.components.MeshLinkArgs.builder()
                .watcher(primary.handle())
                .watched(remote.handle(), new ApiEndpoint("https://cluster2.example:6443", Optional.of("cluster2.internal")))
                .build());
        var values = new java.util.concurrent.ConcurrentHashMap<String, String>();
        record(values, primary.handle());
        record(values, remote.handle());
        return values;
    }

    private static Map<String, String> javaMultiPrimary() {
        var values = new java.util.concurrent.ConcurrentHashMap<String, String>();
        var link = io.istiomc.components.MeshLinkArgs.builder();
        var handles = new ArrayList<io.istiomc.components.ClusterHandle>();
        for (var name : List.of("cluster1", "cluster2")) {
            var handle = new io.istiomc.components.PrimaryCluster(name, io.istiomc.components.PrimaryClusterArgs.builder()
                    .cluster(javaCluster(name, "network1")).watched(true).build()).handle();
            handles.add(handle);
            record(values, handle);
        }
        handles.forEach(link::watcher);
        handles.forEach(h -> link.watched(h, new ApiEndpoint("https://" + h.clusterName() + ".example:6443",
                Optional.of(h.clusterName() + ".internal"))));
        new io.istiomc.components.MeshLink("mesh", link.build());
        return values;
    }

    private static void record(Map<String, String> values, io.istiomc.components.ClusterHandle handle) {
        var name = handle.clusterName();
        handle.gateway().ifPresent(g -> g.address().applyValue(a -> values.put(name + ".address", a)));
        handle.reader().ifPresent(r -> {
            r.token().applyValue(t -> values.put(name + ".token", t));
            r.caData().applyValue(c -> values.put(name + ".caData", c));
        });
    }

    /** The Kubernetes objects a link named {@code mesh} placed in the primaries. */
    private static List<Registration> linkObjects(List<Registration> registrations) {
        return registrations.stream().filter(r -> r.name().startsWith("mesh-") && r.isKubernetesObject()).toList();
    }

    private static List<Registration> withoutProvider(List<Registration> registrations) {
        return registrations.stream().map(r -> new Registration(r.type(), r.name(), r.inputs(), "")).toList();
    }

    private static Registration provider(List<Registration> registrations, String name) {
        return registrations.stream().filter(r -> r.type().equals("pulumi:providers:kubernetes") && r.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no provider " + name));
    }

    @Test
    @DisplayName("the kubeconfig and CA key reach the engine as secrets, even when passed as plain values")
    void kubeconfigAndKeyStaySecret() {
        var cluster = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        cluster.put("kubeconfig", PropertyValue.of("apiVersion: v1\nkind: Config\n"));
        var certificates = new LinkedHashMap<>(CERTIFICATES);
        certificates.put("caKeyPem", PropertyValue.of("CA KEY"));
        cluster.put("certificates", PropertyValue.of(certificates));
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx ->
                construct("PrimaryCluster", "cluster1", Map.of("cluster", PropertyValue.of(cluster)))).throwOnError();
        assertEquals("apiVersion: v1\nkind: Config\n",
                mocks.registration("pulumi:providers:kubernetes", "cluster1-k8s").inputs().get("kubeconfig"));
        // RecordingMocks sees values, not secrecy: what the component is handed must itself be secret.
        var secrets = new AtomicReference<List<Boolean>>();
        PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> {
            var args = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of("cluster", PropertyValue.of(cluster))),
                    PrimaryClusterArgs.class).toLibrary().cluster();
            secrets.set(List.of(isSecret(args.certificates().caKeyPem()), isSecret(args.kubeconfig().orElseThrow()),
                    isSecret(args.certificates().caCertPem())));
        }).throwOnError();
        assertEquals(List.of(true, true, false), secrets.get());
    }

    @Test
    @DisplayName("a type the package does not serve, and a bad value, are refused naming what is wrong")
    void refusals() {
        var unknown = new AtomicReference<Throwable>();
        PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> {
            try {
                construct("MeshLnk", "x", Map.of());
            } catch (RuntimeException e) {
                unknown.set(e);
            }
        });
        assertTrue(unknown.get().getMessage().contains("istio-multicluster:index:MeshLnk"), unknown.get().getMessage());

        var gateway = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        gateway.put("gateway", PropertyValue.of(Map.of("serviceType", PropertyValue.of("ClusterIP"))));
        var mocks = new RecordingMocks();
        var bad = new AtomicReference<Throwable>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            try {
                construct("PrimaryCluster", "cluster1", Map.of("cluster", PropertyValue.of(gateway)));
            } catch (RuntimeException e) {
                bad.set(e);
            }
        });
        assertEquals("'cluster.gateway.serviceType' must be LoadBalancer or NodePort (got 'ClusterIP')", rootCause(bad.get()).getMessage());
        assertEquals(List.of(), mocks.registrations(), "nothing is registered for a bad value");
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The value inside the secret and output wrappings the engine receives. */
    private static PropertyValue known(PropertyValue value) {
        return switch (value.getType()) {
            case SECRET -> known(value.getSecretValue());
            case OUTPUT -> known(value.getValue(PropertyValue.OutputReference.class).getValue());
            default -> value;
        };
    }

    private static boolean isSecret(PropertyValue value) {
        return value.getType() == PropertyValue.ValueType.SECRET;
    }

    private static boolean isSecret(Output<?> output) {
        return com.pulumi.core.internal.Internal.of(output).getDataAsync().join().isSecret();
    }

    static ConstructResponse construct(String component, String name, Map<String, PropertyValue> inputs) {
        return new ComponentPackage().construct(new ConstructRequest(ComponentPackage.NAME + ":index:" + component, name,
                inputs, ComponentResourceOptions.builder().build())).join();
    }

    static PropertyValue cluster(String name, String network) {
        var cluster = new LinkedHashMap<String, PropertyValue>();
        cluster.put("clusterName", PropertyValue.of(name));
        cluster.put("network", PropertyValue.of(network));
        cluster.put("meshId", PropertyValue.of("mesh1"));
        cluster.put("context", PropertyValue.of(name));
        cluster.put("istioVersion", PropertyValue.of("1.30.3"));
        cluster.put("gateway", PropertyValue.of(Map.of("port", PropertyValue.of(15443))));
        cluster.put("certificates", PropertyValue.of(CERTIFICATES));
        return PropertyValue.of(cluster);
    }

    /** cluster2 as a remote of cluster1, through the Java API. */
    private static void javaRemote() {
        new io.istiomc.components.RemoteCluster("cluster2", io.istiomc.components.RemoteClusterArgs.builder()
                .cluster(javaCluster("cluster2", "network2"))
                .primaryClusterName("cluster1").remotePilotAddress("192.0.2.10")
                .multiNetwork(true).build());
    }

    private static ClusterArgs javaCluster(String name, String network) {
        return ClusterArgs.builder().clusterName(name).network(network).meshId("mesh1").context(name)
                .charts(new IstioCharts("1.30.3", IstioCharts.OFFICIAL_REPOSITORY))
                .gateway(EastWestGatewayArgs.builder().port(15443).build())
                .certificates(new CaBundle(Output.of("CA CERT"), Output.ofSecret("CA KEY"), Output.of("ROOT CERT"),
                        Output.of("CHAIN")))
                .build();
    }

    private static List<Registration> registrations(Runnable program) {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> program.run()).throwOnError();
        PulumiTest.cleanup();
        var sorted = new ArrayList<>(mocks.registrations());
        sorted.sort(Comparator.comparing(Registration::type).thenComparing(Registration::name));
        return sorted;
    }

    private static void assertSameRegistrations(List<Registration> viaJava, List<Registration> viaConstruct) {
        assertTrue(viaJava.size() > 5, "the Java API registered " + viaJava.size() + " resources");
        assertEquals(viaJava.stream().map(r -> r.type() + " " + r.name()).toList(),
                viaConstruct.stream().map(r -> r.type() + " " + r.name()).toList());
        for (int i = 0; i < viaJava.size(); i++) {
            assertEquals(viaJava.get(i), viaConstruct.get(i), viaJava.get(i).name());
        }
    }
}
