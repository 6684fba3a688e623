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

    /** The dev stack with its primary's gateway at a configured DNS name (as behind an NLB or a DNS record). */
    static final String DNS_NAMED = "dev-dns-named-gateway";
    static final String DNS_NAMED_GATEWAY = "eastwest.cluster1.example.com";
    static final int ISTIOD_WEBHOOK_PORT = 15017;
    static final String EAST_WEST_GATEWAY = "istio-eastwestgateway";
    /** The mixed stack mid root rotation: two roots, the intermediates signed by the new one. */
    static final String ROOT_ROTATION = "mixed-root-rotation";

    /** The multi-primary canary upgrade's stacks, {@code canary-multi-primary-step<n>} for steps 0 to 6. */
    static final String CANARY_MULTI_PRIMARY = "canary-multi-primary-step";
    static final int CANARY_STEPS = 7;

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
        stacks.add(RenderedStack.of(StackFile.dev()
                .withGatewayAddress(DNS_NAMED, "cluster1", DNS_NAMED_GATEWAY), repository, helm));
        var rotation = StackFile.read(StackFile.projectRoot().resolve("stacks/Pulumi.mixed.yaml")).renamed(ROOT_ROTATION);
        rotation.edit().set("ca.roots", List.of("root", "r2027")).set("ca.signingRoot", "r2027");
        stacks.add(RenderedStack.of(rotation, repository, helm));
        // The multi-primary canary upgrade (it.CanaryOnRealApiServersIT renders and applies the primary-remote one).
        for (int step = 0; step < CANARY_STEPS; step++) {
            stacks.add(RenderedStack.of(StackFile.read(StackFile.projectRoot().resolve("stacks/canary/multi-primary/Pulumi.step"
                    + step + ".yaml")).renamed(CANARY_MULTI_PRIMARY + step), repository, helm));
        }
        System.out.println("benchmark: rendered every release of " + stacks.size() + " stacks in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterAll
    void stop() {
        Resources.closeAll(repository);
    }

    @Test
    @DisplayName("every stack file is rendered, and every cluster's releases render objects")
    void everyReleaseRenders() {
        assertEquals(StackFile.all().size() + 2 + CANARY_STEPS, stacks.size());
        assertTrue(stacks.stream().map(RenderedStack::name).toList().containsAll(List.of("dev", "staging", "prod", DNS_NAMED,
                ROOT_ROTATION)));
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                assertFalse(cluster.releases().isEmpty(), stack + "/" + cluster.name() + " has no release");
                cluster.releases().forEach((release, objects) ->
                        assertFalse(objects.isEmpty(), stack + "/" + cluster.name() + " release " + release + " renders nothing"));
            }
        }
    }

    @Test
    @DisplayName("each multi-primary canary step renders every listed revision's control plane in both primaries: its own Deployment and injection webhook")
    void canaryStepsRenderEachRevision() {
        // the revisions of steps 0 to 6 (stacks/canary: 'default' is the unrevisioned control plane)
        var revisionsByStep = List.of(List.of("default"), List.of("default", "1-30-3"), List.of("default", "1-30-3"),
                List.of("1-30-3"), List.of("1-30-3", "1-30-3-canary"), List.of("1-30-3", "1-30-3-canary"), List.of("1-30-3-canary"));
        for (int step = 0; step < CANARY_STEPS; step++) {
            var name = CANARY_MULTI_PRIMARY + step;
            var stack = stacks.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            for (var cluster : stack.clusters()) {
                var istiods = istiodReleases(cluster);
                var expected = revisionsByStep.get(step).stream().map(r -> r.equals("default") ? "istiod" : "istiod-" + r).sorted().toList();
                assertEquals(expected, istiods, name + "/" + cluster.name());
                for (var release : istiods) {
                    var objects = cluster.releases().get(release);
                    assertTrue(find(objects, "Deployment", ISTIO_NAMESPACE, release).isPresent(), name + "/" + cluster.name() + " " + release);
                    var suffix = release.substring("istiod".length());
                    // the unrevisioned control plane renders no injection webhook while a named revision is the default
                    boolean steppingAside = suffix.isEmpty() && step == 2;
                    assertEquals(!steppingAside, find(objects, "MutatingWebhookConfiguration", null,
                            "istio-sidecar-injector" + suffix).isPresent(), name + "/" + cluster.name() + " " + release + " webhook");
                }
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
    @DisplayName("a remote's injection and validation webhooks lead, as a kube-apiserver dials them, to the serving cluster's gateway address on a gateway port that reaches 15017")
    void remoteWebhooksReachTheServingGateway() {
        int remotes = 0;
        int byName = 0;
        for (var stack : stacks) {
            for (var remote : stack.clusters()) {
                if (!isRemote(remote)) {
                    continue;
                }
                remotes++;
                var what = stack + "/" + remote.name();
                var serving = servedBy(stack, remote);
                byName += isIp(serving.gatewayAddress()) ? 0 : 1;
                var injectionPath = "/inject/cluster/" + remote.name() + "/net/" + remote.network();
                var mutating = ofKind(remote.everything().toList(), "MutatingWebhookConfiguration");
                var validating = ofKind(remote.everything().toList(), "ValidatingWebhookConfiguration");
                assertFalse(mutating.isEmpty(), what + ": no injection webhook");
                assertFalse(validating.isEmpty(), what + ": no validation webhook");
                for (var config : mutating) {
                    for (var webhook : config.path("webhooks")) {
                        assertReachesGateway(remote, serving, webhook.path("clientConfig"), injectionPath,
                                what + " " + webhook.path("name").asText());
                    }
                }
                for (var config : validating) {
                    for (var webhook : config.path("webhooks")) {
                        assertReachesGateway(remote, serving, webhook.path("clientConfig"), "/validate",
                                what + " " + webhook.path("name").asText());
                    }
                }
            }
        }
        assertTrue(remotes > 0, "no stack has a remote");
        // prod's NLB (simulated hostname) and the configured DNS name: the case a Service reference cannot carry
        assertTrue(byName >= 3, "remotes served through a DNS-named gateway: " + byName);
    }

    @Test
    @DisplayName("istiod registers each network's gateway from meshNetworks alone: no Service of ours or of a chart carries the network label")
    void noServiceIsALabelledNetworkGateway() {
        var labelled = new TreeSet<String>();
        for (var stack : stacks) {
            for (var cluster : stack.clusters()) {
                ofKind(cluster.everything().toList(), "Service").stream()
                        .filter(service -> service.path("metadata").path("labels").has(NETWORK_LABEL))
                        .forEach(service -> labelled.add(stack + "/" + cluster.name() + ": " + identity(service, ISTIO_NAMESPACE)));
            }
        }
        assertEquals(Set.of(), labelled);
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
                        .filter(d -> isIstiodName(d.path("metadata").path("name").asText())).toList();
                if (isRemote(cluster)) {
                    assertEquals(List.of(), names(istiods), what + " is a remote");
                    continue;
                }
                // one per revision the cluster runs
                assertEquals(istiodReleases(cluster).size(), istiods.size(), what + ": istiod Deployments");
                for (var istiod : istiods) {
                    var env = new HashMap<String, String>();
                    for (var container : istiod.path("spec").path("template").path("spec").path("containers")) {
                        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
                    }
                    assertEquals(servesRemotes ? "true" : null, env.get("EXTERNAL_ISTIOD"), what + " EXTERNAL_ISTIOD");
                }
            }
        }
        assertTrue(serving > 0, "no stack has a cluster that serves remotes");
    }

    @Test
    @DisplayName("during a root rotation each istiod pod template carries the roots' hash (a change restarts istiod); in no other stack does it")
    void istiodRestartsWhenTheRootsChange() {
        int rotating = 0;
        for (var stack : stacks) {
            for (var cluster : stack.clusters().stream().filter(c -> !isRemote(c)).toList()) {
                for (var release : istiodReleases(cluster)) {
                    var istiod = ofKind(cluster.release(release), "Deployment").get(0);
                    var annotation = istiod.path("spec").path("template").path("metadata").path("annotations")
                            .path(io.istiomc.components.IstioValues.TRUSTED_ROOTS_ANNOTATION);
                    if (stack.name().equals(ROOT_ROTATION)) {
                        rotating++;
                        assertTrue(annotation.asText().matches("[0-9a-f]{64}"), stack + "/" + cluster.name() + ": " + annotation);
                    } else {
                        assertTrue(annotation.isMissingNode(), stack + "/" + cluster.name() + " " + release + ": " + annotation);
                    }
                }
            }
        }
        assertEquals(2, rotating, "the rotating stack's primaries");
    }

    @Test
    @DisplayName("a remote renders no istiod Deployment, and no Deployment at all from its istiod release")
    void remoteRendersNoIstiod() {
        for (var stack : stacks) {
            for (var remote : stack.clusters().stream().filter(RenderedReleasesIT::isRemote).toList()) {
                for (var release : istiodReleases(remote)) {
                    assertEquals(List.of(), names(ofKind(remote.release(release), "Deployment")), stack + "/" + remote.name() + " " + release);
                }
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

    @Test
    @DisplayName("the prod stack's production values take effect in the rendered objects (replicas, disruption budgets,"
            + " resources, image, pull secrets, DNS proxying), beside the mesh's own values, which still win")
    void prodOverridesTakeEffect() throws Exception {
        var prod = stacks.stream().filter(s -> s.name().equals("prod")).findFirst().orElseThrow();
        var primary = prod.cluster("prod-primary");
        var objects = primary.everything().toList();
        // istiod: the mirror's image, resources over the chart's, its node pool, pull secrets on its ServiceAccount
        var istiod = find(objects, "Deployment", ISTIO_NAMESPACE, "istiod").orElseThrow();
        var pod = istiod.path("spec").path("template").path("spec");
        var container = pod.path("containers").get(0);
        assertEquals("registry.prod.example.com/istio/pilot:1.30.3-distroless", container.path("image").asText());
        assertEquals("1", container.path("resources").path("requests").path("cpu").asText());
        assertEquals("2Gi", container.path("resources").path("requests").path("memory").asText());
        assertEquals("4Gi", container.path("resources").path("limits").path("memory").asText());
        assertEquals("system", pod.path("nodeSelector").path("node.kubernetes.io/pool").asText());
        assertEquals(List.of("prod-registry-pull"), pullSecrets(find(objects, "ServiceAccount", ISTIO_NAMESPACE, "istiod")
                .orElseThrow().path("imagePullSecrets")));
        // at least 3 replicas (the cluster's autoscaleMin over the mesh's 2), at most one unavailable
        var istiodScaler = find(objects, "HorizontalPodAutoscaler", ISTIO_NAMESPACE, "istiod").orElseThrow().path("spec");
        assertEquals(3, istiodScaler.path("minReplicas").asInt());
        assertEquals(5, istiodScaler.path("maxReplicas").asInt());
        var istiodBudget = find(objects, "PodDisruptionBudget", ISTIO_NAMESPACE, "istiod").orElseThrow().path("spec");
        assertEquals(1, istiodBudget.path("maxUnavailable").asInt());
        assertTrue(istiodBudget.path("minAvailable").isMissingNode(), istiodBudget.toString());
        // DNS proxying in the mesh config, next to the mesh ID the program sets in the same map
        var mesh = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                find(objects, "ConfigMap", ISTIO_NAMESPACE, "istio").orElseThrow().path("data").path("mesh").asText());
        var defaultConfig = mesh.path("defaultConfig");
        assertEquals("mesh-prod", defaultConfig.path("meshId").asText());
        assertEquals("true", defaultConfig.path("proxyMetadata").path("ISTIO_META_DNS_CAPTURE").asText());
        assertEquals("true", defaultConfig.path("proxyMetadata").path("ISTIO_META_DNS_AUTO_ALLOCATE").asText());
        // every proxy istiod injects (the remotes' gateways too) gets the mirror's image and the pull secret; the
        // mesh's own global values stay beside them
        var injected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(find(objects, "ConfigMap", ISTIO_NAMESPACE,
                "istio-sidecar-injector").orElseThrow().path("data").path("values").asText()).path("global");
        assertEquals("registry.prod.example.com/istio", injected.path("hub").asText());
        assertEquals("1.30.3-distroless", injected.path("tag").asText());
        assertEquals("prod-registry-pull", injected.path("imagePullSecrets").path(0).asText());
        assertEquals("mesh-prod", injected.path("meshID").asText());
        assertEquals("prod-primary", injected.path("multiCluster").path("clusterName").asText());
        assertEquals("aws-eu-west-1", injected.path("network").asText());
        // the primary's gateway: two to six replicas, a budget, resources, the pull secret, and still the mesh's network
        var gateway = find(objects, "Deployment", ISTIO_NAMESPACE, EAST_WEST_GATEWAY).orElseThrow();
        var gatewayPod = gateway.path("spec").path("template");
        assertEquals(List.of("prod-registry-pull"), pullSecrets(gatewayPod.path("spec").path("imagePullSecrets")));
        var gatewayContainer = gatewayPod.path("spec").path("containers").get(0);
        assertEquals("2", gatewayContainer.path("resources").path("limits").path("cpu").asText());
        assertEquals("512Mi", gatewayContainer.path("resources").path("requests").path("memory").asText());
        assertEquals("aws-eu-west-1", gatewayPod.path("metadata").path("labels").path(NETWORK_LABEL).asText());
        var gatewayScaler = find(objects, "HorizontalPodAutoscaler", ISTIO_NAMESPACE, EAST_WEST_GATEWAY).orElseThrow().path("spec");
        assertEquals(2, gatewayScaler.path("minReplicas").asInt());
        assertEquals(6, gatewayScaler.path("maxReplicas").asInt());
        assertEquals(1, find(objects, "PodDisruptionBudget", ISTIO_NAMESPACE, EAST_WEST_GATEWAY).orElseThrow()
                .path("spec").path("minAvailable").asInt());
        // the on-prem remote: its own pull secret replaces the mesh's; its gateway on the edge nodes
        var onprem = prod.cluster("prod-onprem").everything().toList();
        var onpremTemplate = find(onprem, "Deployment", ISTIO_NAMESPACE, EAST_WEST_GATEWAY).orElseThrow()
                .path("spec").path("template");
        var onpremPod = onpremTemplate.path("spec");
        assertEquals(List.of("dc1-registry-pull"), pullSecrets(onpremPod.path("imagePullSecrets")));
        assertEquals("true", onpremPod.path("nodeSelector").path("node-role.kubernetes.io/edge").asText());
        assertEquals("node-role.kubernetes.io/edge", onpremPod.path("tolerations").path(0).path("key").asText());
        assertEquals(List.of("dc1-registry-pull"), pullSecrets(find(onprem, "ServiceAccount", ISTIO_NAMESPACE,
                "istio-reader-service-account").orElseThrow().path("imagePullSecrets")));
        assertEquals("dc1", onpremTemplate.path("metadata").path("labels").path(NETWORK_LABEL).asText());
    }

    private static List<String> pullSecrets(JsonNode secrets) {
        var names = new ArrayList<String>();
        secrets.forEach(s -> names.add(s.path("name").asText()));
        return names;
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
     * A webhook's client config, resolved as a kube-apiserver resolves it, reaches the serving cluster's
     * gateway address on a port of that cluster's gateway Service which leads to istiod's webhook port
     * 15017, with {@code path}:
     * <ul>
     *   <li>a URL is dialled as written: its host must be the gateway address, and a DNS name must be one
     *   istiod's serving certificate is issued for ({@code ISTIOD_CUSTOM_HOST} of the serving istiod,
     *   which istiod adds to its certificate's names: getDNSNames in istio/istio pilot/pkg/bootstrap);</li>
     *   <li>a Service reference must be a selector-less Service whose EndpointSlice is the gateway's IP on
     *   15017 (what both the ClusterIP and the endpoint resolvers end up dialling). An ExternalName
     *   Service fails: the ClusterIP resolver dials the external name on the Service port (443, which the
     *   gateway does not expose), and endpoint routing refuses ExternalName (istio/istio#45014).</li>
     * </ul>
     */
    private static void assertReachesGateway(RenderedStack.Cluster remote, RenderedStack.Cluster serving,
                                             JsonNode clientConfig, String path, String what) {
        var address = serving.gatewayAddress();
        int dialledPort;
        if (clientConfig.has("url")) {
            var url = java.net.URI.create(clientConfig.path("url").asText());
            assertEquals("https", url.getScheme(), what + " scheme");
            assertEquals(address, url.getHost().replaceAll("^\\[|\\]$", ""), what + " host");
            assertEquals(path, url.getPath(), what + " path");
            dialledPort = url.getPort() == -1 ? 443 : url.getPort();
            if (!isIp(address)) {
                assertTrue(istiodCustomHosts(serving).contains(address),
                        what + ": the serving istiod's certificate names " + istiodCustomHosts(serving) + ", not " + address);
            }
        } else {
            var ref = clientConfig.path("service");
            assertEquals(path, ref.path("path").asText(), what + " path");
            var service = find(remote.everything().toList(), "Service", ref.path("namespace").asText(), ref.path("name").asText())
                    .orElseThrow(() -> new AssertionError(what + ": no Service " + ref));
            assertFalse(service.path("spec").path("type").asText().equals("ExternalName"), what + ": Service " + ref
                    + " is an ExternalName (" + service.path("spec").path("externalName").asText() + "), which an API server"
                    + " dials on port " + ref.path("port").asInt(443) + " or refuses");
            assertTrue(isIp(address), what + ": a Service reference to the DNS name " + address);
            var port = ref.path("port").asInt(443);
            JsonNode servicePort = null;
            for (var p : service.path("spec").path("ports")) {
                if (p.path("port").asInt() == port) {
                    servicePort = p;
                }
            }
            assertTrue(servicePort != null, what + ": Service " + ref + " has no port " + port);
            assertTrue(service.path("spec").path("selector").isMissingNode(), what + ": Service " + ref + " selects local pods");
            assertEquals(ISTIOD_WEBHOOK_PORT, servicePort.path("targetPort").asInt(), what + " target port");
            var slices = ofKind(remote.everything().toList(), "EndpointSlice").stream()
                    .filter(s -> s.path("metadata").path("labels").path("kubernetes.io/service-name").asText().equals(ref.path("name").asText()))
                    .toList();
            assertEquals(1, slices.size(), what + ": EndpointSlices of " + ref);
            var addresses = new ArrayList<String>();
            slices.get(0).path("endpoints").forEach(e -> e.path("addresses").forEach(a -> addresses.add(a.asText())));
            assertEquals(List.of(address), addresses, what + " endpoint");
            var ports = new ArrayList<Integer>();
            slices.get(0).path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            assertTrue(ports.contains(ISTIOD_WEBHOOK_PORT), what + ": endpoint ports " + ports);
            dialledPort = ISTIOD_WEBHOOK_PORT;
        }
        var gateway = find(serving.objects(), "Service", ISTIO_NAMESPACE, EAST_WEST_GATEWAY)
                .orElseThrow(() -> new AssertionError(what + ": " + serving.name() + " has no gateway Service"));
        var reaching = new ArrayList<Integer>();
        for (var p : gateway.path("spec").path("ports")) {
            if (p.path("targetPort").asInt() == ISTIOD_WEBHOOK_PORT) {
                reaching.add(p.path("port").asInt());
            }
        }
        assertTrue(reaching.contains(dialledPort), what + ": port " + dialledPort + " of " + serving.name()
                + "'s gateway; its ports reaching " + ISTIOD_WEBHOOK_PORT + ": " + reaching);
    }

    /** The names the cluster's istiod adds to its serving certificate ({@code ISTIOD_CUSTOM_HOST}, comma-separated). */
    private static List<String> istiodCustomHosts(RenderedStack.Cluster cluster) {
        var hosts = new ArrayList<String>();
        for (var deployment : ofKind(cluster.everything().toList(), "Deployment")) {
            if (!deployment.path("metadata").path("name").asText().equals("istiod")) {
                continue;
            }
            for (var container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (var env : container.path("env")) {
                    if (env.path("name").asText().equals("ISTIOD_CUSTOM_HOST")) {
                        Arrays.stream(env.path("value").asText().split(",")).map(String::trim).forEach(hosts::add);
                    }
                }
            }
        }
        return hosts;
    }

    /** An IP literal (v4 or v6), told apart from a DNS name without any lookup. */
    static boolean isIp(String address) {
        return address.matches("[0-9.]+") || address.contains(":");
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

    /** The Helm releases of a cluster's istiods: {@code istiod} (unrevisioned) and {@code istiod-<rev>}, sorted. */
    static List<String> istiodReleases(RenderedStack.Cluster cluster) {
        return cluster.releases().keySet().stream().filter(RenderedReleasesIT::isIstiodName).sorted().toList();
    }

    private static boolean isIstiodName(String name) {
        return name.equals("istiod") || name.startsWith("istiod-");
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
