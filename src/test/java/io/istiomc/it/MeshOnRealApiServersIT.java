package io.istiomc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.config.RawConfig;
import io.istiomc.it.KubeClient.KubeApiException;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.plan.PlanWriter;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the program creates is accepted by real Kubernetes API servers, and the remote secret
 * really authenticates. The plan's objects ({@code plan --out}) for the primary and the remote are
 * server-side-applied to two kube-apiservers, as the Pulumi provider would apply them, and read back.
 *
 * <p>A bare kube-apiserver runs no controllers: the reader's token Secret stays empty, so the token
 * comes from a TokenRequest for the same ServiceAccount, and Deployments start no pods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshOnRealApiServersIT {
    private static final String MANAGER = "pulumi-kubernetes";
    private static final String READER = "system:serviceaccount:istio-system:istio-reader-service-account";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerPair pair;
    private KubeApiServer primary;
    private KubeApiServer remote;
    private Plan plan;
    private Path out;
    private final Map<String, List<JsonNode>> applied = new LinkedHashMap<>();
    private final List<String> rejections = new ArrayList<>();
    private List<JsonNode> readerRbac = List.of();
    private long testStart;
    private static final String HELM_MANAGER = "helm";
    private ChartRepository charts;
    private final Map<String, List<JsonNode>> appliedFromCharts = new LinkedHashMap<>();
    private final List<String> chartRejections = new ArrayList<>();
    private final java.util.Set<String> chartKindsLeftOut = new java.util.TreeSet<>();

    @BeforeAll
    void deployThePlanToTwoApiServers() throws Exception {
        testStart = System.nanoTime();
        pair = ServerPair.startWithIstioCrds();
        primary = pair.primary;
        remote = pair.remote;

        // GIVEN the dev topology, with the remote's API server at the real remote server's URL
        // (and the charts served on loopback, so that every release renders as the provider would install it)
        charts = ChartRepository.start();
        var stack = new StackYaml().remotes(1).apiServer(2, remote.url()).samples("sample");
        charts.url().ifPresent(stack::chartRepository);
        plan = PlanRunner.run("it", RawConfig.fromStackYaml(stack.yaml()), List.of());
        out = Files.createTempDirectory("mesh-it-plan");
        PlanWriter.write(plan, out);

        // WHEN every object is applied, in file order (namespaces first), to its own cluster's server,
        // then the patches (here no Helm release creates the ConfigMap they patch: apply creates it).
        // The remote is watched: where Helm would install istio-base and istiod, the reader account and
        // its rights are applied as those charts render them (no Helm runs against a bare API server).
        for (var cluster : List.of("cluster1", "cluster2")) {
            var client = cluster.equals("cluster1") ? primary.client() : remote.client();
            var objects = applyAll(client, out.resolve(cluster), true);
            if (cluster.equals("cluster2")) {
                readerRbac = applyChartReaderRbac(client);
                objects.addAll(readerRbac);
            }
            objects.addAll(applyAll(client, out.resolve(cluster), false));
            if (Files.isDirectory(out.resolve(cluster).resolve("patches"))) {
                objects.addAll(applyAll(client, out.resolve(cluster).resolve("patches"), false));
            }
            applied.put(cluster, objects);
        }

        // AND every object the cluster's releases render whose API the 1.20 server serves, as Helm would
        // (its own field manager: an object both we and a chart declare would conflict), webhook
        // configurations last: no istiod runs here to answer them
        var helm = new Helm(charts.caFile());
        for (var cluster : List.of("cluster1", "cluster2")) {
            var client = cluster.equals("cluster1") ? primary.client() : remote.client();
            var rendered = new ArrayList<JsonNode>();
            for (var release : Helm.Release.allIn(out.resolve(cluster))) {
                for (var object : helm.template(release)) {
                    if (!object.path("metadata").has("namespace") && !RenderedReleasesIT.CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) object.path("metadata")).put("namespace", release.namespace());
                    }
                    rendered.add(object);
                }
            }
            rendered.sort(java.util.Comparator.comparing(o -> o.path("kind").asText().endsWith("WebhookConfiguration")));
            var stored = new ArrayList<JsonNode>();
            for (var object : rendered) {
                var kind = object.path("apiVersion").asText() + " " + object.path("kind").asText();
                if (!served(client, object)) {
                    chartKindsLeftOut.add(kind);
                    continue;
                }
                if (object.path("kind").asText().equals("CustomResourceDefinition")) {
                    IstioCrds.adaptForKube120(object);
                }
                try {
                    stored.add(client.serverSideApply(object, HELM_MANAGER));
                } catch (KubeApiException e) {
                    chartRejections.add(cluster + " " + RenderedReleasesIT.identity(object, "istio-system") + ": " + e.getMessage());
                }
            }
            appliedFromCharts.put(cluster, stored);
        }
    }

    /** Whether the server serves the object's kind at its apiVersion (a 1.20 server lacks newer APIs). */
    private static boolean served(KubeClient client, JsonNode object) {
        try {
            client.resource(object.path("apiVersion").asText(), object.path("kind").asText());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Istio 1.30.3's reader ServiceAccount, ClusterRole and ClusterRoleBinding as its charts render them in a remote. */
    private List<JsonNode> applyChartReaderRbac(KubeClient client) throws java.io.IOException {
        String rendered;
        try (var in = getClass().getResourceAsStream("/istio/1.30.3/reader-rbac--remote.yaml")) {
            rendered = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var stored = new ArrayList<JsonNode>();
        for (var document : rendered.split("(?m)^---$")) {
            var object = YAML.readTree(document);
            if (object != null && object.has("kind")) {
                stored.add(client.serverSideApply(document, MANAGER));
            }
        }
        return stored;
    }

    /** The plan's objects in {@code dir}, in file order: only its namespaces, or everything else. */
    private List<JsonNode> applyAll(KubeClient client, Path dir, boolean namespaces) throws java.io.IOException {
        var stored = new ArrayList<JsonNode>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> p.getFileName().toString().startsWith("00-namespace-") == namespaces).sorted().toList();
        }
        for (var file : files) {
            try {
                stored.add(client.serverSideApply(Files.readString(file), MANAGER));
            } catch (KubeApiException e) {
                rejections.add(dir.getFileName() + "/" + file.getFileName() + ": " + e.getMessage());
            }
        }
        return stored;
    }

    @AfterAll
    void stop() {
        try {
            Resources.closeAll(pair, charts);
        } finally {
            Resources.reportDuration("mesh integration tests", testStart);
        }
    }

    @Test
    @DisplayName("every object of the plan, custom resources included, is accepted by its cluster's API server")
    void zeroRejections() throws Exception {
        assertEquals(List.of(), rejections);
        try (Stream<Path> files = Files.walk(out)) {
            var objectFiles = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/helm/")).count();
            assertEquals(objectFiles + readerRbac.size(), applied.get("cluster1").size() + applied.get("cluster2").size());
        }
        assertEquals(List.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding"),
                readerRbac.stream().map(o -> o.path("kind").asText()).toList());
        var kinds = new ArrayList<String>();
        applied.values().forEach(list -> list.forEach(o -> kinds.add(o.path("kind").asText())));
        for (var kind : List.of("Namespace", "Secret", "ConfigMap", "Service", "ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Deployment", "Gateway", "VirtualService")) {
            assertTrue(kinds.contains(kind), kind + " was not applied");
        }
    }

    @Test
    @DisplayName("every object the releases render is accepted next to the plan's own, except kinds of APIs newer than 1.20")
    void renderedReleasesAreAccepted() {
        assertEquals(List.of(), chartRejections);
        var kinds = new java.util.TreeSet<String>();
        appliedFromCharts.values().forEach(list -> list.forEach(o -> kinds.add(o.path("kind").asText())));
        for (var kind : List.of("CustomResourceDefinition", "ServiceAccount", "ConfigMap", "ClusterRole", "ClusterRoleBinding",
                "Role", "RoleBinding", "Service", "Deployment", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")) {
            assertTrue(kinds.contains(kind), kind + " was not applied from the charts: " + kinds);
        }
        // what the README lists as left out: APIs that came after Kubernetes 1.20
        assertEquals(new java.util.TreeSet<>(List.of(
                "autoscaling/v2 HorizontalPodAutoscaler",
                "discovery.k8s.io/v1 EndpointSlice")), chartKindsLeftOut);
    }

    @Test
    @DisplayName("the check is live: a broken object in the same run is rejected")
    void brokenObjectIsRejected() {
        var e = assertThrows(KubeApiException.class, () -> primary.client().serverSideApply("""
                apiVersion: v1
                kind: Service
                metadata: {name: broken, namespace: istio-system}
                spec:
                  ports: [{name: tls, port: 70000, protocol: TCP}]
                """, MANAGER));
        assertEquals(422, e.statusCode());
        var gateway = assertThrows(KubeApiException.class, () -> primary.client().serverSideApply("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: broken, namespace: istio-system}
                spec:
                  servers: [{port: {number: "not-a-number", name: tls, protocol: TLS}, hosts: ["*"]}]
                """, MANAGER));
        assertEquals(422, gateway.statusCode());
    }

    @Test
    @DisplayName("labels, annotations, secret types, Service ports and RBAC rules read back as the plan intended")
    void readBack() {
        for (var resource : plan.resources(r -> r.isKubernetes() && r.custom() && !r.type().endsWith(":Release"))) {
            var cluster = plan.clusterOf(resource).orElseThrow();
            var client = cluster.equals("cluster1") ? primary.client() : remote.client();
            var intended = (JsonNode) JSON.valueToTree(PlanWriter.object(resource));
            var stored = client.get(client.objectPath(intended));
            var what = cluster + " " + resource.name();
            assertSubset(intended.path("metadata").path("labels"), stored.path("metadata").path("labels"), what + " labels");
            assertSubset(intended.path("metadata").path("annotations"), stored.path("metadata").path("annotations"), what + " annotations");
            switch (intended.path("kind").asText()) {
                case "Secret" -> assertEquals(intended.path("type").asText(), stored.path("type").asText(), what);
                case "Service" -> {
                    assertEquals(intended.path("spec").path("type").asText("ClusterIP"), stored.path("spec").path("type").asText(), what);
                    for (int i = 0; i < intended.path("spec").path("ports").size(); i++) {
                        assertSubset(intended.path("spec").path("ports").get(i), stored.path("spec").path("ports").get(i), what + " port " + i);
                    }
                }
                case "ClusterRole" -> assertEquals(text(intended.path("rules")), text(stored.path("rules")), what);
                case "ClusterRoleBinding" -> {
                    assertEquals(text(intended.path("roleRef")), text(stored.path("roleRef")), what);
                    assertEquals(text(intended.path("subjects")), text(stored.path("subjects")), what);
                }
                case "Gateway", "VirtualService" -> assertEquals(text(intended.path("spec")), text(stored.path("spec")), what);
                default -> { }
            }
        }
    }

    @Test
    @DisplayName("the remote secret's kubeconfig authenticates to the remote server and reads what istiod needs")
    void remoteSecretAuthenticates() throws Exception {
        // GIVEN a token for the reader ServiceAccount the plan created in the remote, and the remote's CA,
        // in the kubeconfig MeshLink builds
        var token = remote.client().createTokenRequest("istio-system", "istio-reader-service-account");
        var caData = Base64.getEncoder().encodeToString(remote.caPem().getBytes(StandardCharsets.UTF_8));
        var kubeconfig = YAML.readTree(RemoteSecretKubeconfig.build("cluster2", remote.url(), caData, token, Optional.empty()));
        // WHEN a client is made from nothing but that kubeconfig
        var cluster = kubeconfig.path("clusters").get(0).path("cluster");
        var reader = new KubeClient(URI.create(cluster.path("server").asText()),
                new String(Base64.getDecoder().decode(cluster.path("certificate-authority-data").asText()), StandardCharsets.UTF_8),
                kubeconfig.path("users").get(0).path("user").path("token").asText());
        // THEN it lists services, endpoints, pods and namespaces, and may watch them
        for (var path : List.of("/api/v1/services", "/api/v1/endpoints", "/api/v1/pods", "/api/v1/namespaces")) {
            reader.list(path);
        }
        var names = reader.list("/api/v1/namespaces").stream().map(n -> n.path("metadata").path("name").asText()).toList();
        assertTrue(names.contains("istio-system") && names.contains("sample"), names.toString());
        for (var resource : List.of("services", "endpoints", "pods", "namespaces")) {
            assertTrue(remote.client().subjectAccessReview(READER, "watch", "", resource, null), "watch " + resource);
        }
        // AND it reads Istio's config and reviews tokens, as istiod does
        reader.list("/apis/networking.istio.io/v1/gateways");
        assertTrue(remote.client().subjectAccessReview(READER, "create", "authentication.k8s.io", "tokenreviews", null));
    }

    @Test
    @DisplayName("with the charts' reader rules, the remote secret's identity can neither create nor delete Deployments or Secrets")
    void remoteSecretIsLeastPrivilege() {
        var token = remote.client().createTokenRequest("istio-system", "istio-reader-service-account");
        var reader = new KubeClient(URI.create(remote.url()), remote.caPem(), token);
        var createSecret = assertThrows(KubeApiException.class, () -> reader.create("/api/v1/namespaces/sample/secrets", """
                apiVersion: v1
                kind: Secret
                metadata: {name: stolen}
                stringData: {a: b}
                """));
        assertEquals(403, createSecret.statusCode());
        var deleteSecret = assertThrows(KubeApiException.class, () -> reader.delete("/api/v1/namespaces/istio-system/secrets/cacerts"));
        assertEquals(403, deleteSecret.statusCode());
        var deleteDeployment = assertThrows(KubeApiException.class, () -> reader.delete("/apis/apps/v1/namespaces/sample/deployments/curl"));
        assertEquals(403, deleteDeployment.statusCode());
        var createDeployment = assertThrows(KubeApiException.class, () -> reader.create("/apis/apps/v1/namespaces/sample/deployments", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: intruder}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec: {containers: [{name: x, image: busybox}]}
                """));
        assertEquals(403, createDeployment.statusCode());
        for (var verb : List.of("create", "delete", "update")) {
            assertFalse(remote.client().subjectAccessReview(READER, verb, "apps", "deployments", "sample"), verb + " deployments");
            assertFalse(remote.client().subjectAccessReview(READER, verb, "", "secrets", "istio-system"), verb + " secrets");
        }
        // and the token that proves all this is for a ServiceAccount the plan declared: cacerts is still there
        assertTrue(remote.client().find("/api/v1/namespaces/istio-system/secrets/cacerts").isPresent());
    }

    /** JSON text with sorted keys: compares documents whatever their number node types. */
    private static String text(JsonNode node) {
        try {
            return JSON.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSubset(JsonNode intended, JsonNode stored, String what) {
        if (intended.isMissingNode() || intended.isNull()) {
            return;
        }
        intended.fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), stored.path(e.getKey()).asText(),
                what + ": " + e.getKey()));
    }
}
