package io.istiomc.safety;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.PlanGraph;

import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.CONFIG_MAP_PATCH;
import static io.istiomc.safety.SafetyFixture.ISTIO_CR_PREFIX;
import static io.istiomc.safety.SafetyFixture.MESH_LINK;
import static io.istiomc.safety.SafetyFixture.NAMESPACE;
import static io.istiomc.safety.SafetyFixture.RELEASE;
import static io.istiomc.safety.SafetyFixture.SAMPLE_APPS;
import static io.istiomc.safety.SafetyFixture.SECRET;
import static io.istiomc.safety.SafetyFixture.SERVICE;
import static io.istiomc.safety.SafetyFixture.parentType;
import static io.istiomc.safety.SafetyFixture.visitKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teardown: {@code pulumi destroy} deletes in reverse dependency order, so the recorded
 * graph (dependencies, parents, providers; a dependency on a component means on all its
 * descendants) must put every object before what it needs to be deleted cleanly.
 */
class TeardownTest {
    private static final String PRIMARY = "cluster1";
    private static final String TOKEN_TYPE = "kubernetes.io/service-account-token";

    private static Plan plan;
    private static PlanGraph graph;
    private static Map<String, Integer> deletionIndex;

    @BeforeAll
    static void planTheStack() {
        // 1 primary + 2 remotes, with the samples in every cluster
        plan = SafetyFixture.plan(SafetyFixture.stack().remotes(2).samples("sample").yaml());
        graph = new PlanGraph(plan);
        deletionIndex = new HashMap<>();
        var order = graph.deletionOrder();
        for (int i = 0; i < order.size(); i++) {
            deletionIndex.put(order.get(i), i);
        }
    }

    @Test
    @DisplayName("the graph has a teardown order: it is acyclic, covers every resource and ends with the stack")
    void deletionOrderCoversEverything() {
        // WHEN the reverse topological order is computed
        var order = graph.deletionOrder();
        // THEN it holds every resource once, and the stack goes last
        assertEquals(plan.resources().size(), order.size());
        assertEquals(plan.resources().size(), new TreeSet<>(order).size());
        assertEquals(RegisteredNames.STACK, graph.resource(order.get(order.size() - 1)).type());
    }

    static Stream<Arguments> objectsThatNeedIstio() {
        return Stream.of(
                Arguments.of("samples", (Predicate<RecordedResource>) r -> r.custom()
                        && parentType(plan, r).filter(SAMPLE_APPS::equals).isPresent()),
                Arguments.of("remote secrets", (Predicate<RecordedResource>) r -> r.type().equals(SECRET)
                        && r.input("metadata.labels").map(l -> ((Map<?, ?>) l).containsKey("istio/multiCluster")).orElse(false)),
                Arguments.of("Istio custom resources", (Predicate<RecordedResource>) r -> r.type().startsWith(ISTIO_CR_PREFIX)),
                Arguments.of("the meshNetworks patch of the istiod chart's ConfigMap",
                        (Predicate<RecordedResource>) r -> r.type().equals(CONFIG_MAP_PATCH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectsThatNeedIstio")
    @DisplayName("objects that need Istio's CRDs or controllers are deleted before the base and istiod releases of their cluster")
    void deletedBeforeTheirClusterReleases(String what, Predicate<RecordedResource> selector) {
        // GIVEN the objects of one kind
        var objects = plan.resources(selector);
        assertFalse(objects.isEmpty(), "no " + what + " in the plan");
        var wrong = new ArrayList<String>();
        for (var object : objects) {
            var cluster = plan.clusterOf(object).orElseThrow();
            for (var releaseName : List.of("istio-base", "istiod")) {
                var release = release(cluster, releaseName);
                // THEN each waits for its cluster's release, so destroy deletes it first
                if (!graph.deletedBefore(object, release) || index(object) > index(release)) {
                    wrong.add(cluster + ": " + object.name() + " is not deleted before " + release.name());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @DisplayName("each east-west gateway Service is deleted before its namespace")
    void gatewayServicesBeforeTheirNamespaces() {
        // GIVEN each cluster's east-west gateway Service
        var services = plan.resources(r -> r.type().equals(SERVICE) && r.name().endsWith("-eastwestgateway"));
        assertEquals(3, services.size());
        for (var service : services) {
            var namespace = namespace(plan.clusterOf(service).orElseThrow(), (String) service.input("metadata.namespace").orElseThrow());
            // THEN it depends on its namespace and goes first
            assertTrue(namespace.isPresent(), service.name() + ": its namespace is not ours");
            assertTrue(graph.deletedBefore(service, namespace.get()), service.name());
            assertTrue(index(service) < index(namespace.get()), service.name());
        }
    }

    @Test
    @DisplayName("every namespaced object transitively depends on its namespace, so namespaces go last in each cluster")
    void namespacesAreDeletedLast() {
        // GIVEN every namespaced object (and Helm release) of every cluster
        var wrong = new ArrayList<String>();
        int checked = 0;
        for (var object : plan.resources(r -> r.isKubernetes() && r.custom() && !r.type().equals(NAMESPACE))) {
            var cluster = plan.clusterOf(object).orElseThrow();
            var namespaceName = object.type().equals(RELEASE) ? object.input("namespace") : object.input("metadata.namespace");
            if (namespaceName.isEmpty()) {
                continue; // cluster-scoped
            }
            checked++;
            var namespace = namespace(cluster, (String) namespaceName.get());
            // THEN its namespace is one of ours, it waits for it, and destroy deletes it first
            if (namespace.isEmpty()) {
                wrong.add(cluster + ": " + object.name() + " is in namespace " + namespaceName.get() + ", which the stack does not create");
            } else if (!graph.deletedBefore(object, namespace.get()) || index(object) > index(namespace.get())) {
                wrong.add(cluster + ": " + object.name() + " is not deleted before namespace " + namespaceName.get());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 30, "only " + checked + " namespaced objects");
    }

    @Test
    @DisplayName("no resource we create carries a finalizer")
    void nothingCarriesAFinalizer() {
        // GIVEN every input key at every depth of every resource
        var found = new ArrayList<String>();
        for (var resource : plan.resources()) {
            visitKeys(resource.inputs(), "", (path, key) -> {
                // THEN none is a finalizers list (which could hold a namespace in Terminating forever)
                if (key.equals("finalizers")) {
                    found.add(resource.name() + ": " + (path.isEmpty() ? "" : path + ".") + key);
                }
            });
        }
        assertEquals(List.of(), found);
    }

    @Test
    @DisplayName("every cross-cluster dependency is one of the five expected kinds (one primary and its remotes; every topology: safety.TopologiesTest), and each kind is present")
    void crossClusterEdgesAreTheExpectedKinds() {
        // GIVEN every dependency whose ends are in different clusters
        var edges = graph.crossClusterEdges();
        var byKind = new TreeMap<String, List<String>>();
        var unexpected = new ArrayList<String>();
        for (var edge : edges) {
            // THEN each is one of the expected kinds
            kind(edge).ifPresentOrElse(k -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(edge.toString()),
                    () -> unexpected.add(edge.toString()));
        }
        assertEquals(List.of(), unexpected);
        assertEquals(List.of("primary meshNetworks patch -> remote gateway Service",
                        "primary remote secret -> remote token Secret",
                        "remote base release -> primary gateway and istiod exposure (Service, gateway release, Gateway, VirtualService)",
                        "remote gateway release -> its remote secret in the primary",
                        "remote istiod release -> primary gateway Service",
                        "remote istiod release -> primary istiod exposure (gateway release, Gateway, VirtualService)",
                        "remote istiod release -> primary istiod release",
                        "remote samples -> MeshLink children"),
                List.copyOf(byKind.keySet()));
        assertEquals(2 * 3, byKind.get("remote istiod release -> primary istiod exposure (gateway release, Gateway, VirtualService)").size());
        assertEquals(2, byKind.get("remote istiod release -> primary gateway Service").size());
        assertEquals(2, byKind.get("primary remote secret -> remote token Secret").size());
        assertEquals(2, byKind.get("remote istiod release -> primary istiod release").size());
        assertEquals(2, byKind.get("primary meshNetworks patch -> remote gateway Service").size());
        assertEquals(2 * 4, byKind.get("remote base release -> primary gateway and istiod exposure (Service, gateway release, Gateway, VirtualService)").size());
        assertEquals(2, byKind.get("remote gateway release -> its remote secret in the primary").size());
    }

    @Test
    @DisplayName("for every cross-cluster dependency, destroy deletes the dependent (in its cluster) before the dependency")
    void crossClusterDependentsAreDeletedFirst() {
        // GIVEN every cross-cluster dependency
        var edges = graph.crossClusterEdges();
        assertFalse(edges.isEmpty());
        var wrong = new ArrayList<String>();
        for (var edge : edges) {
            // THEN the dependent goes first, and the dependency never waits for the dependent
            if (index(edge.dependent()) > index(edge.dependency()) || graph.deletedBefore(edge.dependency(), edge.dependent())) {
                wrong.add(edge.toString());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The kind of a cross-cluster edge, or empty when it is none of the expected ones. */
    private static Optional<String> kind(PlanGraph.Edge edge) {
        var dependent = edge.dependent();
        var dependency = edge.dependency();
        boolean fromPrimary = edge.fromCluster().equals(PRIMARY);
        boolean toPrimary = edge.toCluster().equals(PRIMARY);
        if (!fromPrimary && toPrimary && dependent.type().equals(RELEASE) && "istiod".equals(dependent.input("name").orElse(null))
                && dependency.type().equals(SERVICE) && dependency.name().equals(PRIMARY + "-eastwestgateway")) {
            return Optional.of("remote istiod release -> primary gateway Service");
        }
        if (!fromPrimary && toPrimary && dependent.type().equals(RELEASE) && "istiod".equals(dependent.input("name").orElse(null))
                && (dependency.name().equals(PRIMARY + "-eastwestgateway") || dependency.name().equals(PRIMARY + "-istiod-gateway")
                || dependency.name().equals(PRIMARY + "-istiod-vs"))) {
            return Optional.of("remote istiod release -> primary istiod exposure (gateway release, Gateway, VirtualService)");
        }
        if (!fromPrimary && toPrimary && dependent.type().equals(RELEASE) && "istiod".equals(dependent.input("name").orElse(null))
                && dependency.type().equals(RELEASE) && "istiod".equals(dependency.input("name").orElse(null))) {
            return Optional.of("remote istiod release -> primary istiod release");
        }
        if (!fromPrimary && toPrimary && dependent.type().equals(RELEASE) && "istio-base".equals(dependent.input("name").orElse(null))
                && (dependency.name().equals(PRIMARY + "-eastwestgateway") || dependency.name().equals(PRIMARY + "-istiod-gateway")
                || dependency.name().equals(PRIMARY + "-istiod-vs"))) {
            return Optional.of("remote base release -> primary gateway and istiod exposure (Service, gateway release, Gateway, VirtualService)");
        }
        if (!fromPrimary && toPrimary && dependent.type().equals(RELEASE) && "istio-eastwestgateway".equals(dependent.input("name").orElse(null))
                && dependency.type().equals(SECRET) && dependency.name().equals("mesh-link-" + PRIMARY + "-istio-remote-secret-" + edge.fromCluster())) {
            return Optional.of("remote gateway release -> its remote secret in the primary");
        }
        if (fromPrimary && dependent.type().equals(SECRET) && dependent.name().startsWith("mesh-link-" + PRIMARY + "-istio-remote-secret-")
                && dependency.type().equals(SECRET) && TOKEN_TYPE.equals(dependency.input("type").orElse(null))
                && dependent.name().endsWith("-" + edge.toCluster())) {
            return Optional.of("primary remote secret -> remote token Secret");
        }
        if (fromPrimary && dependent.type().equals(CONFIG_MAP_PATCH) && dependent.name().equals("mesh-link-" + PRIMARY + "-mesh-networks")
                && dependency.type().equals(SERVICE) && dependency.name().equals(edge.toCluster() + "-eastwestgateway")) {
            return Optional.of("primary meshNetworks patch -> remote gateway Service");
        }
        if (!fromPrimary && toPrimary && parentType(plan, dependent).filter(SAMPLE_APPS::equals).isPresent()
                && parentType(plan, dependency).filter(MESH_LINK::equals).isPresent()) {
            return Optional.of("remote samples -> MeshLink children");
        }
        return Optional.empty();
    }

    private static RecordedResource release(String cluster, String releaseName) {
        var matches = plan.resources(r -> r.type().equals(RELEASE) && releaseName.equals(r.input("name").orElse(null))
                && plan.clusterOf(r).filter(cluster::equals).isPresent());
        assertEquals(1, matches.size(), cluster + " " + releaseName);
        return matches.get(0);
    }

    private static Optional<RecordedResource> namespace(String cluster, String name) {
        return plan.resources(r -> r.type().equals(NAMESPACE) && name.equals(r.input("metadata.name").orElse(null))
                && plan.clusterOf(r).filter(cluster::equals).isPresent()).stream().findFirst();
    }

    private static int index(RecordedResource resource) {
        return deletionIndex.get(resource.urn());
    }
}
