package io.istiomc.stacks;

import io.istiomc.components.DefaultRevisionTag;
import io.istiomc.components.IstioNetworking;
import io.istiomc.components.Mesh;
import io.istiomc.components.Names;
import io.istiomc.components.RegisteredNames;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.PlanGraph;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A canary upgrade by config alone, on the stack files of {@code stacks/canary/}: one stack at seven
 * successive times, for primary-remote on two networks and multi-primary. Step 0 is {@code version}
 * alone; steps 1-3 migrate it to the revision {@code 1-30-3} beside the unrevisioned control plane
 * ({@code default}); steps 4-6 add {@code 1-30-3-canary}, move the default tag to it and remove
 * {@code 1-30-3}.
 */
class CanaryUpgradeTest {
    static final String PRIMARY_REMOTE = "primary-remote-multinetwork";
    static final String MULTI_PRIMARY = "multi-primary";
    private static final String RELEASE = RegisteredNames.RELEASE;
    private static final String TAG = RegisteredNames.MUTATING_WEBHOOK_CONFIGURATION;
    private static final String VIRTUAL_SERVICE = RegisteredNames.VIRTUAL_SERVICE;
    private static final String OLD = "1-30-3";
    private static final String CANARY = "1-30-3-canary";

    /** A test run once for each topology of {@code stacks/canary/}, the topology's folder name its argument. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PRIMARY_REMOTE, MULTI_PRIMARY})
    @interface EachCanaryTopology {
    }

    /** A canary step's stack file. */
    static Path step(String topology, int step) {
        return StackFile.projectRoot().resolve("stacks/canary/" + topology + "/Pulumi.step" + step + ".yaml");
    }

    static Plan plan(String topology, int step) {
        return MeshFixture.plan(step(topology, step));
    }

    /** Each resource of a plan by type and name, the identity Pulumi keeps it by between two steps. */
    static Set<String> identities(Plan plan) {
        return plan.resources(r -> !r.type().equals(RegisteredNames.STACK)).stream().map(r -> r.type() + " " + r.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the resources of {@code before} whose inputs differ in {@code after}, which has each of them. */
    static Set<String> changed(Plan before, Plan after) {
        var changed = new TreeSet<String>();
        for (var resource : before.resources(r -> !r.type().equals(RegisteredNames.STACK))) {
            if (!resource.inputs().equals(after.resource(resource.type(), resource.name()).inputs())) {
                changed.add(resource.name());
            }
        }
        return changed;
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        var result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    @Test
    @DisplayName("with two revisions, each cluster runs an istiod release per revision, the remote profile on the remote, each with its chart revision")
    void twoRevisionsRunSideBySide() {
        // WHEN the canary's first step is planned
        var plan = plan(PRIMARY_REMOTE, 4);

        // THEN the primary runs both revisions' istiod, the remote both remote profiles
        for (var revision : List.of(OLD, CANARY)) {
            var primary = plan.resource(RELEASE, "cluster1-istiod-" + revision);
            assertEquals("istiod-" + revision, primary.input("name").orElseThrow());
            assertEquals(revision, primary.input("values.revision").orElseThrow());
            assertEquals("1.30.3", primary.input("version").orElseThrow());
            assertEquals("cluster1", plan.clusterOf(primary).orElseThrow());
            var remote = plan.resource(RELEASE, "cluster2-istiod-" + revision);
            assertEquals("istiod-" + revision, remote.input("name").orElseThrow());
            assertEquals(revision, remote.input("values.revision").orElseThrow());
            assertEquals("remote", remote.input("values.profile").orElseThrow());
            assertEquals("cluster2", plan.clusterOf(remote).orElseThrow());
        }
        // AND no unrevisioned istiod is left
        assertTrue(plan.resources(r -> r.name().equals("cluster1-istiod") || r.name().equals("cluster2-istiod")).isEmpty());
        // AND base, the gateways and the default tag follow the default revision
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertEquals(OLD, plan.resource(RELEASE, cluster + "-base").input("values.defaultRevision").orElseThrow());
            assertEquals(OLD, plan.resource(RELEASE, cluster + "-eastwestgateway").input("values.revision").orElseThrow());
            var tag = plan.resource(TAG, Mesh.tagName("mesh", cluster));
            assertEquals(DefaultRevisionTag.NAME, tag.input("metadata.name").orElseThrow());
            assertEquals(OLD, tag.input("metadata.labels").map(l -> ((Map<?, ?>) l).get("istio.io/rev")).orElseThrow());
        }
        // AND the outputs say which revisions each cluster runs and where its tag points
        assertEquals(Map.of("cluster1", List.of(OLD, CANARY), "cluster2", List.of(OLD, CANARY)), plan.outputs().get("revisions"));
        assertEquals(Map.of("cluster1", Map.of("default", OLD), "cluster2", Map.of("default", OLD)), plan.outputs().get("revisionTags"));
    }

    @Test
    @DisplayName("the default tag's webhooks reach the default revision's istiod, on the primary's path and on the remote's own injection path")
    @SuppressWarnings("unchecked")
    void defaultTagPointsAtTheDefaultRevision() {
        var plan = plan(PRIMARY_REMOTE, 5);
        var paths = Map.of("cluster1", DefaultRevisionTag.PRIMARY_INJECTION_PATH, "cluster2", Names.injectionPath("cluster2", "network2"));
        for (var cluster : paths.keySet()) {
            var webhooks = (List<Map<String, Object>>) plan.resource(TAG, Mesh.tagName("mesh", cluster)).input("webhooks").orElseThrow();
            assertEquals(List.of("rev.namespace.sidecar-injector.istio.io", "rev.object.sidecar-injector.istio.io",
                    "namespace.sidecar-injector.istio.io", "object.sidecar-injector.istio.io"),
                    webhooks.stream().map(w -> w.get("name")).toList());
            for (var webhook : webhooks) {
                var service = (Map<String, Object>) ((Map<String, Object>) webhook.get("clientConfig")).get("service");
                assertEquals("istiod-" + CANARY, service.get("name"), cluster);
                assertEquals("istio-system", service.get("namespace"), cluster);
                assertEquals(paths.get(cluster), service.get("path"), cluster);
                assertEquals(443, ((Number) service.get("port")).intValue(), cluster);
            }
        }
    }

    @EachCanaryTopology
    @DisplayName("step 0 (version alone) registers no revision, no tag, and the releases' names of every stack today")
    void versionAloneIsUnrevisioned(String topology) {
        var plan = plan(topology, 0);
        assertTrue(plan.resources(r -> r.type().equals(TAG)).isEmpty());
        for (var cluster : List.of("cluster1", "cluster2")) {
            var istiod = plan.resource(RELEASE, cluster + "-istiod");
            assertEquals("istiod", istiod.input("name").orElseThrow());
            assertTrue(istiod.input("values.revision").isEmpty());
            assertTrue(istiod.input("values.global.operatorManageWebhooks").isEmpty());
            assertTrue(plan.resource(RELEASE, cluster + "-base").input("values.defaultRevision").isEmpty());
        }
        assertEquals(Map.of("cluster1", Map.of("default", "default"), "cluster2", Map.of("default", "default")),
                plan.outputs().get("revisionTags"));
    }

    @EachCanaryTopology
    @DisplayName("the migration's first step adds revision 1-30-3 beside the unrevisioned control plane and changes nothing it had")
    void migrationAddsTheRevisionBesideTheUnrevisioned(String topology) {
        var before = plan(topology, 0);
        var after = plan(topology, 1);
        // THEN step 1 keeps every resource of step 0, with the same inputs
        assertEquals(Set.of(), minus(identities(before), identities(after)));
        assertEquals(Set.of(), changed(before, after));
        // AND adds only 1-30-3's objects
        var added = minus(identities(after), identities(before));
        assertFalse(added.isEmpty());
        added.forEach(identity -> assertTrue(identity.contains("-" + OLD), identity));
    }

    @EachCanaryTopology
    @DisplayName("while another revision is the default, the unrevisioned control plane renders no injection webhook, and the default tag exists")
    void unrevisionedStepsAsideWhenNotTheDefault(String topology) {
        var plan = plan(topology, 2);
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertEquals(true, plan.resource(RELEASE, cluster + "-istiod").input("values.global.operatorManageWebhooks").orElseThrow());
            assertTrue(plan.resource(RELEASE, cluster + "-istiod-" + OLD).input("values.global.operatorManageWebhooks").isEmpty());
            plan.resource(TAG, Mesh.tagName("mesh", cluster));
        }
    }

    @EachCanaryTopology
    @DisplayName("moving defaultRevision adds and removes nothing, and changes only base, the gateways and the default tag")
    void movingTheDefaultChangesOnlyWhatFollowsIt(String topology) {
        var before = plan(topology, 4);
        var after = plan(topology, 5);
        assertEquals(identities(before), identities(after));
        var expected = new TreeSet<String>();
        for (var cluster : List.of("cluster1", "cluster2")) {
            expected.add(cluster + "-base");
            expected.add(Mesh.tagName("mesh", cluster));
            if (before.resources(r -> r.name().equals(cluster + "-eastwestgateway") && r.type().equals(RELEASE)).size() == 1) {
                expected.add(cluster + "-eastwestgateway");
            }
        }
        assertEquals(expected, changed(before, after));
    }

    @EachCanaryTopology
    @DisplayName("removing a revision deletes only that revision's objects: its istiod releases, its route and its meshNetworks patch")
    void removingARevisionDeletesOnlyItsObjects(String topology) {
        // canary step 3: 1-30-3 removed
        var removed = minus(identities(plan(topology, 5)), identities(plan(topology, 6)));
        var expected = new TreeSet<>(Set.of(RELEASE + " cluster1-istiod-" + OLD, RELEASE + " cluster2-istiod-" + OLD));
        if (topology.equals(PRIMARY_REMOTE)) {
            expected.add(VIRTUAL_SERVICE + " cluster1-istiod-vs-" + OLD);
            expected.add("kubernetes:core/v1:ConfigMapPatch mesh-link-cluster1-mesh-networks-" + OLD);
        }
        assertEquals(expected, removed);
        assertEquals(Set.of(), minus(identities(plan(topology, 6)), identities(plan(topology, 5))));

        // migration step 3: the unrevisioned control plane removed
        var unrevisioned = minus(identities(plan(topology, 2)), identities(plan(topology, 3)));
        var expectedUnrevisioned = new TreeSet<>(Set.of(RELEASE + " cluster1-istiod", RELEASE + " cluster2-istiod"));
        if (topology.equals(PRIMARY_REMOTE)) {
            expectedUnrevisioned.add(VIRTUAL_SERVICE + " cluster1-istiod-vs");
            expectedUnrevisioned.add("kubernetes:core/v1:ConfigMapPatch mesh-link-cluster1-mesh-networks");
        }
        assertEquals(expectedUnrevisioned, unrevisioned);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {4, 5})
    @DisplayName("each remote revision waits for the same revision's istiod in its primary, by an explicit dependency")
    void remotesFollowTheirPrimaryPerRevision(int step) {
        var plan = plan(PRIMARY_REMOTE, step);
        var graph = new PlanGraph(plan);
        for (var revision : List.of(OLD, CANARY)) {
            var remote = plan.resource(RELEASE, "cluster2-istiod-" + revision);
            assertTrue(graph.dependsOn(remote, plan.resource(RELEASE, "cluster1-istiod-" + revision)), revision);
        }
    }

    @Test
    @DisplayName("an in-place version change upgrades the primary before its remote: the remote's istiod names the primary's as a dependency")
    void inPlaceUpgradeGoesPrimaryFirst() {
        var plan = plan(PRIMARY_REMOTE, 0);
        var graph = new PlanGraph(plan);
        assertTrue(graph.dependsOn(plan.resource(RELEASE, "cluster2-istiod"), plan.resource(RELEASE, "cluster1-istiod")));
    }

    @EachCanaryTopology
    @DisplayName("the default tag of every cluster waits for the default revision's istiod in every cluster")
    void defaultTagMovesOnlyOnceTheRevisionRunsEverywhere(String topology) {
        var plan = plan(topology, 5);
        var graph = new PlanGraph(plan);
        for (var cluster : List.of("cluster1", "cluster2")) {
            var tag = plan.resource(TAG, Mesh.tagName("mesh", cluster));
            for (var other : List.of("cluster1", "cluster2")) {
                assertTrue(graph.dependsOn(tag, plan.resource(RELEASE, other + "-istiod-" + CANARY)), cluster + " on " + other);
            }
        }
    }

    @EachCanaryTopology
    @DisplayName("migration step 2: the unrevisioned release steps aside only after its cluster's default tag exists, and nothing that tag waits for waits for it")
    void unrevisionedStepsAsideOnlyAfterTheTag(String topology) {
        var plan = plan(topology, 2);
        var graph = new PlanGraph(plan);
        var waves = new java.util.HashMap<String, Integer>();
        io.istiomc.plan.PlanComparison.of(MeshFixture.plan("step2", step(topology, 1)), plan).changes()
                .forEach(change -> waves.put(change.resource().name(), change.wave()));
        for (var cluster : List.of("cluster1", "cluster2")) {
            var unrevisioned = plan.resource(RELEASE, cluster + "-istiod");
            var tag = plan.resource(TAG, Mesh.tagName("mesh", cluster));
            // THEN the release names the tag as a dependency, so the webhook of istio-injection=enabled
            // namespaces is replaced by the tag's before it goes: no pod is created uninjected
            assertTrue(graph.dependsOn(unrevisioned, tag), cluster);
            assertFalse(graph.waitsFor(tag, unrevisioned), cluster);
            // AND the comparison of steps 1 and 2 puts the tag in an earlier wave than the release's update
            assertTrue(waves.get(tag.name()) < waves.get(unrevisioned.name()), cluster + " " + waves);
        }
        // AND the gateways, which move with the default, do not wait for the release that steps aside
        for (var gateway : plan.resources(r -> r.type().equals(RELEASE) && r.name().endsWith("-eastwestgateway"))) {
            var cluster = plan.clusterOf(gateway).orElseThrow();
            assertFalse(graph.waitsFor(gateway, plan.resource(RELEASE, cluster + "-istiod")), gateway.name());
            assertTrue(graph.dependsOn(gateway, plan.resource(RELEASE, cluster + "-istiod-" + OLD)), gateway.name());
        }
    }

    @EachCanaryTopology
    @DisplayName("the east-west gateways wait for every injecting revision's istiod of their cluster: they move last")
    void gatewaysMoveLast(String topology) {
        var plan = plan(topology, 5);
        var graph = new PlanGraph(plan);
        var gateways = plan.resources(r -> r.type().equals(RELEASE) && r.name().endsWith("-eastwestgateway"));
        if (topology.equals(MULTI_PRIMARY)) {
            assertTrue(gateways.isEmpty(), "a multi-primary mesh on one network has no gateway");
            return;
        }
        assertEquals(2, gateways.size());
        for (var gateway : gateways) {
            var cluster = plan.clusterOf(gateway).orElseThrow();
            for (var revision : List.of(OLD, CANARY)) {
                assertTrue(graph.dependsOn(gateway, plan.resource(RELEASE, cluster + "-istiod-" + revision)), gateway.name());
            }
        }
    }

    @Test
    @DisplayName("each revision is exposed through the one east-west gateway by its Service's TLS server name, routed to that revision's istiod")
    @SuppressWarnings("unchecked")
    void eachRevisionIsRoutedBySni() {
        var plan = plan(PRIMARY_REMOTE, 4);
        assertEquals(1, plan.resources(r -> r.name().equals("cluster1-" + IstioNetworking.ISTIOD_GATEWAY)).size());
        for (var revision : List.of(OLD, CANARY)) {
            var route = plan.resource(VIRTUAL_SERVICE, "cluster1-istiod-vs-" + revision);
            var host = "istiod-" + revision + ".istio-system.svc";
            var tls = (List<Map<String, Object>>) route.input("spec.tls").orElseThrow();
            assertEquals(2, tls.size());
            for (var rule : tls) {
                var match = ((List<Map<String, Object>>) rule.get("match")).get(0);
                assertEquals(List.of(host, host + ".cluster.local"), match.get("sniHosts"));
                var destination = (Map<String, Object>) ((List<Map<String, Object>>) rule.get("route")).get(0).get("destination");
                assertEquals(host + ".cluster.local", destination.get("host"));
            }
            // AND the remote's release of that revision reaches the gateway by IP, through its own Service
            // istiod-<rev> and EndpointSlice (the chart's remote-istiod-*.yaml), so the API server dials it
            // with that SNI: no webhook URL, which would carry the gateway's name instead
            var remote = plan.resource(RELEASE, "cluster2-istiod-" + revision);
            assertEquals(plan.gatewayAddress("cluster1").orElseThrow().value(), remote.input("values.global.remotePilotAddress").orElseThrow());
            assertTrue(remote.input("values.istiodRemote.injectionURL").isEmpty());
            assertEquals(Names.injectionPath("cluster2", "network2"), remote.input("values.istiodRemote.injectionPath").orElseThrow());
        }
    }
}
