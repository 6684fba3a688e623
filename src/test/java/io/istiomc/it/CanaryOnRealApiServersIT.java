package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.istiomc.testing.CliRun;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stack that goes from no revision to one, from one revision to two and back to one, by config alone
 * ({@code stacks/canary/primary-remote-multinetwork/Pulumi.step0..6.yaml}), each step applied to two real
 * kube-apiservers as {@code pulumi up} would leave them: the plan's own objects and every object its
 * Helm releases render (by {@code helm template} of Istio's 1.30.3 charts), and then whatever the
 * previous step had and this one no longer has deleted, as Pulumi deletes a removed resource and Helm
 * what an upgraded or uninstalled release no longer renders.
 *
 * <p>A bare kube-apiserver runs no controllers and no istiod: Deployments start no pods and nothing
 * answers the webhooks, so what is checked is which objects exist after each step, and what they say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryOnRealApiServersIT {
    private static final String TOPOLOGY = "primary-remote-multinetwork";
    private static final int STEPS = 7;
    private static final String OURS = "pulumi-kubernetes";
    private static final String HELM = "helm";
    private static final String OLD = "1-30-3";
    private static final String CANARY = "1-30-3-canary";
    private static final String TAG = "istio-revision-tag-default";
    private static final String EAST_WEST_GATEWAY = "istio-eastwestgateway";

    private ServerPair pair;
    private ChartRepository charts;
    private Helm helm;
    /** After each step, by cluster: every object present that the step declared, by identity, as stored. */
    private final List<Map<String, Map<String, JsonNode>>> after = new ArrayList<>();
    /** After each step, by cluster: the identities it deleted. */
    private final List<Map<String, Set<String>>> deleted = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final List<String> declaredTwice = new ArrayList<>();
    /** By step, then cluster: every object the step declares there, those a 1.20 server does not serve included. */
    private final Map<Integer, Map<String, List<JsonNode>>> declaredObjects = new TreeMap<>();
    private long testStart;

    @BeforeAll
    void applyEveryStep() throws IOException {
        testStart = System.nanoTime();
        pair = ServerPair.startWithIstioCrds();
        charts = ChartRepository.start();
        helm = new Helm(charts.caFile());
        Map<String, Map<String, JsonNode>> previous = Map.of("cluster1", Map.of(), "cluster2", Map.of());
        for (int step = 0; step < STEPS; step++) {
            long t0 = System.nanoTime();
            var out = plan(step);
            var now = new LinkedHashMap<String, Map<String, JsonNode>>();
            var gone = new LinkedHashMap<String, Set<String>>();
            for (var cluster : List.of("cluster1", "cluster2")) {
                var client = cluster.equals("cluster1") ? pair.primary.client() : pair.remote.client();
                var declared = declared(step, cluster, out.resolve(cluster), client);
                var stored = new LinkedHashMap<String, JsonNode>();
                for (var object : declared) {
                    try {
                        stored.put(identity(object.object()), client.serverSideApply(object.object(), object.manager()));
                    } catch (KubeClient.KubeApiException e) {
                        rejections.add("step " + step + " " + cluster + " " + identity(object.object()) + ": " + e.getMessage());
                    }
                }
                var stale = new TreeSet<>(previous.get(cluster).keySet());
                stale.removeAll(stored.keySet());
                for (var identity : stale) {
                    client.delete(client.objectPath(previous.get(cluster).get(identity)));
                }
                now.put(cluster, stored);
                gone.put(cluster, stale);
            }
            after.add(now);
            deleted.add(gone);
            previous = now;
            System.out.println("benchmark: canary step " + step + " planned, rendered and applied in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    @AfterAll
    void stop() {
        try {
            Resources.closeAll(pair, charts);
        } finally {
            Resources.reportDuration("canary integration tests", testStart);
        }
    }

    /** {@code plan --out} of one step, its charts taken from the test's repository. */
    private Path plan(int step) throws IOException {
        var stack = StackFile.read(StackFile.projectRoot().resolve("stacks/canary/" + TOPOLOGY + "/Pulumi.step" + step + ".yaml"));
        charts.url().ifPresent(stack::chartRepository);
        var work = Files.createTempDirectory("canary-step" + step);
        var file = stack.writeTo(work);
        var out = work.resolve("out");
        var run = CliRun.run("plan", "--config-file", file.toString(), "--out", out.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("plan --out of step " + step + " failed: " + run.all());
        }
        return out;
    }

    /** An object to apply, and the field manager that applies it (ours, or Helm for what a release renders). */
    private record Declared(JsonNode object, String manager) {
    }

    /**
     * What one step declares in one cluster, in the order an update reaches the server: our namespaces,
     * our objects, every object its releases render (webhook configurations last), then our patches of
     * chart-owned objects. An object declared twice in the cluster is recorded.
     */
    private List<Declared> declared(int step, String cluster, Path dir, KubeClient client) throws IOException {
        var ours = new ArrayList<Declared>();
        for (var file : yamlFiles(dir)) {
            var object = KubeClient.parse(Files.readString(file));
            ours.add(new Declared(object, OURS));
            declaredObjects.computeIfAbsent(step, k -> new TreeMap<>()).computeIfAbsent(cluster, k -> new ArrayList<>()).add(object);
        }
        ours.sort(Comparator.comparing(d -> !d.object().path("kind").asText().equals("Namespace")));
        var rendered = new ArrayList<Declared>();
        for (var release : Helm.Release.allIn(dir)) {
            for (var object : helm.template(release)) {
                if (!object.path("metadata").has("namespace") && !RenderedReleasesIT.CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    ((ObjectNode) object.path("metadata")).put("namespace", release.namespace());
                }
                declaredObjects.computeIfAbsent(step, k -> new TreeMap<>()).computeIfAbsent(cluster, k -> new ArrayList<>()).add(object);
                if (!served(client, object)) {
                    continue;
                }
                if (object.path("kind").asText().equals("CustomResourceDefinition")) {
                    IstioCrds.adaptForKube120(object);
                }
                rendered.add(new Declared(object, HELM));
            }
        }
        rendered.sort(Comparator.comparing(d -> d.object().path("kind").asText().endsWith("WebhookConfiguration")));
        var seen = new TreeMap<String, Integer>();
        Stream.concat(ours.stream(), rendered.stream()).forEach(d -> seen.merge(identity(d.object()), 1, Integer::sum));
        seen.forEach((identity, count) -> {
            if (count > 1) {
                declaredTwice.add("step " + step + " " + cluster + " " + identity);
            }
        });
        var all = new ArrayList<>(ours);
        all.addAll(rendered);
        if (Files.isDirectory(dir.resolve("patches"))) {
            for (var file : yamlFiles(dir.resolve("patches"))) {
                all.add(new Declared(KubeClient.parse(Files.readString(file)), OURS));
            }
        }
        return all;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** By server and kind: whether it serves the kind at the object's apiVersion (a 1.20 server lacks newer APIs). */
    private final Map<String, Boolean> served = new java.util.HashMap<>();

    /**
     * Asked once per kind, of the discovery document as it is now: the CRDs are Established before the first
     * step, so nothing is awaited ({@link KubeClient#resource} waits for a kind to appear).
     */
    private boolean served(KubeClient client, JsonNode object) {
        var apiVersion = object.path("apiVersion").asText();
        var kind = object.path("kind").asText();
        return served.computeIfAbsent(client.server() + " " + apiVersion + " " + kind, k -> {
            var path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
            return client.find(path).map(list -> {
                for (var resource : list.path("resources")) {
                    if (resource.path("kind").asText().equals(kind)) {
                        return true;
                    }
                }
                return false;
            }).orElse(false);
        });
    }

    private static String identity(JsonNode object) {
        return RenderedReleasesIT.identity(object, "istio-system");
    }

    /** The object of this kind and name in istio-system (or cluster-scoped) after a step, if it is there. */
    private JsonNode find(int step, String cluster, String kind, String name) {
        return after.get(step).get(cluster).values().stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElse(null);
    }

    private Set<String> names(int step, String cluster, String kind) {
        var names = new TreeSet<String>();
        after.get(step).get(cluster).values().stream().filter(o -> o.path("kind").asText().equals(kind))
                .forEach(o -> names.add(o.path("metadata").path("name").asText()));
        return names;
    }

    @Test
    @DisplayName("every object of every step is accepted by its cluster's API server, and no step declares an object twice in a cluster")
    void everyStepIsAccepted() {
        assertEquals(List.of(), rejections);
        assertEquals(List.of(), declaredTwice);
        assertEquals(STEPS, after.size());
    }

    @Test
    @DisplayName("step by step, the primary's istiod Deployments, the injection webhooks and the remote's istiod Services are those of the listed revisions")
    void eachStepRunsItsRevisions() {
        var expectedIstiods = List.of(Set.of("istiod"), Set.of("istiod", "istiod-" + OLD), Set.of("istiod", "istiod-" + OLD),
                Set.of("istiod-" + OLD), Set.of("istiod-" + OLD, "istiod-" + CANARY), Set.of("istiod-" + OLD, "istiod-" + CANARY),
                Set.of("istiod-" + CANARY));
        for (int step = 0; step < STEPS; step++) {
            var istiods = new TreeSet<>(names(step, "cluster1", "Deployment"));
            istiods.removeIf(n -> !n.startsWith("istiod"));
            assertEquals(new TreeSet<>(expectedIstiods.get(step)), istiods, "step " + step + " primary Deployments");
            var remoteServices = new TreeSet<>(names(step, "cluster2", "Service"));
            remoteServices.removeIf(n -> !n.startsWith("istiod"));
            assertEquals(new TreeSet<>(expectedIstiods.get(step)), remoteServices, "step " + step + " remote istiod Services");
            assertTrue(names(step, "cluster2", "Deployment").stream().noneMatch(n -> n.startsWith("istiod")), "a remote runs no istiod");
        }
        // the unrevisioned control plane's injection webhook is there only while it is the default
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertTrue(names(0, cluster, "MutatingWebhookConfiguration").contains("istio-sidecar-injector"));
            assertTrue(names(1, cluster, "MutatingWebhookConfiguration").contains("istio-sidecar-injector"));
            assertFalse(names(2, cluster, "MutatingWebhookConfiguration").contains("istio-sidecar-injector"), cluster);
            assertTrue(names(5, cluster, "MutatingWebhookConfiguration").containsAll(Set.of(
                    "istio-sidecar-injector-" + OLD, "istio-sidecar-injector-" + CANARY, TAG)));
        }
    }

    @Test
    @DisplayName("the default tag appears when a named revision becomes the default, then moves in place (same object) to the canary, in both clusters")
    void defaultTagMovesInPlace() {
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertEquals(null, find(0, cluster, "MutatingWebhookConfiguration", TAG));
            assertEquals(null, find(1, cluster, "MutatingWebhookConfiguration", TAG));
            var uid = find(2, cluster, "MutatingWebhookConfiguration", TAG).path("metadata").path("uid").asText();
            for (int step = 2; step < STEPS; step++) {
                var tag = find(step, cluster, "MutatingWebhookConfiguration", TAG);
                var revision = step < 5 ? OLD : CANARY;
                assertEquals(uid, tag.path("metadata").path("uid").asText(), "step " + step);
                assertEquals(revision, tag.path("metadata").path("labels").path("istio.io/rev").asText(), "step " + step);
                for (var webhook : tag.path("webhooks")) {
                    assertEquals("istiod-" + revision, webhook.path("clientConfig").path("service").path("name").asText(), "step " + step);
                }
                var validator = find(step, cluster, "ValidatingWebhookConfiguration", "istiod-default-validator");
                var target = validator.path("webhooks").get(0).path("clientConfig").path("service").path("name").asText();
                assertEquals("istiod-" + revision, target, "step " + step + " " + cluster + " default validator");
            }
        }
    }

    @Test
    @DisplayName("removing a revision deletes exactly that revision's objects, and removing nothing deletes nothing")
    void removingARevisionDeletesOnlyItsObjects() {
        for (var cluster : List.of("cluster1", "cluster2")) {
            // steps that add a revision, or move the default, delete nothing but the unrevisioned webhook stepping aside
            assertEquals(Set.of(), deleted.get(1).get(cluster), "step 1 " + cluster);
            assertEquals(Set.of("MutatingWebhookConfiguration istio-sidecar-injector"), deleted.get(2).get(cluster), "step 2 " + cluster);
            assertEquals(Set.of(), deleted.get(4).get(cluster), "step 4 " + cluster);
            assertEquals(Set.of(), deleted.get(5).get(cluster), "step 5 " + cluster);
            // steps that remove a revision delete only objects named after it
            for (var step : List.of(3, 6)) {
                var removed = deleted.get(step).get(cluster);
                assertFalse(removed.isEmpty(), "step " + step + " " + cluster);
                for (var identity : removed) {
                    var name = identity.substring(identity.lastIndexOf(' ') + 1).replace("/", " ");
                    boolean ofOld = step == 6 ? name.contains(OLD) && !name.contains(CANARY) : !name.contains(OLD);
                    assertTrue(ofOld, "step " + step + " " + cluster + " deleted " + identity);
                }
            }
        }
        // AND after step 6 every object still there of a revision is the canary's
        for (var cluster : List.of("cluster1", "cluster2")) {
            after.get(6).get(cluster).keySet().forEach(identity -> assertFalse(identity.contains(OLD) && !identity.contains(CANARY),
                    cluster + " keeps " + identity));
        }
    }

    /** The one object of this kind and name a step declares in a cluster (rendered by a release, or ours). */
    private JsonNode declaredObject(int step, String cluster, String kind, String name) {
        var found = declaredObjects.get(step).get(cluster).stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name)).toList();
        assertEquals(1, found.size(), "step " + step + " " + cluster + " " + kind + " " + name);
        return found.get(0);
    }

    @Test
    @DisplayName("with two revisions, each revision's injection webhook in the remote reaches that revision's istiod: its Service and"
            + " EndpointSlice istiod-<rev> on the primary's gateway at 15017, routed there by the TLS server name istiod-<rev>.istio-system.svc")
    void remoteInjectionReachesEachRevision() {
        int step = 4;
        var gatewayPort = new TreeSet<Integer>();
        declaredObject(step, "cluster1", "Service", EAST_WEST_GATEWAY).path("spec").path("ports")
                .forEach(p -> gatewayPort.add(p.path("port").asInt()));
        assertTrue(gatewayPort.contains(15017), "the primary's gateway exposes 15017: " + gatewayPort);
        for (var revision : List.of(OLD, CANARY)) {
            var istiod = "istiod-" + revision;
            var sni = istiod + ".istio-system.svc";
            // the remote's injector calls its own Service istiod-<rev> on the remote's injection path
            for (var webhook : declaredObject(step, "cluster2", "MutatingWebhookConfiguration", "istio-sidecar-injector-" + revision).path("webhooks")) {
                var service = webhook.path("clientConfig").path("service");
                assertEquals(istiod, service.path("name").asText(), revision);
                assertEquals("/inject/cluster/cluster2/net/network2", service.path("path").asText(), revision);
                assertEquals(443, service.path("port").asInt(), revision);
                assertTrue(webhook.path("clientConfig").path("url").isMissingNode(), revision);
            }
            // whose port 443 leads to the EndpointSlice's 15017 on the primary's gateway address
            var service = declaredObject(step, "cluster2", "Service", istiod);
            assertTrue(service.path("spec").path("type").isMissingNode() || service.path("spec").path("type").asText().equals("ClusterIP"), revision);
            var webhookPort = new ArrayList<JsonNode>();
            service.path("spec").path("ports").forEach(p -> {
                if (p.path("port").asInt() == 443) {
                    webhookPort.add(p);
                }
            });
            assertEquals(15017, webhookPort.get(0).path("targetPort").asInt(), revision);
            var slice = declaredObject(step, "cluster2", "EndpointSlice", istiod);
            assertEquals(istiod, slice.path("metadata").path("labels").path("kubernetes.io/service-name").asText(), revision);
            var address = slice.path("endpoints").get(0).path("addresses").get(0).asText();
            var pilot = declaredObjects.get(step).get("cluster2").stream().filter(o -> o.path("kind").asText().equals("EndpointSlice"))
                    .map(o -> o.path("endpoints").get(0).path("addresses").get(0).asText()).distinct().toList();
            assertEquals(List.of(address), pilot, "every revision's slice names the one primary gateway");
            // and the primary's gateway routes that server name on 15017 to istiod-<rev>'s webhook port
            var route = declaredObject(step, "cluster1", "VirtualService", "istiod-vs-" + revision);
            var routed = false;
            for (var rule : route.path("spec").path("tls")) {
                var match = rule.path("match").get(0);
                if (match.path("port").asInt() == 15017) {
                    assertTrue(match.path("sniHosts").toString().contains("\"" + sni + "\""), revision);
                    assertEquals(sni + ".cluster.local", rule.path("route").get(0).path("destination").path("host").asText());
                    assertEquals(443, rule.path("route").get(0).path("destination").path("port").path("number").asInt());
                    routed = true;
                }
            }
            assertTrue(routed, revision);
            var target = declaredObject(step, "cluster1", "Service", istiod);
            var targets = new TreeSet<Integer>();
            target.path("spec").path("ports").forEach(p -> {
                if (p.path("port").asInt() == 443) {
                    targets.add(p.path("targetPort").asInt());
                }
            });
            assertEquals(Set.of(15017), targets, revision);
        }
    }
}
