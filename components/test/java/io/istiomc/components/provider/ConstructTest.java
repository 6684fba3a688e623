package io.istiomc.components.provider;

import io.istiomc.components.RegisteredNames;
import com.pulumi.core.Output;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import io.istiomc.components.CaBundle;
import io.istiomc.components.ClusterArgs;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.components.IstioCharts;
import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.components.simulation.SimulatedClusters.Registration;
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
                        .clusterNames(List.of("cluster1", "cluster2"))
                        .settings(io.istiomc.components.CaSettingsArgs.builder().rsaBits(2048).protectRootKey(true).build()).build(), null));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("MeshCertificateAuthority", "ca", Map.of(
                "clusterNames", PropertyValue.of(List.of(PropertyValue.of("cluster1"), PropertyValue.of("cluster2"))),
                "settings", PropertyValue.of(Map.of("rsaBits", PropertyValue.of(2048),
                        "protectRootKey", PropertyValue.of(true)))))));
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
                io.istiomc.components.PrimaryClusterArgs.builder().cluster(javaCluster("cluster1", "network1")).servesRemotes(true).multiNetwork(true).build(), null));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("PrimaryCluster", "cluster1", Map.of(
                "cluster", cluster("cluster1", "network1"),
                "servesRemotes", PropertyValue.of(true),
                "multiNetwork", PropertyValue.of(true)))));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertEquals(SimulatedClusters.simulatedAddress(0), known(state.get("gatewayAddress")).getStringValue());
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
                "remotePilotAddress", PropertyValue.of("192.0.2.10")))));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertTrue(isSecret(state.get("readerToken")));
        assertTrue(isSecret(state.get("apiServerCaData")));
        assertEquals(SimulatedClusters.simulatedToken("cluster2"), known(state.get("readerToken")).getStringValue());
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
                "remotePilotAddress", PropertyValue.ofSecret(outputOf(PropertyValue.of("192.0.2.10"), PRIMARY_URN)))));
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
                "remotePilotAddress", outputOf(null, PRIMARY_URN))));
        assertEquals(viaJava.stream().map(r -> r.type() + " " + r.name()).toList(),
                viaConstruct.stream().map(r -> r.type() + " " + r.name()).toList());
        var istiod = viaConstruct.stream().filter(r -> r.name().equals("cluster2-istiod")).findFirst().orElseThrow();
        assertFalse(istiod.inputs().get("values") instanceof Map<?, ?> values
                && values.toString().contains("remotePilotAddress=null"), istiod.inputs().toString());
    }

    @Test
    @DisplayName("PrimaryCluster: the topology flags (watched, one network, serving no remotes) register what the Java API"
            + " does; the reader outputs are exported, secret, and there is no gateway to export")
    void watchedPrimary() {
        var viaJava = registrations(() -> new io.istiomc.components.PrimaryCluster("cluster1",
                io.istiomc.components.PrimaryClusterArgs.builder().cluster(javaCluster("cluster1", "network1"))
                        .watched(true).build(), null));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("PrimaryCluster", "cluster1", Map.of(
                "cluster", cluster("cluster1", "network1"),
                "watched", PropertyValue.of(true)))));
        assertSameRegistrations(viaJava, viaConstruct);
        assertFalse(viaJava.stream().anyMatch(r -> r.name().contains("eastwest")), "one network, no remotes: no gateway");

        var state = response.get().getState();
        assertTrue(isSecret(state.get("readerToken")));
        assertTrue(isSecret(state.get("apiServerCaData")));
        assertEquals(SimulatedClusters.simulatedToken("cluster1"), known(state.get("readerToken")).getStringValue());
        assertEquals("1", known(state.get("istiodRevision")).getStringValue());
        assertTrue(state.get("gatewayAddress") == null || known(state.get("gatewayAddress")).isNull(), String.valueOf(state.get("gatewayAddress")));
    }

    @Test
    @DisplayName("Mesh: construct from the topology as values registers what the Java Mesh does for the same args, and"
            + " exports its outputs by cluster name")
    void mesh() {
        var viaJava = registrations(() -> new io.istiomc.components.Mesh("mesh", javaMeshArgs(), null));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("Mesh", "mesh", meshInputs())));
        assertSameRegistrations(viaJava, viaConstruct);

        var state = response.get().getState();
        assertEquals("urn:pulumi:stack::project::pulumi:pulumi:Stack$istio-multicluster:index:Mesh::mesh", response.get().getUrn());
        assertEquals(List.of("cluster1", "cluster2"), known(state.get("gatewayAddresses")).getObjectValue().keySet().stream()
                .sorted().toList());
        assertEquals(known(state.get("gatewayAddresses")).getObjectValue().get("cluster1"),
                known(state.get("remotePilotAddresses")).getObjectValue().get("cluster2"));
        assertTrue(known(state.get("meshNetworks")).getStringValue().contains("network2"));
        assertEquals(List.of(PropertyValue.of("istio-remote-secret-cluster2")),
                known(state.get("remoteSecrets")).getObjectValue().get("cluster1").getArrayValue());
        assertEquals("kubectl exec --context=cluster2 -n sample -c curl deploy/curl -- curl -sS helloworld.sample:5000/hello",
                known(state.get("verifyCommands")).getObjectValue().get("cluster2").getStringValue());
    }

    @Test
    @DisplayName("Mesh: construct with two revisions and a named default registers what the Java Mesh does (both istiods,"
            + " the default tag in each cluster), and exports each cluster's revisions and tags")
    void meshWithRevisions() {
        var javaArgs = javaMeshArgs().toBuilder()
                .istio(io.istiomc.components.IstioArgs.builder()
                        .revisions(List.of(io.istiomc.components.RevisionArgs.of("default", "1.30.3"),
                                io.istiomc.components.RevisionArgs.of("canary", "1.30.3")))
                        .defaultRevision("canary").build())
                .build();
        var viaJava = registrations(() -> new io.istiomc.components.Mesh("mesh", javaArgs, null));
        var inputs = new LinkedHashMap<>(meshInputs());
        inputs.put("istio", PropertyValue.of(Map.of(
                "revisions", PropertyValue.of(List.of(
                        PropertyValue.of(Map.of("name", PropertyValue.of("default"), "version", PropertyValue.of("1.30.3"))),
                        PropertyValue.of(Map.of("name", PropertyValue.of("canary"), "version", PropertyValue.of("1.30.3"))))),
                "defaultRevision", PropertyValue.of("canary"))));
        var response = new AtomicReference<ConstructResponse>();
        var viaConstruct = registrations(() -> response.set(construct("Mesh", "mesh", inputs)));
        assertSameRegistrations(viaJava, viaConstruct);
        var names = viaConstruct.stream().map(r -> r.type() + " " + r.name()).toList();
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertTrue(names.contains(RegisteredNames.RELEASE + " " + cluster + "-istiod"), names.toString());
            assertTrue(names.contains(RegisteredNames.RELEASE + " " + cluster + "-istiod-canary"), names.toString());
            assertTrue(names.contains(RegisteredNames.MUTATING_WEBHOOK_CONFIGURATION + " "
                    + io.istiomc.components.Mesh.tagName("mesh", cluster)), names.toString());
        }

        var state = response.get().getState();
        var revisions = known(state.get("revisions")).getObjectValue();
        assertEquals(List.of(PropertyValue.of("default"), PropertyValue.of("canary")), revisions.get("cluster2").getArrayValue());
        assertEquals(PropertyValue.of("canary"), known(state.get("revisionTags")).getObjectValue().get("cluster1")
                .getObjectValue().get("default"));
    }

    @Test
    @DisplayName("Mesh: bad topology values are refused naming the args' own properties, before anything is registered")
    void meshRefusals() {
        var inputs = new LinkedHashMap<>(meshInputs());
        var remote = new LinkedHashMap<>(inputs.get("clusters").getArrayValue().get(1).getObjectValue());
        remote.remove("apiServer");
        remote.put("controlPlane", PropertyValue.of("cluster3"));
        inputs.put("clusters", PropertyValue.of(List.of(inputs.get("clusters").getArrayValue().get(0), PropertyValue.of(remote))));
        assertEquals("MeshArgs: 'clusters[1].controlPlane' names 'cluster3', which is not a cluster of this mesh; name a"
                + " primary (cluster1)\nMeshArgs: 'clusters[1].apiServer' is required where a primary watches the cluster;"
                + " set the https URL at which its primaries reach this API server", refusal("Mesh", "mesh", inputs));
    }

    /** The dev mesh as a program in another language passes it: cluster1 primary on network1, cluster2 its remote on network2. */
    static Map<String, PropertyValue> meshInputs() {
        var primary = Map.of("name", PropertyValue.of("cluster1"), "role", PropertyValue.of("primary"),
                "network", PropertyValue.of("network1"), "context", PropertyValue.of("cluster1"));
        var remote = Map.of("name", PropertyValue.of("cluster2"), "role", PropertyValue.of("remote"),
                "network", PropertyValue.of("network2"), "context", PropertyValue.of("cluster2"),
                "apiServer", PropertyValue.of("https://cluster2.example:6443"));
        return Map.of("meshId", PropertyValue.of("mesh1"),
                "istio", PropertyValue.of(Map.of("version", PropertyValue.of("1.30.3"))),
                "clusters", PropertyValue.of(List.of(PropertyValue.of(primary), PropertyValue.of(remote))),
                "ca", PropertyValue.of(Map.of("rsaBits", PropertyValue.of(2048))),
                "samples", PropertyValue.of(Map.of("enabled", PropertyValue.of(true))));
    }

    private static io.istiomc.components.MeshArgs javaMeshArgs() {
        return io.istiomc.components.MeshArgs.builder().meshId("mesh1")
                .istio(io.istiomc.components.IstioArgs.builder().version("1.30.3").build())
                .cluster(io.istiomc.components.MeshClusterArgs.builder().name("cluster1").role("primary").network("network1")
                        .context("cluster1").build())
                .cluster(io.istiomc.components.MeshClusterArgs.builder().name("cluster2").role("remote").network("network2")
                        .context("cluster2").apiServer("https://cluster2.example:6443").build())
                .ca(io.istiomc.components.CaSettingsArgs.builder().rsaBits(2048).build())
                .samples(io.istiomc.components.SamplesArgs.of(true, null))
                .build();
    }

    private static String refusal(String component, String name, Map<String, PropertyValue> inputs) {
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
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

    @Test
    @DisplayName("values (a JSON string: the SDK cannot deserialize a map input) and the typed settings reach the releases"
            + " under the mesh's own values")
    void valuesReachTheReleases() {
        var cluster = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        cluster.put("releaseSettings", PropertyValue.of(Map.of(
                "values", PropertyValue.of("{\"istiod\": {\"replicaCount\": 2, \"pdb\": {\"minAvailable\": 1}},"
                        + " \"gateway\": {\"replicaCount\": 3}}"),
                "hub", PropertyValue.of("mirror.example.com/istio"),
                "imagePullSecrets", PropertyValue.of(List.of(PropertyValue.of("mirror-pull"))))));
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
        PulumiTest.withMocks(mocks).runTest(ctx ->
                construct("PrimaryCluster", "cluster1", Map.of("cluster", PropertyValue.of(cluster),
                        "multiNetwork", PropertyValue.of(true)))).throwOnError();
        var istiod = mocks.registration(RegisteredNames.RELEASE, "cluster1-istiod").map("values");
        assertEquals(2, ((Number) istiod.get("replicaCount")).intValue());
        assertEquals(1, ((Number) ((Map<?, ?>) istiod.get("pdb")).get("minAvailable")).intValue());
        var global = (Map<?, ?>) istiod.get("global");
        assertEquals("mirror.example.com/istio", global.get("hub"));
        assertEquals(List.of("mirror-pull"), global.get("imagePullSecrets"));
        assertEquals("mesh1", global.get("meshID"));
        var gateway = mocks.registration(RegisteredNames.RELEASE, "cluster1-eastwestgateway").map("values");
        assertEquals(3, ((Number) gateway.get("replicaCount")).intValue());
        assertEquals(List.of(Map.of("name", "mirror-pull")), gateway.get("imagePullSecrets"));
        assertEquals("network1", gateway.get("networkGateway"));
    }

    @Test
    @DisplayName("the kubeconfig and CA key reach the engine as secrets, even when passed as plain values")
    void kubeconfigAndKeyStaySecret() {
        var cluster = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        cluster.put("kubeconfig", PropertyValue.of("apiVersion: v1\nkind: Config\n"));
        var certificates = new LinkedHashMap<>(CERTIFICATES);
        certificates.put("caKeyPem", PropertyValue.of("CA KEY"));
        cluster.put("certificates", PropertyValue.of(certificates));
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
        PulumiTest.withMocks(mocks).runTest(ctx ->
                construct("PrimaryCluster", "cluster1", Map.of("cluster", PropertyValue.of(cluster)))).throwOnError();
        assertEquals("apiVersion: v1\nkind: Config\n",
                mocks.registration(RegisteredNames.K8S_PROVIDER, "cluster1-k8s").inputs().get("kubeconfig"));
        // The simulation sees values, not secrecy: what the component is handed must itself be secret.
        var secrets = new AtomicReference<List<Boolean>>();
        PulumiTest.withMocks(new SimulatedClusters(List.of("cluster1", "cluster2"))).runTest(ctx -> {
            var args = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of("cluster", PropertyValue.of(cluster))),
                    io.istiomc.components.PrimaryClusterArgs.class).cluster();
            secrets.set(List.of(isSecret(args.certificates().caKeyPem()), isSecret(args.kubeconfig().orElseThrow()),
                    isSecret(args.certificates().caCertPem())));
        }).throwOnError();
        assertEquals(List.of(true, true, false), secrets.get());
    }

    @Test
    @DisplayName("a type the package does not serve (the Java-only MeshLink), and a bad value, are refused naming what is wrong")
    void refusals() {
        var unknown = new AtomicReference<Throwable>();
        PulumiTest.withMocks(new SimulatedClusters(List.of("cluster1", "cluster2"))).runTest(ctx -> {
            try {
                construct("MeshLink", "x", Map.of());
            } catch (RuntimeException e) {
                unknown.set(e);
            }
        });
        assertTrue(unknown.get().getMessage().contains(io.istiomc.components.MeshLink.TYPE), unknown.get().getMessage());

        var gateway = new LinkedHashMap<>(cluster("cluster1", "network1").getObjectValue());
        gateway.put("gateway", PropertyValue.of(Map.of("serviceType", PropertyValue.of("ClusterIP"))));
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
        var bad = new AtomicReference<Throwable>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            try {
                construct("PrimaryCluster", "cluster1", Map.of("cluster", PropertyValue.of(gateway)));
            } catch (RuntimeException e) {
                bad.set(e);
            }
        });
        assertEquals("PrimaryClusterArgs: 'cluster.gateway.serviceType' must be 'LoadBalancer' or 'NodePort' (got 'ClusterIP')",
                rootCause(bad.get()).getMessage());
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
        cluster.put("istio", PropertyValue.of(Map.of("version", PropertyValue.of("1.30.3"))));
        cluster.put("gateway", PropertyValue.of(Map.of("port", PropertyValue.of(15443))));
        cluster.put("certificates", PropertyValue.of(CERTIFICATES));
        return PropertyValue.of(cluster);
    }

    /** cluster2 as a remote of cluster1, through the Java API. */
    private static void javaRemote() {
        new io.istiomc.components.RemoteCluster("cluster2", io.istiomc.components.RemoteClusterArgs.builder()
                .cluster(javaCluster("cluster2", "network2"))
                .primaryClusterName("cluster1").remotePilotAddress("192.0.2.10")
                .multiNetwork(true).build(), null);
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
        var mocks = new SimulatedClusters(List.of("cluster1", "cluster2"));
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
