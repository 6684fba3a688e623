package io.istiomc.safety;

import io.istiomc.config.ConfigProblem;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.plan.PlanRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.cli;
import static io.istiomc.safety.SafetyFixture.raw;
import static io.istiomc.safety.SafetyFixture.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input: every invalid stack file under {@code src/test/resources/safety/invalid/} is
 * rejected with exit code 2 and the exact problems, before the Pulumi engine starts (so nothing is
 * registered).
 */
class BadInputTest {
    private static final String NS = "istio-multicluster:";
    private static final String LABEL_RULE = "; use at most 63 lowercase letters, digits and '-', starting and ending"
            + " with a letter or digit";
    private static final String CLUSTERS_REQUIRED = NS + "clusters: is required; list one or more clusters with"
            + " 'role: primary' and any number with 'role: remote'";
    private static final String TOP_LEVEL_KEYS = "(known keys: ca, clusters, istio, meshId, samples)";
    private static final String CLUSTER_KEYS = "(known keys: name, role, context, network, controlPlane, kubeconfig, apiServer,"
            + " tlsServerName, gateway, deleteUnreachable, readerTokenGeneration, values, hub, tag,"
            + " imagePullSecrets, dnsProxying)";
    private static final String NODE_PORT_ADDRESS = "is required when 'serviceType' is NodePort: Kubernetes reports no"
            + " external address for a NodePort Service; set the address other networks reach the nodes at";
    private static final String UNWATCHED = "is only used for a cluster that a primary watches (it goes into that"
            + " primary's remote secret for this cluster); the only primary is watched by none, so remove it";
    private static final String TLS_SERVER_NAME_RULE = "must be a DNS name (an RFC 1123 subdomain: lowercase letters,"
            + " digits, '-' and '.'), not an IP address or a URL (got '%s'); set the name the API server's certificate is"
            + " issued for, e.g. api.cluster2.example";
    private static final String SAME_CONTEXT = "'ctx-cluster1' of the same kubeconfig is already the context of cluster"
            + " 'cluster1'; each cluster needs its own kube context, or the mesh would install twice into one cluster";

    /** The table: stack file (without .yaml) and every problem the validator must report, in its order. */
    static Stream<Arguments> invalidStacks() {
        return Stream.of(
                invalid("01-missing-mesh-id",
                        NS + "meshId: is required; set it to the mesh ID every cluster shares, e.g. 'mesh1'"),
                invalid("02-missing-istio",
                        NS + "istio: is required; set 'version' (e.g. 1.30.3) and optionally 'chartRepository'"),
                invalid("03-missing-clusters", CLUSTERS_REQUIRED),
                invalid("04-unknown-top-level-key",
                        NS + "region: is not a known key " + TOP_LEVEL_KEYS),
                invalid("05-typo-clusters-key",
                        NS + "cluster: is not a known key; did you mean 'clusters'? " + TOP_LEVEL_KEYS,
                        CLUSTERS_REQUIRED),
                invalid("06-typo-network-key",
                        NS + "clusters[1].netwrk: is not a known key; did you mean 'network'? " + CLUSTER_KEYS,
                        NS + "clusters[1].network: is required"),
                invalid("07-several-primaries-remote-without-control-plane",
                        NS + "clusters[1].controlPlane: is required when there are several primaries; name the primary"
                                + " whose istiod serves this remote (cluster1, cluster3)"),
                invalid("08-no-primary",
                        NS + "clusters: must have at least one cluster with 'role: primary' (found none);"
                                + " mark each cluster that runs istiod as 'role: primary'"),
                invalid("09-duplicate-cluster-names",
                        NS + "clusters[1].name: 'cluster1' is already the name of clusters[0];"
                                + " cluster names must be unique"),
                invalid("10-cluster-name-not-dns-label",
                        NS + "clusters[0].name: must be a DNS-1123 label (got 'Cluster_1')" + LABEL_RULE),
                invalid("11-network-not-dns-label",
                        NS + "clusters[1].network: must be a DNS-1123 label (got 'Net_2')" + LABEL_RULE),
                invalid("12-remote-shares-primary-context",
                        NS + "clusters[1].context: " + SAME_CONTEXT),
                invalid("13-gateway-port-out-of-range",
                        NS + "clusters[1].gateway.port: must be a port number from 1 to 65535 (got 70000)"),
                invalid("14-gateway-address-not-ip-or-dns",
                        NS + "clusters[1].gateway.address: must be an IP address or a DNS name (got '300.1.2.3')"),
                invalid("15-gateway-address-with-underscore",
                        NS + "clusters[0].gateway.address: must be an IP address or a DNS name (got 'east_west.example.com')"),
                invalid("16-malformed-istio-version",
                        NS + "istio.version: must be an Istio release version like 1.30.3 (got '1.30')"),
                invalid("17-kubeconfig-file-missing",
                        NS + "clusters[0].kubeconfig: is neither an existing file nor a kubeconfig's content (the value is"
                                + " not shown: it may be a credential); give an existing kubeconfig path, or the kubeconfig's"
                                + " content with 'apiVersion' and 'kind: Config'"),
                invalid("18-empty-clusters-list",
                        NS + "clusters: must not be empty; list one or more clusters with 'role: primary' and any"
                                + " number with 'role: remote'"),
                invalid("19-clusters-is-a-string",
                        NS + "clusters: must be a list of cluster objects (got the string 'cluster1,cluster2')"),
                invalid("20-nodeport-without-address",
                        NS + "clusters[1].gateway.address: " + NODE_PORT_ADDRESS),
                invalid("21-nodeport-port-outside-range",
                        NS + "clusters[1].gateway.port: must be a node port from 30000 to 32767 when 'serviceType' is"
                                + " NodePort (got 15443)"),
                invalid("22-intermediate-outlives-root",
                        NS + "ca.intermediateValidityDays: must not exceed rootValidityDays (730 > 365): an intermediate"
                                + " cannot outlive its root"),
                invalid("23-rsa-1024",
                        NS + "ca.rsaBits: must be 2048, 3072 or 4096 (got 1024)"),
                invalid("24-chart-repository-http",
                        NS + "istio.chartRepository: must be an https:// or oci:// URL of a Helm repository"
                                + " (got 'http://charts.example.com/istio')"),
                invalid("25-samples-namespace-not-dns-label",
                        NS + "samples.namespace: must be a DNS-1123 label (got 'Sample_Apps')" + LABEL_RULE),
                invalid("26-api-server-not-https",
                        NS + "clusters[1].apiServer: must be an https:// URL with a host, e.g. https://203.0.113.20:6443"
                                + " (got 'http://api.cluster2.example:6443')"),
                invalid("27-unknown-role",
                        NS + "clusters[1].role: must be 'primary' or 'remote' (got 'secondary')"),
                invalid("28-cluster-without-name-and-context",
                        NS + "clusters[1].name: is required",
                        NS + "clusters[1].context: is required"),
                invalid("29-nodeport-on-primary",
                        NS + "clusters[0].gateway.serviceType: must be 'LoadBalancer' on a primary that serves remotes"
                                + " (got 'NodePort'): they reach istiod through the gateway address on the fixed ports"
                                + " 15012 and 15017"),
                invalid("30-api-server-on-primary",
                        NS + "clusters[0].apiServer: " + UNWATCHED),
                invalid("31-port-is-not-a-number",
                        NS + "clusters[0].gateway.port: must be a whole number (got the string 'tls')"),
                invalid("32-root-validity-too-long",
                        NS + "ca.rootValidityDays: must be from 1 to 36500 days (got 40000)"),
                invalid("33-protect-root-key-not-boolean",
                        NS + "ca.protectRootKey: must be true or false (got the string 'yes')"),
                invalid("34-istio-is-a-string",
                        NS + "istio: must be an object with 'version' and 'chartRepository' (got the string '1.30.3')"),
                invalid("35-empty-kubeconfig",
                        NS + "clusters[0].kubeconfig: must not be empty; give a kubeconfig file path or its content,"
                                + " or remove the key to use the default kubeconfig"),
                invalid("36-cluster-is-a-string",
                        NS + "clusters[1]: must be a cluster object with 'name', 'role', 'context' and 'network'"
                                + " (got the string 'cluster2')"),
                invalid("37-gateway-key-typo",
                        NS + "clusters[0].gateway.adress: is not a known key; did you mean 'address'?"
                                + " (known keys: address, port, serviceType, annotations)"),
                invalid("38-unsupported-service-type",
                        NS + "clusters[1].gateway.serviceType: must be 'LoadBalancer' or 'NodePort' (got 'ClusterIP')"),
                invalid("39-mesh-id-not-dns-label",
                        NS + "meshId: must be a DNS-1123 label (got 'Mesh_1')" + LABEL_RULE),
                invalid("40-annotations-not-a-map",
                        NS + "clusters[0].gateway.annotations: must be a map of annotation names to string values"
                                + " (got a list)"),
                invalid("41-chart-repository-without-host",
                        NS + "istio.chartRepository: must be an https:// or oci:// URL of a Helm repository"
                                + " (got 'https://')"),
                invalid("42-many-problems", MANY_PROBLEMS.toArray(String[]::new)),
                invalid("43-control-plane-names-a-remote",
                        NS + "clusters[2].controlPlane: names 'cluster2', which is a remote; name a primary"
                                + " (cluster1, cluster4)"),
                invalid("44-control-plane-names-unknown-cluster",
                        NS + "clusters[1].controlPlane: names 'custer1', which is not a cluster of this mesh; name a"
                                + " primary (cluster1)"),
                invalid("45-control-plane-on-a-primary",
                        NS + "clusters[1].controlPlane: is only for remotes: a primary runs its own istiod, which serves"
                                + " it; remove it"),
                invalid("46-tls-server-name-is-a-url",
                        NS + "clusters[1].tlsServerName: " + TLS_SERVER_NAME_RULE.formatted("https://api.cluster2.example:6443")),
                invalid("47-tls-server-name-is-an-ip",
                        NS + "clusters[1].tlsServerName: " + TLS_SERVER_NAME_RULE.formatted("203.0.113.20")),
                invalid("48-tls-server-name-on-the-only-primary",
                        NS + "clusters[0].tlsServerName: " + UNWATCHED),
                invalid("49-api-server-with-user-info",
                        NS + "clusters[1].apiServer: " + API_SERVER_CREDENTIALS.formatted("https://***@api.cluster2.example:6443")),
                invalid("50-api-server-with-token-query",
                        NS + "clusters[1].apiServer: " + API_SERVER_CREDENTIALS.formatted("https://api.cluster2.example:6443/?***")),
                invalid("51-chart-repository-with-user-info",
                        NS + "istio.chartRepository: " + CHART_CREDENTIALS.formatted("https://***@charts.example.com/istio")),
                invalid("52-chart-repository-with-token-query",
                        NS + "istio.chartRepository: " + CHART_CREDENTIALS.formatted("https://charts.example.com/istio?***")),
                invalid("53-api-server-port-out-of-range",
                        NS + "clusters[1].apiServer: must have a port from 1 to 65535 (got 'https://api.cluster2.example:99999')"),
                invalid("54-keys-outside-the-namespace",
                        "istio-multicluster:clusters: is set twice, as 'istio-multicluster:clusters' and as 'clusters' (a key"
                                + " without a namespace is the project's: Pulumi prefixes it with 'istio-multicluster:'); Pulumi"
                                + " keeps one of the two at random, so remove one",
                        "other:samples: is outside the istio-multicluster namespace, so this program never reads it; write it as"
                                + " 'istio-multicluster:samples'"),
                invalid("55-gateway-addresses-no-network-can-dial",
                        undialable(0, "0.0.0.0", "the unspecified address, which means 'every local address'"),
                        undialable(1, "255.255.255.255", "the broadcast address"),
                        undialable(2, "::", "the unspecified address, which means 'every local address'"),
                        undialable(3, "127.0.0.1", "a loopback address"),
                        undialable(4, "::1", "a loopback address"),
                        undialable(5, "localhost", "a name of the local host"),
                        undialable(6, "::ffff:127.0.0.1", "a loopback address")),
                invalid("56-gateway-annotation-names-invalid",
                        NS + "clusters[0].gateway.annotations./empty-prefix: " + ANNOTATION_PREFIX,
                        NS + "clusters[0].gateway.annotations.Example.com/lb: " + ANNOTATION_PREFIX,
                        NS + "clusters[0].gateway.annotations.bad name: " + ANNOTATION_NAME,
                        NS + "clusters[0].gateway.annotations.ok.example.com/-leading-dash: " + ANNOTATION_NAME),
                invalid("57-chart-repository-password-without-username",
                        NS + "istio.chartRepositoryUsername: is required when chartRepositoryPassword is set: a private chart"
                                + " repository takes both"),
                invalid("58-mesh-id-null", MESH_ID_EMPTY),
                invalid("59-mesh-id-left-empty", MESH_ID_EMPTY),
                invalid("60-names-share-a-urn", NS + "clusters[2].name: 'y-istio-remote-secret-x' gives two resources one"
                        + " Pulumi URN: MeshLink's Secret 'mesh-link-x-istio-remote-secret-y-istio-remote-secret-x' would be"
                        + " registered twice (for clusters 'x', 'x-istio-remote-secret-y', 'y-istio-remote-secret-x'), and pulumi"
                        + " up would fail; rename one of these clusters"),
                invalid("61-values-unknown-key",
                        NS + "clusters[1].values.istiod.pilot.replicaCountt: istiod 1.30.3 has no value 'pilot.replicaCountt'"
                                + " (did you mean 'replicaCount'?)",
                        NS + "clusters[1].values.gateway.autoscaling.maxReplica: gateway 1.30.3 has no value"
                                + " 'autoscaling.maxReplica' (did you mean 'autoscaling.maxReplicas'?)"),
                invalid("62-values-owned-by-the-mesh",
                        NS + "istio.values.istiod.global.meshID: istiod value 'global.meshID' is set by the mesh from meshId;"
                                + " remove it here",
                        NS + "istio.values.istiod.global.hub: istiod value 'global.hub' is set by the mesh from istio.hub (or"
                                + " clusters[].hub on a primary); remove it here",
                        NS + "istio.values.base.global: must be a map: it would replace base value 'global.enableReaderRBAC',"
                                + " which the mesh sets from whether a primary watches the cluster (clusters[].role)",
                        NS + "clusters[0].values.gateway.networkGateway: gateway value 'networkGateway' is set by the mesh"
                                + " from clusters[].network; remove it here",
                        NS + "clusters[0].values.gateway.service: gateway value 'service' is set by the mesh from the mesh"
                                + " itself, which declares the gateway's Service (clusters[].gateway); remove it here"),
                invalid("63-values-unknown-chart-and-not-maps",
                        NS + "istio.values.istio: is not a chart the mesh installs; did you mean 'istiod'? (charts: base,"
                                + " istiod, gateway)",
                        NS + "istio.values.gateway: must be a map of the gateway chart's Helm values",
                        NS + "clusters[0].values: must be a map of charts (base, istiod, gateway) to their Helm values"),
                invalid("64-remote-sets-image-and-dns-proxying",
                        NS + "clusters[1].hub: " + DECIDED_BY_PRIMARY,
                        NS + "clusters[1].tag: " + DECIDED_BY_PRIMARY,
                        NS + "clusters[1].dnsProxying: " + DECIDED_BY_PRIMARY),
                invalid("65-bad-hub-tag-and-pull-secrets",
                        NS + "istio.dnsProxying: must be true or false (got the string 'yes please')",
                        // the types are read first, then the Mesh's rules
                        NS + "clusters[0].imagePullSecrets: must be a list of strings (got the string 'regcred')",
                        NS + "istio.hub: must be an image registry and path without a tag or scheme, e.g."
                                + " 'registry.example.com/istio' (got 'https://registry.example.com/istio')",
                        NS + "istio.tag: must be an image tag: letters, digits, '_', '.' and '-', at most 128 characters"
                                + " (got '1.30 3')",
                        NS + "istio.imagePullSecrets[1]: must be the name of a Secret in istio-system (a DNS-1123"
                                + " subdomain; got 'Reg_Cred')"));
    }

    private static final String DECIDED_BY_PRIMARY = "is decided by the primary whose istiod injects the remote's pods"
            + " ('cluster1'); set it there or under istio";

    private static final String MESH_ID_EMPTY = NS + "meshId: is empty (Pulumi passes a key left empty or null as an empty"
            + " string); set it to the mesh ID every cluster shares, e.g. 'mesh1'";

    static final String API_SERVER_CREDENTIALS = "must not carry credentials (user info or a query string; got"
            + " '%s'): the primary reaches this API server with the reader token the program creates; the deployment's own"
            + " credentials belong in the kubeconfig";
    static final String CHART_CREDENTIALS = "must not carry credentials (user info or a query string; got '%s'):"
            + " a private repository's user name and password go in 'chartRepositoryUsername' and, as a secret,"
            + " 'chartRepositoryPassword'";
    private static final String ANNOTATION_NAME = "is not a valid annotation name: the name (after an optional 'prefix/')"
            + " must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    private static final String ANNOTATION_PREFIX = "is not a valid annotation name: the prefix before '/' must be a DNS"
            + " subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)";

    private static String undialable(int cluster, String address, String why) {
        return NS + "clusters[" + cluster + "].gateway.address: must be an address other networks can dial (got '" + address
                + "', " + why + ")";
    }

    /**
     * The ten problems of {@code 42-many-problems.yaml}: first what only a stack file gets wrong (two
     * clusters on one context), then the mesh's own rules in the order the library checks its args.
     */
    private static final List<String> MANY_PROBLEMS = List.of(
            NS + "clusters[1].context: " + SAME_CONTEXT,
            NS + "meshId: must be a DNS-1123 label (got 'Mesh_1')" + LABEL_RULE,
            NS + "istio.version: must be an Istio release version like 1.30.3 (got '1.30')",
            NS + "istio.chartRepository: must be an https:// or oci:// URL of a Helm repository"
                    + " (got 'http://charts.example.com/istio')",
            NS + "clusters[1].network: must be a DNS-1123 label (got 'Net_2')" + LABEL_RULE,
            NS + "clusters[1].apiServer: must be an https:// URL with a host, e.g. https://203.0.113.20:6443"
                    + " (got 'http://api.cluster2.example:6443')",
            NS + "clusters[1].gateway.port: must be a node port from 30000 to 32767 when 'serviceType' is NodePort"
                    + " (got 80)",
            NS + "clusters[1].gateway.address: " + NODE_PORT_ADDRESS,
            NS + "ca.rsaBits: must be 2048, 3072 or 4096 (got 1024)",
            NS + "samples.namespace: must be a DNS-1123 label (got 'Sample_Apps')" + LABEL_RULE);

    private static Arguments invalid(String file, String... problems) {
        return Arguments.of(file, List.of(problems));
    }

    private static String file(String name) {
        return "safety/invalid/" + name + ".yaml";
    }

    @Test
    @DisplayName("the table covers at least 25 distinct invalid stack files, and every file in safety/invalid is in it")
    void tableCoversEveryFile() throws Exception {
        // GIVEN the stack files on disk and the table
        List<String> onDisk;
        try (var files = Files.list(testResource("safety/invalid"))) {
            onDisk = files.map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")).sorted().toList();
        }
        // WHEN the table is listed
        var inTable = invalidStacks().map(a -> (String) a.get()[0]).sorted().toList();
        // THEN they match one to one, and there are at least 25
        assertEquals(onDisk, inTable);
        assertTrue(inTable.size() >= 25, "only " + inTable.size() + " invalid stacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    @DisplayName("plan --config-file exits with 2 and prints every problem with its key path on stderr, and no plan")
    void cliRejectsWithExitCodeTwo(String name, List<String> problems) {
        // GIVEN an invalid stack file
        var path = testResource(file(name)).toString();
        // WHEN the plan command reads it
        var result = cli("plan", "--config-file", path);
        // THEN it exits with 2, names every problem, and prints nothing on stdout
        assertEquals(2, result.exitCode(), result.all());
        var header = "invalid stack configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):";
        assertTrue(result.err().contains(header), "stderr lacks '" + header + "':\n" + result.err());
        for (var problem : problems) {
            assertTrue(result.err().contains("  - " + problem + "\n"), "stderr lacks:\n  " + problem + "\nstderr:\n" + result.err());
        }
        assertEquals("", result.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    @DisplayName("the validator throws InvalidConfigException with exactly the expected problems")
    void readerReportsExactlyTheProblems(String name, List<String> problems) {
        // GIVEN an invalid stack file
        var raw = raw(testResource(file(name)));
        // WHEN it is validated
        var thrown = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(raw));
        // THEN the problems are exactly the expected ones, in order
        assertEquals(problems, thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    @DisplayName("the plan runner rejects the configuration before the Pulumi engine starts, with the same problems")
    void planRunnerRejectsBeforeRegistering(String name, List<String> problems) {
        // GIVEN an invalid stack file
        var raw = raw(testResource(file(name)));
        // WHEN a plan is made of it
        var thrown = assertThrows(InvalidConfigException.class, () -> PlanRunner.run("safety", raw, java.util.List.of()));
        // THEN it fails with the validator's exception (thrown before SimulatedRun registers anything)
        assertEquals(problems, thrown.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    @DisplayName("a stack with ten mistakes gets all ten reported in one run")
    void severalProblemsAreReportedTogether() {
        // GIVEN the stack with many mistakes
        var path = testResource(file("42-many-problems")).toString();
        // WHEN it is planned
        var result = cli("plan", "--config-file", path);
        // THEN one run lists all ten, each once
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("invalid stack configuration (10 problems):\n"), result.err());
        var lines = result.err().lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
        assertEquals(MANY_PROBLEMS, lines);
    }

    @Test
    @DisplayName("a cluster name never makes two resources share one URN (a cluster named 'root' vs the CA's root key)")
    void clusterNamesNeverCollideWithResourceNames() {
        // GIVEN a primary named 'root': its intermediate key would be 'mesh-ca-root-key', the root CA key's name
        var yaml = SafetyFixture.stack().remotes(1).set("clusters[0].name", "root").context(1, "ctx-root").yaml();
        // WHEN it is validated and planned
        try {
            var plan = SafetyFixture.plan(yaml);
            // THEN either every URN is unique (the engine rejects duplicates mid-deployment) ...
            var counts = new HashMap<String, Integer>();
            plan.resources().forEach(r -> counts.merge(r.urn(), 1, Integer::sum));
            var duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey()).sorted().toList();
            assertEquals(List.of(), duplicates, "URNs registered more than once");
        } catch (InvalidConfigException e) {
            // ... or the name is rejected up front, on the cluster's name
            assertTrue(e.problems().stream().anyMatch(p -> p.key().equals(NS + "clusters[0].name")), e.getMessage());
        }
    }

    @Test
    @DisplayName("samples.namespace 'istio-system' is rejected: the samples would manage (and on destroy delete) Istio's namespace")
    void samplesNeverShareTheIstioNamespace() {
        // GIVEN samples placed in istio-system
        var yaml = SafetyFixture.stack().remotes(1).samples("istio-system").yaml();
        // WHEN it is validated and planned
        try {
            var plan = SafetyFixture.plan(yaml);
            // THEN either no Kubernetes object is managed by two resources ...
            var owners = new HashMap<String, List<String>>();
            for (var resource : plan.resources(r -> r.isKubernetes() && r.custom())) {
                var kind = resource.type();
                var name = resource.type().equals(SafetyFixture.RELEASE) ? resource.input("name") : resource.input("metadata.name");
                var namespace = resource.type().equals(SafetyFixture.RELEASE) ? resource.input("namespace")
                        : resource.input("metadata.namespace");
                var key = plan.clusterOf(resource).orElse("?") + " " + kind + " " + namespace.orElse("") + "/" + name.orElse("");
                owners.computeIfAbsent(key, k -> new ArrayList<>()).add(resource.name());
            }
            var shared = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + " <- " + e.getValue()).sorted().toList();
            assertEquals(List.of(), shared, "Kubernetes objects managed by more than one resource");
        } catch (InvalidConfigException e) {
            // ... or the namespace is rejected up front
            assertTrue(e.problems().stream().anyMatch(p -> p.key().equals(NS + "samples.namespace")), e.getMessage());
        }
    }
}
