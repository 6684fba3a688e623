package io.istiomc.safety;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.PlanGraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.Topologies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.istiomc.safety.SafetyFixture.CONFIG_MAP_PATCH;
import static io.istiomc.safety.SafetyFixture.NAMESPACE;
import static io.istiomc.safety.SafetyFixture.RELEASE;
import static io.istiomc.safety.SafetyFixture.SECRET;
import static io.istiomc.safety.SafetyFixture.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every topology of Istio's multicluster guides, and a mix of them, planned by the real
 * program. For each, what is installed where, and the exact set of dependencies between clusters
 * (which remote secret in which primary, which gateway feeds which remotePilotAddress and which
 * meshNetworks), and the order in which {@code pulumi destroy} takes it down.
 */
class TopologiesTest {
    private static final String GATEWAY = RegisteredNames.GATEWAY;
    private static final String VIRTUAL_SERVICE = RegisteredNames.VIRTUAL_SERVICE;
    private static final String MESH_LINK = io.istiomc.components.MeshLink.TYPE;
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Plan> PLANS = new HashMap<>();

    @BeforeAll
    static void planEveryTopology() {
        Topologies.ALL.forEach(t -> PLANS.put(t, Topologies.plan(t)));
    }

    static List<String> topologies() {
        return Topologies.ALL;
    }

    // --- what is installed where: literal expectations per topology ---

    @Test
    @DisplayName("east-west gateways exist only where the topology needs them; a single-network multi-primary mesh has none")
    void gatewaysOnlyWhereNeeded() {
        assertEquals(Map.of(
                        Topologies.PRIMARY_REMOTE, Set.of("cluster1"),
                        Topologies.PRIMARY_REMOTE_MULTINETWORK, Set.of("cluster1", "cluster2"),
                        Topologies.MULTI_PRIMARY, Set.of(),
                        Topologies.MULTI_PRIMARY_MULTINETWORK, Set.of("cluster1", "cluster2"),
                        Topologies.MIXED, Set.of("east", "east-a", "east-b", "west", "west-a", "west-b")),
                byTopology(plan -> clustersWith(plan, r -> r.type().equals(SERVICE) && r.name().endsWith("-eastwestgateway"))));
        // the gateway release goes with its Service, nowhere else
        assertEquals(byTopology(plan -> clustersWith(plan, r -> r.type().equals(SERVICE) && r.name().endsWith("-eastwestgateway"))),
                byTopology(plan -> clustersWith(plan, r -> r.type().equals(RELEASE) && r.name().endsWith("-eastwestgateway"))));
    }

    @Test
    @DisplayName("the cross-network Gateway is in every primary of a multi-network mesh; istiod is exposed only by primaries with remotes")
    void istioGatewaysOnlyWhereNeeded() {
        assertEquals(Map.of(
                        Topologies.PRIMARY_REMOTE, Set.of(),
                        Topologies.PRIMARY_REMOTE_MULTINETWORK, Set.of("cluster1"),
                        Topologies.MULTI_PRIMARY, Set.of(),
                        Topologies.MULTI_PRIMARY_MULTINETWORK, Set.of("cluster1", "cluster2"),
                        Topologies.MIXED, Set.of("east", "west")),
                byTopology(plan -> clustersWith(plan, r -> r.type().equals(GATEWAY) && r.name().endsWith("-cross-network-gateway"))));
        var exposingIstiod = Map.of(
                Topologies.PRIMARY_REMOTE, Set.of("cluster1"),
                Topologies.PRIMARY_REMOTE_MULTINETWORK, Set.of("cluster1"),
                Topologies.MULTI_PRIMARY, Set.<String>of(),
                Topologies.MULTI_PRIMARY_MULTINETWORK, Set.<String>of(),
                Topologies.MIXED, Set.of("east", "west"));
        assertEquals(exposingIstiod, byTopology(plan -> clustersWith(plan, r -> r.type().equals(GATEWAY) && r.name().endsWith("-istiod-gateway"))));
        assertEquals(exposingIstiod, byTopology(plan -> clustersWith(plan, r -> r.type().equals(VIRTUAL_SERVICE))));
        // and those primaries, only, run istiod as the external istiod of their remotes
        assertEquals(exposingIstiod, byTopology(plan -> clustersWith(plan, r -> r.type().equals(RELEASE)
                && Boolean.TRUE.equals(r.input("values.global.externalIstiod").orElse(null)))));
    }

    @Test
    @DisplayName("reader access (the charts' reader account and its token) exists exactly in the clusters some primary watches")
    void readerAccessOnlyWhereWatched() {
        var watched = Map.of(
                Topologies.PRIMARY_REMOTE, Set.of("cluster2"),
                Topologies.PRIMARY_REMOTE_MULTINETWORK, Set.of("cluster2"),
                Topologies.MULTI_PRIMARY, Set.of("cluster1", "cluster2"),
                Topologies.MULTI_PRIMARY_MULTINETWORK, Set.of("cluster1", "cluster2"),
                Topologies.MIXED, Set.of("east", "east-a", "east-b", "west", "west-a", "west-b"));
        assertEquals(watched, byTopology(plan -> clustersWith(plan, r -> r.type().equals(SECRET)
                && "kubernetes.io/service-account-token".equals(r.input("type").orElse(null)))));
        assertEquals(watched, byTopology(plan -> clustersWith(plan, r -> r.type().equals(RELEASE)
                && "istio-base".equals(r.input("name").orElse(null))
                && Boolean.TRUE.equals(r.input("values.global.enableReaderRBAC").orElse(null)))));
    }

    @Test
    @DisplayName("every primary holds a remote secret for every other cluster of the mesh, with tls-server-name where set")
    void remoteSecretsInEveryPrimary() throws Exception {
        assertEquals(Map.of(
                        Topologies.PRIMARY_REMOTE, Set.of("cluster1 <- cluster2"),
                        Topologies.PRIMARY_REMOTE_MULTINETWORK, Set.of("cluster1 <- cluster2"),
                        Topologies.MULTI_PRIMARY, Set.of("cluster1 <- cluster2", "cluster2 <- cluster1"),
                        Topologies.MULTI_PRIMARY_MULTINETWORK, Set.of("cluster1 <- cluster2", "cluster2 <- cluster1"),
                        Topologies.MIXED, Set.of(
                                "east <- east-a", "east <- east-b", "east <- west", "east <- west-a", "east <- west-b",
                                "west <- east", "west <- east-a", "west <- east-b", "west <- west-a", "west <- west-b")),
                byTopology(plan -> {
                    var pairs = new TreeSet<String>();
                    for (var secret : remoteSecrets(plan)) {
                        pairs.add(plan.clusterOf(secret).orElseThrow() + " <- " + watchedBy(secret));
                    }
                    return pairs;
                }));
        // the kubeconfig names the watched cluster's API server, and its tls-server-name where the config sets one
        var mixed = PLANS.get(Topologies.MIXED);
        for (var secret : remoteSecrets(mixed)) {
            var watched = watchedBy(secret);
            var kubeconfig = YAML.readTree((String) secret.input("stringData." + watched).orElseThrow());
            var cluster = kubeconfig.path("clusters").get(0).path("cluster");
            assertEquals(mixed.apiServers().get(watched).url(), cluster.path("server").asText());
            assertEquals(watched.equals("west") ? Topologies.WEST_TLS_SERVER_NAME : null,
                    cluster.path("tls-server-name").isMissingNode() ? null : cluster.path("tls-server-name").asText(), secret.name());
            assertEquals(watched.equals("west") ? "https://203.0.113.50:6443" : "https://api." + watched + ".example:6443",
                    cluster.path("server").asText());
            assertTrue(secret.isSecret("stringData"), secret.name());
        }
    }

    @Test
    @DisplayName("with one primary, the link's objects keep their former names through aliases; with several, none is aliased")
    void onePrimaryKeepsFormerNames() {
        // GIVEN one primary: its remote secret and meshNetworks patch, named after the primary, say their former names
        var onePrimary = PLANS.get(Topologies.PRIMARY_REMOTE_MULTINETWORK);
        assertEquals(List.of("mesh-link-istio-remote-secret-cluster2"),
                onePrimary.resource(SECRET, "mesh-link-cluster1-istio-remote-secret-cluster2").formerNames());
        assertEquals(List.of("mesh-link-mesh-networks"), onePrimary.resource(CONFIG_MAP_PATCH, "mesh-link-cluster1-mesh-networks").formerNames());
        // AND with two primaries, the former names would collide: nothing is aliased
        var twoPrimaries = PLANS.get(Topologies.MULTI_PRIMARY_MULTINETWORK);
        assertEquals(List.of(), twoPrimaries.resources(r -> !r.formerNames().isEmpty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    @DisplayName("each remote gets its control plane's gateway address as remotePilotAddress, and names it as control plane")
    void remotesUseTheirControlPlane(String topology) {
        var plan = PLANS.get(topology);
        for (var remote : plan.topology().remotes()) {
            var controlPlane = plan.topology().controlPlaneOf(remote).orElseThrow();
            var istiod = plan.resource(RELEASE, remote.name() + "-istiod");
            assertEquals(plan.gatewayAddress(controlPlane).orElseThrow().value(),
                    istiod.input("values.global.remotePilotAddress").orElseThrow(), remote.name());
            assertEquals("remote", istiod.input("values.profile").orElseThrow());
            var namespace = plan.resource(NAMESPACE, remote.name() + "-istio-system");
            assertEquals(controlPlane, ((Map<?, ?>) namespace.input("metadata.annotations").orElseThrow())
                    .get("topology.istio.io/controlPlaneClusters"));
        }
        // every primary runs istiod with meshID, clusterName and network
        for (var primary : plan.topology().primaries()) {
            var istiod = plan.resource(RELEASE, primary.name() + "-istiod");
            assertEquals(plan.mesh().meshId(), istiod.input("values.global.meshID").orElseThrow());
            assertEquals(primary.name(), istiod.input("values.global.multiCluster.clusterName").orElseThrow());
            assertEquals(primary.network(), istiod.input("values.global.network").orElseThrow());
        }
    }

    @Test
    @DisplayName("in the mixed mesh, remotePilotAddress is east's gateway for east's remotes and west's for west's")
    void mixedRemotesPointAtTheirOwnPrimary() {
        var plan = PLANS.get(Topologies.MIXED);
        var east = plan.gatewayAddress("east").orElseThrow().value();
        var west = plan.gatewayAddress("west").orElseThrow().value();
        assertFalse(east.equals(west));
        assertEquals(Map.of("east-a", east, "east-b", east, "west-a", west, "west-b", west),
                plan.outputs().get("remotePilotAddresses"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    @DisplayName("meshNetworks exists only across networks: the same document in every primary, each network with its registries and gateways")
    void meshNetworksOnlyAcrossNetworks(String topology) throws Exception {
        var plan = PLANS.get(topology);
        var config = plan.topology();
        var patches = plan.resources(r -> r.type().equals(CONFIG_MAP_PATCH));
        if (!config.multiNetwork()) {
            // Istio's single-network guides configure no meshNetworks
            assertEquals(List.of(), patches);
            assertFalse(plan.outputs().containsKey("meshNetworks"));
            return;
        }
        assertEquals(config.primaries().stream().map(io.istiomc.components.MeshClusterArgs::name).sorted().toList(),
                patches.stream().map(p -> plan.clusterOf(p).orElseThrow()).sorted().toList());
        var documents = patches.stream().map(p -> p.input("data.meshNetworks").orElseThrow()).distinct().toList();
        assertEquals(List.of(plan.outputs().get("meshNetworks")), documents);
        JsonNode networks = YAML.readTree((String) documents.get(0)).path("networks");
        var expected = new TreeMap<String, List<String>>();
        for (var cluster : config.clusters()) {
            expected.computeIfAbsent(cluster.network(), n -> new ArrayList<>()).add(cluster.name() + "@"
                    + plan.gatewayAddress(cluster.name()).orElseThrow().value() + ":15443");
        }
        var actual = new TreeMap<String, List<String>>();
        networks.fields().forEachRemaining(e -> {
            var members = new ArrayList<String>();
            for (int i = 0; i < e.getValue().path("endpoints").size(); i++) {
                var gateway = e.getValue().path("gateways").get(i);
                members.add(e.getValue().path("endpoints").get(i).path("fromRegistry").asText() + "@"
                        + gateway.path("address").asText() + ":" + gateway.path("port").asInt());
            }
            actual.put(e.getKey(), members);
        });
        assertEquals(expected, actual);
    }

    @Test
    @DisplayName("helloworld v1 runs in the first primary, v2 in every other cluster, curl everywhere")
    void samplesPlacement() {
        var plan = PLANS.get(Topologies.MIXED);
        var helloworld = new TreeMap<String, String>();
        for (var deployment : plan.resources(r -> r.type().equals(RegisteredNames.DEPLOYMENT) && r.name().contains("-helloworld-"))) {
            helloworld.put(plan.clusterOf(deployment).orElseThrow(), deployment.name().substring(deployment.name().lastIndexOf('-') + 1));
        }
        assertEquals(Map.of("east", "v1", "east-a", "v2", "east-b", "v2", "west", "v2", "west-a", "v2", "west-b", "v2"), helloworld);
        assertEquals(Set.of("east", "east-a", "east-b", "west", "west-a", "west-b"),
                clustersWith(plan, r -> r.type().equals(RegisteredNames.DEPLOYMENT) && r.name().endsWith("-curl-deployment")));
    }

    // --- the exact dependencies between clusters, and the teardown order ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    @DisplayName("the dependencies between clusters are exactly those the topology calls for")
    void crossClusterDependenciesAreExact(String topology) {
        var plan = PLANS.get(topology);
        var graph = new PlanGraph(plan);
        var actual = new TreeSet<String>();
        graph.crossClusterEdges().forEach(e -> actual.add(e.toString()));
        assertEquals(expectedCrossClusterEdges(plan), actual);
    }

    @Test
    @DisplayName("the cross-cluster dependencies of each topology, counted: the rules above are not vacuous")
    void crossClusterDependencyCounts() {
        // primary-remote: remote istiod and base -> 4 exposure parts of the primary each; remote istiod -> the
        // primary's istiod; remote secret -> token; samples namespace -> 1 link child
        // primary-remote multi-network: + meshNetworks -> the remote's gateway Service; the remote's gateway release ->
        // its remote secret; samples -> 2 link children
        // multi-primary: two remote secrets; multi-network: + two meshNetworks patches -> the other's gateway
        // mixed: 4 remotes x (2 releases x 4 exposure parts + their primary's istiod), 4 remote gateways -> their remote secrets, 10 remote secrets,
        // 2 patches x 5 other clusters (+3 exposure parts of the other primary), 4 remote sample namespaces x 12 link children
        assertEquals(Map.of(
                        Topologies.PRIMARY_REMOTE, 11,
                        Topologies.PRIMARY_REMOTE_MULTINETWORK, 14,
                        Topologies.MULTI_PRIMARY, 2,
                        Topologies.MULTI_PRIMARY_MULTINETWORK, 4,
                        Topologies.MIXED, 32 + 4 + 4 + 10 + 2 * (5 + 3) + 4 * 12),
                byTopology(plan -> new PlanGraph(plan).crossClusterEdges().size()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    @DisplayName("destroy deletes each cross-cluster dependent first, Istio objects before their releases, and namespaces last")
    void destroyOrder(String topology) {
        var plan = PLANS.get(topology);
        var graph = new PlanGraph(plan);
        var order = graph.deletionOrder();
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        var wrong = new ArrayList<String>();
        for (var edge : graph.crossClusterEdges()) {
            if (index.get(edge.dependent().urn()) > index.get(edge.dependency().urn())) {
                wrong.add("cross-cluster: " + edge);
            }
        }
        for (var object : plan.resources(r -> r.isKubernetes() && r.custom() && !r.type().equals(NAMESPACE))) {
            var cluster = plan.clusterOf(object).orElseThrow();
            var namespaceName = object.type().equals(RELEASE) ? object.input("namespace") : object.input("metadata.namespace");
            if (namespaceName.isEmpty()) {
                continue;
            }
            var namespace = plan.resources(r -> r.type().equals(NAMESPACE) && namespaceName.get().equals(r.input("metadata.name").orElse(null))
                    && plan.clusterOf(r).filter(cluster::equals).isPresent());
            if (namespace.size() != 1 || !graph.deletedBefore(object, namespace.get(0))
                    || index.get(object.urn()) > index.get(namespace.get(0).urn())) {
                wrong.add("namespace: " + cluster + " " + object.name());
            }
            boolean needsIstio = object.type().startsWith("kubernetes:networking.istio.io/") || object.type().equals(CONFIG_MAP_PATCH)
                    || object.name().contains("istio-remote-secret-");
            if (needsIstio) {
                var istiod = plan.resource(RELEASE, cluster + "-istiod");
                if (index.get(object.urn()) > index.get(istiod.urn())) {
                    wrong.add("release: " + cluster + " " + object.name());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The cross-cluster dependencies a topology calls for, from the topology's rules: a remote's
     * istiod and base wait until its primary's istiod is reachable through that primary's gateway;
     * across networks, a remote's gateway pods wait for its primary's remote secret for it; a remote
     * secret waits for the watched cluster's reader token; across networks, each primary's
     * meshNetworks waits for every other cluster's gateway address; a remote's samples wait for
     * the link.
     */
    private static Set<String> expectedCrossClusterEdges(Plan plan) {
        var config = plan.topology();
        var edges = new TreeSet<String>();
        for (var remote : config.remotes()) {
            var primary = config.controlPlaneOf(remote).orElseThrow();
            for (var exposure : istiodExposure(primary)) {
                // istiod: remotePilotAddress; base: its default validation webhook names the gateway when it is a DNS name
                edges.add(edge(remote.name(), RELEASE, remote.name() + "-istiod", primary, exposure));
                edges.add(edge(remote.name(), RELEASE, remote.name() + "-base", primary, exposure));
            }
            // the remote's istiod follows its primary's by an explicit dependency: primaries upgrade first
            edges.add(edge(remote.name(), RELEASE, remote.name() + "-istiod", primary, new String[]{RELEASE, primary + "-istiod"}));
            if (config.multiNetwork()) {
                // the remote's gateway pods become ready once its primary holds its remote secret
                edges.add(edge(remote.name(), RELEASE, remote.name() + "-eastwestgateway", primary,
                        new String[]{SECRET, "mesh-link-" + primary + "-istio-remote-secret-" + remote.name()}));
            }
        }
        for (var primary : config.primaries()) {
            for (var cluster : config.clusters()) {
                if (cluster.name().equals(primary.name())) {
                    continue;
                }
                edges.add(edge(primary.name(), SECRET, "mesh-link-" + primary.name() + "-istio-remote-secret-" + cluster.name(),
                        cluster.name(), new String[]{SECRET, cluster.name() + "-reader-token"}));
                if (config.multiNetwork()) {
                    var patch = "mesh-link-" + primary.name() + "-mesh-networks";
                    var servesRemotes = config.servesRemotes(cluster);
                    for (var part : servesRemotes ? istiodExposure(cluster.name())
                            : List.<String[]>of(new String[]{SERVICE, cluster.name() + "-eastwestgateway"})) {
                        edges.add(edge(primary.name(), CONFIG_MAP_PATCH, patch, cluster.name(), part));
                    }
                }
            }
        }
        var link = plan.resources(r -> r.type().equals(MESH_LINK)).get(0);
        var linkChildren = plan.resources(r -> r.custom() && r.parentUrn().equals(link.urn()));
        for (var remote : config.remotes()) {
            for (var child : linkChildren) {
                edges.add(edge(remote.name(), NAMESPACE, "samples-" + remote.name() + "-namespace",
                        plan.clusterOf(child).orElseThrow(), new String[]{child.type(), child.name()}));
            }
        }
        return edges;
    }

    /** What makes a primary's istiod reachable for remotes: its gateway's Service and pods, and the routes to istiod. */
    private static List<String[]> istiodExposure(String primary) {
        return List.of(new String[]{SERVICE, primary + "-eastwestgateway"}, new String[]{RELEASE, primary + "-eastwestgateway"},
                new String[]{GATEWAY, primary + "-istiod-gateway"}, new String[]{VIRTUAL_SERVICE, primary + "-istiod-vs"});
    }

    private static String edge(String fromCluster, String type, String name, String toCluster, String[] dependency) {
        return fromCluster + "/" + type + "::" + name + " -> " + toCluster + "/" + dependency[0] + "::" + dependency[1];
    }

    private static List<RecordedResource> remoteSecrets(Plan plan) {
        return plan.resources(r -> r.type().equals(SECRET)
                && r.input("metadata.labels").map(l -> ((Map<?, ?>) l).containsKey("istio/multiCluster")).orElse(false));
    }

    private static String watchedBy(RecordedResource secret) {
        return String.valueOf(((Map<?, ?>) secret.input("metadata.annotations").orElseThrow()).get("networking.istio.io/cluster"));
    }

    private static Set<String> clustersWith(Plan plan, java.util.function.Predicate<RecordedResource> filter) {
        var clusters = new TreeSet<String>();
        plan.resources(filter).forEach(r -> clusters.add(plan.clusterOf(r).orElseThrow()));
        return clusters;
    }

    private static <T> Map<String, T> byTopology(java.util.function.Function<Plan, T> property) {
        var result = new TreeMap<String, T>();
        PLANS.forEach((topology, plan) -> result.put(topology, property.apply(plan)));
        return result;
    }
}
