package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.StackYaml;

import io.istiomc.testing.PlanGraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.components.simulation.SimulatedClusters;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mesh wired by outputs: the dev stack (the seed's two clusters) and a 1 + 3 stack. */
class MeshWiringTest {
    private static final String RELEASE = RegisteredNames.RELEASE;
    private static final String SERVICE = RegisteredNames.SERVICE;
    private static final String SECRET = RegisteredNames.SECRET;
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Plan dev;
    private static Plan fourClusters;

    @BeforeAll
    static void plans() {
        dev = MeshFixture.plan(Path.of("Pulumi.dev.yaml"));
        fourClusters = MeshFixture.plan(new StackYaml().remotes(3).yaml());
    }

    @Test
    @DisplayName("each remote's istiod gets the primary's gateway address as remotePilotAddress, after the primary's gateway Service")
    void remotePilotAddressIsThePrimaryGatewayAddress() {
        // GIVEN the 1 + 3 stack, whose load balancers hand out IPs
        var primaryAddress = fourClusters.gatewayAddress("cluster1").orElseThrow().value();
        var primaryGateway = fourClusters.resource(SERVICE, "cluster1-eastwestgateway");
        // THEN every remote's istiod release carries it and waits for that Service
        for (var remote : List.of("cluster2", "cluster3", "cluster4")) {
            var istiod = fourClusters.resource(RELEASE, remote + "-istiod");
            assertEquals(primaryAddress, istiod.input("values.global.remotePilotAddress").orElseThrow());
            assertTrue(new PlanGraph(fourClusters).waitsFor(istiod, primaryGateway), remote + " istiod must wait for the primary gateway");
            // ... and for istiod to be reachable through it: gateway pods ready, routes to istiod in place
            assertTrue(new PlanGraph(fourClusters).waitsFor(istiod, fourClusters.resource(RELEASE, "cluster1-eastwestgateway")));
            assertTrue(new PlanGraph(fourClusters).waitsFor(istiod, fourClusters.resource(RegisteredNames.GATEWAY, "cluster1-istiod-gateway")));
            assertTrue(new PlanGraph(fourClusters).waitsFor(istiod, fourClusters.resource(RegisteredNames.VIRTUAL_SERVICE, "cluster1-istiod-vs")));
        }
        assertEquals(SimulatedClusters.simulatedAddress(0), primaryAddress);
        assertEquals(Map.of("cluster2", primaryAddress, "cluster3", primaryAddress, "cluster4", primaryAddress),
                fourClusters.outputs().get("remotePilotAddresses"));
    }

    @Test
    @DisplayName("a load balancer that reports a DNS name (AWS NLB) becomes the remotes' remotePilotAddress as is")
    void hostnameLoadBalancerIsUsed() {
        // GIVEN a primary whose gateway asks for an NLB, which reports a hostname
        var plan = MeshFixture.plan(new StackYaml().remotes(1)
                .set("clusters[0].gateway.annotations", Map.of("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")).yaml());
        // THEN the remote gets the hostname, not an IP
        var istiod = plan.resource(RELEASE, "cluster2-istiod");
        assertEquals(SimulatedClusters.simulatedHostname("cluster1"), istiod.input("values.global.remotePilotAddress").orElseThrow());
        assertEquals("nlb", plan.resource(SERVICE, "cluster1-eastwestgateway")
                .input("metadata.annotations").map(a -> ((Map<?, ?>) a).get("service.beta.kubernetes.io/aws-load-balancer-type")).orElseThrow());
    }

    @Test
    @DisplayName("a configured gateway address is used as given, and nothing waits for a load balancer")
    void configuredAddressIsUsedAsGiven() {
        // GIVEN the primary's gateway address is known in advance
        var plan = MeshFixture.plan(new StackYaml().remotes(1).set("clusters[0].gateway.address", "gw.example.com").yaml());
        // THEN it is the remote's pilot address, and the gateway Service skips the wait for an address
        var istiod = plan.resource(RELEASE, "cluster2-istiod");
        assertEquals("gw.example.com", istiod.input("values.global.remotePilotAddress").orElseThrow());
        var service = plan.resource(SERVICE, "cluster1-eastwestgateway");
        assertEquals("true", ((Map<?, ?>) service.input("metadata.annotations").orElseThrow()).get("pulumi.com/skipAwait"));
        assertFalse(((Map<?, ?>) service.input("metadata.annotations").orElseThrow()).containsKey("pulumi.com/waitFor"));
        // AND the remote still waits until istiod is reachable behind that address
        assertTrue(new PlanGraph(plan).waitsFor(istiod, plan.resource(RELEASE, "cluster1-eastwestgateway")));
        assertFalse(plan.gatewayAddress("cluster1").orElseThrow().simulated());
    }

    @Test
    @DisplayName("meshNetworks lists every network with its cluster registry and its own gateway, after every gateway has an address")
    void meshNetworksListsEveryNetwork() throws Exception {
        // WHEN the 1 + 3 stack is planned
        var patch = fourClusters.resource(RegisteredNames.CONFIG_MAP_PATCH, "mesh-link-cluster1-mesh-networks");
        JsonNode doc = YAML.readTree((String) patch.input("data.meshNetworks").orElseThrow());
        // THEN each network names its cluster and its gateway
        for (int i = 1; i <= 4; i++) {
            var network = doc.path("networks").path("network" + i);
            assertEquals("cluster" + i, network.path("endpoints").get(0).path("fromRegistry").asText());
            assertEquals(fourClusters.gatewayAddress("cluster" + i).orElseThrow().value(), network.path("gateways").get(0).path("address").asText());
            assertEquals(15443, network.path("gateways").get(0).path("port").asInt());
            assertTrue(new PlanGraph(fourClusters).waitsFor(patch, fourClusters.resource(SERVICE, "cluster" + i + "-eastwestgateway")));
        }
        assertEquals(4, doc.path("networks").size());
        // AND it patches the istio ConfigMap of the primary, after istiod, taking the key over from Helm
        assertEquals("cluster1", fourClusters.clusterOf(patch).orElseThrow());
        assertEquals("istio", patch.input("metadata.name").orElseThrow());
        assertEquals("true", ((Map<?, ?>) patch.input("metadata.annotations").orElseThrow()).get("pulumi.com/patchForce"));
        assertTrue(new PlanGraph(fourClusters).waitsFor(patch, fourClusters.resource(RELEASE, "cluster1-istiod")));
        assertEquals(patch.input("data.meshNetworks").orElseThrow(), fourClusters.outputs().get("meshNetworks"));
    }

    @Test
    @DisplayName("each remote gets a labelled, annotated remote secret in the primary whose kubeconfig reaches it with the reader token")
    void remoteSecretPerRemote() throws Exception {
        for (var remote : List.of("cluster2", "cluster3", "cluster4")) {
            // WHEN the 1 + 3 stack is planned
            var secret = fourClusters.resource(SECRET, "mesh-link-cluster1-istio-remote-secret-" + remote);
            // THEN it lives in the primary's istio-system with istio's label and cluster annotation
            assertEquals("cluster1", fourClusters.clusterOf(secret).orElseThrow());
            assertEquals("istio-remote-secret-" + remote, secret.input("metadata.name").orElseThrow());
            assertEquals("istio-system", secret.input("metadata.namespace").orElseThrow());
            assertEquals("true", ((Map<?, ?>) secret.input("metadata.labels").orElseThrow()).get("istio/multiCluster"));
            assertEquals(remote, ((Map<?, ?>) secret.input("metadata.annotations").orElseThrow()).get("networking.istio.io/cluster"));
            // AND its only key is a kubeconfig named after the remote, pointing at its API server with the reader's token
            assertTrue(secret.isSecret("stringData"), "the kubeconfig must be a Pulumi secret");
            var kubeconfig = YAML.readTree((String) secret.input("stringData." + remote).orElseThrow());
            assertEquals(remote, kubeconfig.path("current-context").asText());
            assertEquals(remote, kubeconfig.path("contexts").get(0).path("context").path("cluster").asText());
            assertEquals(remote, kubeconfig.path("contexts").get(0).path("context").path("user").asText());
            var cluster = kubeconfig.path("clusters").get(0);
            assertEquals(remote, cluster.path("name").asText());
            assertEquals("https://api." + remote + ".example:6443", cluster.path("cluster").path("server").asText());
            assertEquals(SimulatedClusters.simulatedCaPem(remote), new String(Base64.getDecoder()
                    .decode(cluster.path("cluster").path("certificate-authority-data").asText()), StandardCharsets.UTF_8));
            assertEquals(SimulatedClusters.simulatedToken(remote), kubeconfig.path("users").get(0).path("user").path("token").asText());
            // AND it waits for the token the remote's token controller fills, and for the release that grants its access
            assertTrue(new PlanGraph(fourClusters).waitsFor(secret, fourClusters.resource(SECRET, remote + "-reader-token")));
            assertTrue(new PlanGraph(fourClusters).waitsFor(secret, fourClusters.resource(RELEASE, remote + "-istiod")));
        }
    }

    @Test
    @DisplayName("a remote's east-west gateway release waits for its primary's remote secret for it, and Helm waits for its pods")
    void remoteGatewayWaitsForItsRemoteSecret() {
        // GIVEN the dev stack (cluster2 a remote of cluster1, on another network)
        var gateway = dev.resource(RELEASE, "cluster2-eastwestgateway");
        var remoteSecret = dev.resource(SECRET, "mesh-link-cluster1-istio-remote-secret-cluster2");
        // THEN the release depends on the secret directly, as Istio's primary-remote multi-network flow attaches the
        // remote before installing its gateway, and Helm awaits the gateway's pods
        assertTrue(new PlanGraph(dev).dependencies(gateway).contains(remoteSecret.urn()), "dependencies: " + gateway.dependencies());
        assertEquals(false, gateway.input("skipAwait").orElseThrow());
        // AND the secret does not wait for the gateway (no cycle): it needs only the reader token
        assertFalse(new PlanGraph(dev).waitsFor(remoteSecret, gateway));
    }

    @Test
    @DisplayName("the Helm values of each release are those of the pinned charts, in the dev stack")
    void helmValues() {
        // primary: full control plane, external istiod for the remotes
        var primaryIstiod = dev.resource(RELEASE, "cluster1-istiod");
        assertEquals(Map.of(
                "global", Map.of("meshID", "mesh1", "multiCluster", Map.of("clusterName", "cluster1"), "network", "network1",
                        "externalIstiod", true)), primaryIstiod.input("values").orElseThrow());
        // remote: remote profile, istiod reached through the primary's gateway
        assertEquals(Map.of(
                "profile", "remote",
                "global", Map.of("meshID", "mesh1", "multiCluster", Map.of("clusterName", "cluster2"), "network", "network2",
                        "remotePilotAddress", dev.gatewayAddress("cluster1").orElseThrow().value(), "configCluster", true),
                "istiodRemote", Map.of("enabled", true, "injectionPath", "/inject/cluster/cluster2/net/network2")),
                dev.resource(RELEASE, "cluster2-istiod").input("values").orElseThrow());
        // the chart's reader ServiceAccount exists where a primary watches the cluster: the remote, not the lone primary
        assertEquals(Map.of("global", Map.of("enableReaderRBAC", false)), dev.resource(RELEASE, "cluster1-base").input("values").orElseThrow());
        assertEquals(Map.of("profile", "remote", "global", Map.of("enableReaderRBAC", true)),
                dev.resource(RELEASE, "cluster2-base").input("values").orElseThrow());
        for (var cluster : List.of("cluster1", "cluster2")) {
            assertEquals(Map.of("networkGateway", cluster.equals("cluster1") ? "network1" : "network2", "service", Map.of("type", "None")),
                    dev.resource(RELEASE, cluster + "-eastwestgateway").input("values").orElseThrow());
            for (var release : List.of("base", "istiod", "eastwestgateway")) {
                var r = dev.resource(RELEASE, cluster + "-" + release);
                assertEquals("1.30.3", r.input("version").orElseThrow());
                assertEquals("https://istio-release.storage.googleapis.com/charts", r.input("repositoryOpts.repo").orElseThrow());
                assertEquals("istio-system", r.input("namespace").orElseThrow());
            }
            assertEquals("istio-base", dev.resource(RELEASE, cluster + "-base").input("name").orElseThrow());
            assertEquals("istiod", dev.resource(RELEASE, cluster + "-istiod").input("name").orElseThrow());
            assertEquals("gateway", dev.resource(RELEASE, cluster + "-eastwestgateway").input("chart").orElseThrow());
        }
        // Helm waits for every release's workloads, the remote's gateway included (it follows its remote secret)
        for (var release : dev.resources(r -> r.type().equals(RELEASE))) {
            assertEquals(false, release.input("skipAwait").orElseThrow(), release.name());
        }
    }

    @Test
    @DisplayName("charts from an OCI registry are installed by reference, without a repository index")
    void ociCharts() {
        var plan = MeshFixture.plan(new StackYaml().remotes(1).chartRepository("oci://gcr.io/istio-release/charts").yaml());
        var istiod = plan.resource(RELEASE, "cluster2-istiod");
        assertEquals("oci://gcr.io/istio-release/charts/istiod", istiod.input("chart").orElseThrow());
        assertTrue(istiod.input("repositoryOpts").isEmpty());
        assertEquals("1.30.3", istiod.input("version").orElseThrow());
    }

    @Test
    @DisplayName("helloworld v1 runs in the primary, v2 in every remote, curl and the helloworld Service everywhere")
    void samplesPlacement() {
        var plan = MeshFixture.plan(new StackYaml().remotes(3).set("samples.enabled", true).yaml());
        var deployments = plan.resources(r -> r.type().equals(RegisteredNames.DEPLOYMENT));
        assertEquals("samples-cluster1-curl-deployment, samples-cluster1-helloworld-v1, samples-cluster2-curl-deployment, "
                + "samples-cluster2-helloworld-v2, samples-cluster3-curl-deployment, samples-cluster3-helloworld-v2, "
                + "samples-cluster4-curl-deployment, samples-cluster4-helloworld-v2", MeshFixture.names(deployments));
        for (var d : deployments) {
            var cluster = d.name().split("-")[1];
            assertEquals(cluster, plan.clusterOf(d).orElseThrow(), d.name() + " must run in its own cluster");
            assertEquals("sample", d.input("metadata.namespace").orElseThrow());
        }
        for (int i = 1; i <= 4; i++) {
            var namespace = plan.resource(RegisteredNames.NAMESPACE, "samples-cluster" + i + "-namespace");
            assertEquals("enabled", ((Map<?, ?>) namespace.input("metadata.labels").orElseThrow()).get("istio-injection"));
            assertEquals("cluster" + i, plan.clusterOf(plan.resource(SERVICE, "samples-cluster" + i + "-helloworld")).orElseThrow());
            // injection needs the cluster's istiod release (the webhook) before any sample pod starts
            assertTrue(new PlanGraph(plan).waitsFor(namespace, plan.resource(RELEASE, "cluster" + i + "-istiod")));
        }
        // a remote's sidecars get certificates only once the primary watches it
        assertTrue(new PlanGraph(plan).waitsFor(plan.resource(RegisteredNames.NAMESPACE, "samples-cluster3-namespace"),
                plan.resource(SECRET, "mesh-link-cluster1-istio-remote-secret-cluster3")));
        @SuppressWarnings("unchecked")
        var commands = (Map<String, String>) plan.outputs().get("verifyCommands");
        assertEquals("kubectl exec --context=ctx-cluster3 -n sample -c curl deploy/curl -- curl -sS helloworld.sample:5000/hello",
                commands.get("cluster3"));
        assertEquals(4, commands.size());
    }

    @Test
    @DisplayName("inside each cluster, the order is namespace, cacerts and base, then istiod, then gateway and Istio config")
    void orderInsideACluster() {
        for (var cluster : List.of("cluster1", "cluster2")) {
            var namespace = dev.resource(RegisteredNames.NAMESPACE, cluster + "-istio-system");
            var cacerts = dev.resource(SECRET, cluster + "-cacerts");
            var base = dev.resource(RELEASE, cluster + "-base");
            var istiod = dev.resource(RELEASE, cluster + "-istiod");
            var gateway = dev.resource(RELEASE, cluster + "-eastwestgateway");
            assertTrue(new PlanGraph(dev).waitsFor(cacerts, namespace));
            assertTrue(new PlanGraph(dev).waitsFor(base, namespace));
            assertTrue(new PlanGraph(dev).waitsFor(istiod, cacerts), "istiod must find cacerts at start, or it mints its own root");
            assertTrue(new PlanGraph(dev).waitsFor(istiod, base));
            assertTrue(new PlanGraph(dev).waitsFor(gateway, istiod), "gateway pods need the injection webhook");
        }
        for (var cr : dev.resources(r -> r.type().startsWith("kubernetes:networking.istio.io/"))) {
            assertEquals("cluster1", dev.clusterOf(cr).orElseThrow());
            assertTrue(new PlanGraph(dev).waitsFor(cr, dev.resource(RELEASE, "cluster1-istiod")), cr.name());
        }
    }

    @Test
    @DisplayName("the east-west gateway Service exposes 15021, 15443, 15012 and 15017 over TCP and waits only for its address")
    void gatewayService() {
        var service = dev.resource(SERVICE, "cluster2-eastwestgateway");
        assertEquals("LoadBalancer", service.input("spec.type").orElseThrow());
        assertEquals(Map.of("app", "istio-eastwestgateway", "istio", "eastwestgateway"), service.input("spec.selector").orElseThrow());
        @SuppressWarnings("unchecked")
        var ports = (List<Map<String, Object>>) service.input("spec.ports").orElseThrow();
        assertEquals(List.of(15021L, 15443L, 15012L, 15017L), ports.stream().map(p -> p.get("port")).toList());
        assertTrue(ports.stream().allMatch(p -> "TCP".equals(p.get("protocol"))));
        var annotations = (Map<?, ?>) service.input("metadata.annotations").orElseThrow();
        assertEquals("jsonpath={.status.loadBalancer.ingress[0]['ip','hostname']}", annotations.get("pulumi.com/waitFor"));
        // meshNetworks alone advertises the gateway (see GatewayDiscoveryTest)
        assertEquals(null, ((Map<?, ?>) service.input("metadata.labels").orElseThrow()).get("topology.istio.io/network"));
    }

    @Test
    @DisplayName("a NodePort gateway puts the configured port on the cross-network port and advertises the configured address")
    void nodePortGateway() throws Exception {
        var plan = MeshFixture.plan(new StackYaml().remotes(1).set("clusters[1].gateway", Map.of(
                "serviceType", "NodePort", "address", "203.0.113.77", "port", 31443)).yaml());
        var service = plan.resource(SERVICE, "cluster2-eastwestgateway");
        assertEquals("NodePort", service.input("spec.type").orElseThrow());
        @SuppressWarnings("unchecked")
        var tls = ((List<Map<String, Object>>) service.input("spec.ports").orElseThrow()).get(1);
        assertEquals(Map.of("name", "tls", "port", 15443L, "targetPort", 15443L, "nodePort", 31443L, "protocol", "TCP"), tls);
        var doc = YAML.readTree((String) plan.outputs().get("meshNetworks"));
        assertEquals("203.0.113.77", doc.path("networks").path("network2").path("gateways").get(0).path("address").asText());
        assertEquals(31443, doc.path("networks").path("network2").path("gateways").get(0).path("port").asInt());
    }

    @Test
    @DisplayName("the istio-system namespaces carry the network label, and a remote's names the primary as its control plane")
    void namespaces() {
        var primary = dev.resource(RegisteredNames.NAMESPACE, "cluster1-istio-system");
        var remote = dev.resource(RegisteredNames.NAMESPACE, "cluster2-istio-system");
        assertEquals("network1", ((Map<?, ?>) primary.input("metadata.labels").orElseThrow()).get("topology.istio.io/network"));
        assertEquals("network2", ((Map<?, ?>) remote.input("metadata.labels").orElseThrow()).get("topology.istio.io/network"));
        assertEquals("cluster1", ((Map<?, ?>) remote.input("metadata.annotations").orElseThrow()).get("topology.istio.io/controlPlaneClusters"));
    }

    @Test
    @DisplayName("the remote's reader token Secret is a token of the charts' reader account, after the releases that create and bind it")
    void readerToken() {
        RecordedResource token = dev.resource(SECRET, "cluster2-reader-token");
        assertEquals("kubernetes.io/service-account-token", token.input("type").orElseThrow());
        var annotations = (Map<?, ?>) token.input("metadata.annotations").orElseThrow();
        assertEquals("istio-reader-service-account", annotations.get("kubernetes.io/service-account.name"));
        assertEquals("[\"jsonpath={.data.token}\", \"jsonpath={.data['ca.crt']}\"]", annotations.get("pulumi.com/waitFor"));
        // the base chart renders the ServiceAccount, the istiod chart the reader ClusterRole and its binding
        assertTrue(new PlanGraph(dev).waitsFor(token, dev.resource(RELEASE, "cluster2-base")));
        assertTrue(new PlanGraph(dev).waitsFor(token, dev.resource(RELEASE, "cluster2-istiod")));
        // and nothing of the reader is declared twice: no account, role or binding of our own
        assertEquals(List.of(), dev.resources(r -> r.type().startsWith("kubernetes:rbac.authorization.k8s.io/")
                || r.type().equals(RegisteredNames.SERVICE_ACCOUNT) && r.name().contains("reader")));
    }
}
