package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiomc.testing.StackFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Helm release of every stack, rendered by helm from Istio's chart repository, fits the program's
 * own objects. The stacks are every stack file of the project (new topologies are picked up as their files
 * appear); the properties are stated per role a cluster plays (a remote, a cluster that serves remotes),
 * never per cluster name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedReleasesIT {
    static final String ISTIO_NAMESPACE = "istio-system";
    static final String CONTROL_PLANE_CLUSTERS = "topology.istio.io/controlPlaneClusters";
    static final String NETWORK_LABEL = "topology.istio.io/network";
    /** Kinds without a namespace, among those the charts and the program declare. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "PriorityClass");

    private ChartRepository repository;
    private final List<RenderedStack> stacks = new ArrayList<>();

    @BeforeAll
    void renderEveryStack() {
        long t0 = System.nanoTime();
        repository = ChartRepository.start();
        var helm = new Helm(repository.caFile());
        for (var file : StackFile.all()) {
            stacks.add(RenderedStack.of(file, repository, helm));
        }
        System.out.println("benchmark: rendered every release of " + stacks.size() + " stacks in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterAll
    void stop() {
        if (repository != null) {
            repository.close();
        }
    }

    @Test
    @DisplayName("every stack file is rendered, and every cluster's releases render objects")
    void everyReleaseRenders() {
        assertEquals(StackFile.all().size(), stacks.size());
        assertTrue(stacks.stream().map(RenderedStack::name).toList().containsAll(List.of("dev", "staging", "prod")));
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                assertFalse(cluster.releases().isEmpty(), stack + "/" + cluster.name() + " has no release");
                cluster.releases().forEach((release, objects) ->
                        assertFalse(objects.isEmpty(), stack + "/" + cluster.name() + " release " + release + " renders nothing"));
            }
        }
    }

    @Test
    @DisplayName("the east-west gateway pods carry the labels our Service istio-eastwestgateway selects, and the cluster's network")
    void eastWestGatewayPodsMatchOurService() {
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                var what = stack + "/" + cluster.name();
                var declared = find(cluster.objects(), "Service", ISTIO_NAMESPACE, "istio-eastwestgateway");
                if (declared.isEmpty()) {
                    // a cluster that needs no gateway (one network, nothing to expose) runs none
                    assertEquals(Optional.empty(), Optional.ofNullable(cluster.releases().get("istio-eastwestgateway")),
                            what + ": a gateway release without our Service istio-eastwestgateway");
                    continue;
                }
                var service = declared.get();
                var selector = service.path("spec").path("selector");
                assertFalse(selector.isEmpty(), what + ": the Service selects nothing");
                var selected = cluster.releases().values().stream().flatMap(List::stream)
                        .filter(o -> o.path("kind").asText().equals("Deployment"))
                        .filter(o -> contains(o.path("spec").path("template").path("metadata").path("labels"), selector))
                        .toList();
                assertEquals(1, selected.size(), what + ": Deployments whose pods the Service selects: " + names(selected));
                var pods = selected.get(0).path("spec").path("template").path("metadata").path("labels");
                assertEquals(cluster.network(), pods.path(NETWORK_LABEL).asText(), what + ": the gateway pods' network label");
            }
        }
    }

    @Test
    @DisplayName("a remote's injection and validation webhooks reach the gateway address of the cluster that serves it, the injection on its own path")
    void remoteWebhooksReachTheServingGateway() {
        int remotes = 0;
        for (var stack : stacks) {
            for (var remote : stack.clusters()) {
                if (!isRemote(remote)) {
                    continue;
                }
                remotes++;
                var what = stack + "/" + remote.name();
                var serving = servedBy(stack, remote);
                var injectionPath = "/inject/cluster/" + remote.name() + "/net/" + remote.network();
                var mutating = ofKind(remote.everything().toList(), "MutatingWebhookConfiguration");
                var validating = ofKind(remote.everything().toList(), "ValidatingWebhookConfiguration");
                assertFalse(mutating.isEmpty(), what + ": no injection webhook");
                assertFalse(validating.isEmpty(), what + ": no validation webhook");
                for (var config : mutating) {
                    for (var webhook : config.path("webhooks")) {
                        assertReachesGateway(remote, webhook.path("clientConfig"), serving.gatewayAddress(), injectionPath,
                                what + " " + webhook.path("name").asText());
                    }
                }
                for (var config : validating) {
                    for (var webhook : config.path("webhooks")) {
                        assertReachesGateway(remote, webhook.path("clientConfig"), serving.gatewayAddress(), "/validate",
                                what + " " + webhook.path("name").asText());
                    }
                }
            }
        }
        assertTrue(remotes > 0, "no stack has a remote");
    }

    @Test
    @DisplayName("EXTERNAL_ISTIOD is set in a cluster that serves remotes, and only there")
    void externalIstiodWhereRemotesAreServed() {
        int serving = 0;
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                var what = stack + "/" + cluster.name();
                var servesRemotes = stack.clusters().stream().filter(RenderedReleasesIT::isRemote)
                        .anyMatch(remote -> servedBy(stack, remote).name().equals(cluster.name()));
                serving += servesRemotes ? 1 : 0;
                var istiods = ofKind(cluster.everything().toList(), "Deployment").stream()
                        .filter(d -> d.path("metadata").path("name").asText().equals("istiod")).toList();
                if (isRemote(cluster)) {
                    assertEquals(List.of(), names(istiods), what + " is a remote");
                    continue;
                }
                assertEquals(1, istiods.size(), what + ": istiod Deployments");
                var env = new HashMap<String, String>();
                for (var container : istiods.get(0).path("spec").path("template").path("spec").path("containers")) {
                    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
                }
                assertEquals(servesRemotes ? "true" : null, env.get("EXTERNAL_ISTIOD"), what + " EXTERNAL_ISTIOD");
            }
        }
        assertTrue(serving > 0, "no stack has a cluster that serves remotes");
    }

    @Test
    @DisplayName("a remote renders no istiod Deployment, and no Deployment at all from its istiod release")
    void remoteRendersNoIstiod() {
        for (var stack : stacks) {
            for (var remote : stack.clusters().stream().filter(RenderedReleasesIT::isRemote).toList()) {
                assertEquals(List.of(), names(ofKind(remote.release("istiod"), "Deployment")), stack + "/" + remote.name());
            }
        }
    }

    @Test
    @DisplayName("nothing is declared twice in a cluster: not by us and a chart, nor by two releases")
    void nothingDeclaredTwice() {
        var duplicates = new TreeSet<String>();
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                var owners = new HashMap<String, List<String>>();
                for (var object : cluster.objects()) {
                    owners.computeIfAbsent(identity(object, ISTIO_NAMESPACE), k -> new ArrayList<>()).add("the program");
                }
                cluster.releases().forEach((release, objects) -> objects.forEach(object -> owners.computeIfAbsent(
                        identity(object, cluster.releaseFiles().get(release).namespace()), k -> new ArrayList<>())
                        .add("release " + release)));
                owners.forEach((id, by) -> {
                    if (by.size() > 1) {
                        duplicates.add(stack + "/" + cluster.name() + ": " + id + " declared by " + by);
                    }
                });
            }
        }
        assertEquals(Set.of(), duplicates);
    }

    @Test
    @DisplayName("global.configCluster on a remote adds istiod's service account, its RBAC and the validation webhook, and no mesh ConfigMap")
    void whatConfigClusterAddsOnARemote() {
        var helm = new Helm(repository.caFile());
        int remotes = 0;
        for (var stack : stacks) {
            for (var remote : stack.clusters().stream().filter(RenderedReleasesIT::isRemote).toList()) {
                remotes++;
                var what = stack + "/" + remote.name();
                var release = remote.releaseFiles().get("istiod");
                assertTrue(release.values().path("global").path("configCluster").asBoolean(), what + " sets global.configCluster");
                var with = remote.release("istiod").stream().map(o -> identity(o, ISTIO_NAMESPACE)).collect(Collectors.toCollection(TreeSet::new));
                var without = helm.template(release.withValue(false, "global", "configCluster")).stream()
                        .map(o -> identity(o, ISTIO_NAMESPACE)).collect(Collectors.toSet());
                with.removeAll(without);
                assertEquals(new TreeSet<>(List.of(
                        "ServiceAccount istio-system/istiod",
                        "ClusterRole istiod-clusterrole-istio-system",
                        "ClusterRole istiod-gateway-controller-istio-system",
                        "ClusterRoleBinding istiod-clusterrole-istio-system",
                        "ClusterRoleBinding istiod-gateway-controller-istio-system",
                        "Role istio-system/istiod",
                        "RoleBinding istio-system/istiod",
                        "ValidatingWebhookConfiguration istio-validator-istio-system")), with, what);
                assertEquals(Optional.empty(), find(remote.release("istiod"), "ConfigMap", ISTIO_NAMESPACE, "istio"),
                        what + ": the remote profile renders no mesh ConfigMap 'istio'");
            }
        }
        assertTrue(remotes > 0);
    }

    // ------------------------------------------------------------------------------------------------

    /** A remote: its istiod release runs no istiod of its own ({@code istiodRemote.enabled}). */
    static boolean isRemote(RenderedStack.Cluster cluster) {
        var istiod = cluster.releaseFiles().get("istiod");
        return istiod != null && istiod.values().path("istiodRemote").path("enabled").asBoolean(false);
    }

    /** The cluster a remote's namespace names as its control plane ({@code topology.istio.io/controlPlaneClusters}). */
    static RenderedStack.Cluster servedBy(RenderedStack stack, RenderedStack.Cluster remote) {
        var namespace = find(remote.objects(), "Namespace", null, ISTIO_NAMESPACE)
                .orElseThrow(() -> new AssertionError(stack + "/" + remote.name() + ": no Namespace istio-system"));
        var names = Arrays.stream(namespace.path("metadata").path("annotations").path(CONTROL_PLANE_CLUSTERS).asText().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        assertEquals(1, names.size(), stack + "/" + remote.name() + ": " + CONTROL_PLANE_CLUSTERS + " " + names);
        return stack.cluster(names.get(0));
    }

    /**
     * A webhook's client config reaches {@code address} on the webhook port 15017 with {@code path}: directly by
     * URL, or through the remote's selector-less Service {@code istiod}, whose EndpointSlice (an IP) or
     * ExternalName (a DNS name) is that address.
     */
    private static void assertReachesGateway(RenderedStack.Cluster remote, JsonNode clientConfig, String address,
                                             String path, String what) {
        if (clientConfig.has("url")) {
            var host = address.contains(":") ? "[" + address + "]" : address;
            assertEquals("https://" + host + ":15017" + path, clientConfig.path("url").asText(), what);
            return;
        }
        var ref = clientConfig.path("service");
        assertEquals(path, ref.path("path").asText(), what + " path");
        var service = find(remote.everything().toList(), "Service", ref.path("namespace").asText(), ref.path("name").asText())
                .orElseThrow(() -> new AssertionError(what + ": no Service " + ref));
        var port = ref.path("port").asInt(443);
        JsonNode servicePort = null;
        for (var p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                servicePort = p;
            }
        }
        assertTrue(servicePort != null, what + ": Service " + ref + " has no port " + port);
        if (service.path("spec").path("type").asText().equals("ExternalName")) {
            assertEquals(address, service.path("spec").path("externalName").asText(), what + " ExternalName");
            return;
        }
        assertTrue(service.path("spec").path("selector").isMissingNode(), what + ": Service " + ref + " selects local pods");
        assertEquals(15017, servicePort.path("targetPort").asInt(), what + " target port");
        var slices = ofKind(remote.everything().toList(), "EndpointSlice").stream()
                .filter(s -> s.path("metadata").path("labels").path("kubernetes.io/service-name").asText().equals(ref.path("name").asText()))
                .toList();
        assertEquals(1, slices.size(), what + ": EndpointSlices of " + ref);
        var addresses = new ArrayList<String>();
        slices.get(0).path("endpoints").forEach(e -> e.path("addresses").forEach(a -> addresses.add(a.asText())));
        assertEquals(List.of(address), addresses, what + " endpoint");
        var ports = new ArrayList<Integer>();
        slices.get(0).path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        assertTrue(ports.contains(15017), what + ": endpoint ports " + ports);
    }

    /** {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped kinds; the API group is the kind's. */
    static String identity(JsonNode object, String defaultNamespace) {
        var kind = object.path("kind").asText();
        var apiVersion = object.path("apiVersion").asText();
        var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        var qualifiedKind = group.isEmpty() || group.endsWith(".k8s.io") || !group.contains(".") ? kind : kind + "." + group;
        var name = object.path("metadata").path("name").asText();
        if (CLUSTER_SCOPED.contains(kind)) {
            return qualifiedKind + " " + name;
        }
        return qualifiedKind + " " + object.path("metadata").path("namespace").asText(defaultNamespace) + "/" + name;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> namespace == null || o.path("metadata").path("namespace").asText(ISTIO_NAMESPACE).equals(namespace))
                .filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("metadata").path("name").asText()).toList();
    }

}
