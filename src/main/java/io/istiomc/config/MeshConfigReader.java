package io.istiomc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.istiomc.components.Dns1123;
import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.Problem;
import io.istiomc.components.RegisteredNames;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.components.IstioCharts;
import io.istiomc.components.MeshCertificateAuthorityArgs;
import io.istiomc.components.Nearest;
import io.istiomc.components.ReleaseOverrides;
import io.istiomc.components.SampleAppsArgs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the stack configuration in one walk, collecting every problem before it fails,
 * so that a user sees all their mistakes at once.
 */
public final class MeshConfigReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = MeshConfig.NAMESPACE + ":";

    public static final Set<String> TOP_LEVEL_KEYS = Set.of("meshId", "istio", "clusters", "ca", "samples");
    /** The keys of {@link ReleaseOverrides}, the same under {@code istio} and under each cluster. */
    private static final List<String> RELEASE_KEYS = List.of("values", "hub", "tag", "imagePullSecrets", "dnsProxying");
    private static final List<String> ISTIO_KEYS = concat(List.of("version", "chartRepository", "chartRepositoryUsername",
            "chartRepositoryPassword"), RELEASE_KEYS);
    private static final List<String> CLUSTER_KEYS = concat(List.of("name", "role", "context", "network", "controlPlane",
            "kubeconfig", "apiServer", "tlsServerName", "gateway", "deleteUnreachable", "readerTokenGeneration"), RELEASE_KEYS);
    private static final List<String> GATEWAY_KEYS = List.of("address", "port", "serviceType", "annotations");
    private static final List<String> CA_KEYS = List.of("rootValidityDays", "intermediateValidityDays", "rsaBits",
            "protectRootKey", "intermediateRenewalDays");
    private static final List<String> SAMPLES_KEYS = List.of("enabled", "namespace");

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Function<String, Path> home;

    private MeshConfigReader(Function<String, Path> home) {
        this.home = home;
    }

    /**
     * Reads the configuration.
     *
     * @throws InvalidConfigException with every problem found
     */
    public static MeshConfig read(RawConfig raw) {
        return read(raw, p -> Home.directory().resolve(p));
    }

    /** As {@link #read(RawConfig)}, resolving {@code ~/} paths under a home chosen by the caller. */
    public static MeshConfig read(RawConfig raw, Function<String, Path> home) {
        var reader = new MeshConfigReader(home);
        var config = reader.readAll(raw);
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigException(reader.problems);
        }
        return config;
    }

    private MeshConfig readAll(RawConfig raw) {
        problems.addAll(raw.problems());
        for (var key : new java.util.TreeSet<>(raw.values().keySet())) {
            if (key.startsWith(NS) && !TOP_LEVEL_KEYS.contains(key.substring(NS.length()))) {
                unknownKey(key, key.substring(NS.length()), List.copyOf(new java.util.TreeSet<>(TOP_LEVEL_KEYS)));
            } else if (!key.startsWith(NS) && TOP_LEVEL_KEYS.contains(key.substring(key.indexOf(':') + 1))) {
                var name = key.substring(key.indexOf(':') + 1);
                problem(key, "is outside the " + MeshConfig.NAMESPACE + " namespace, so this program never reads it;"
                        + " write it as '" + NS + name + "'");
            }
        }
        var meshId = raw.get(NS + "meshId");
        if (meshId.isEmpty()) {
            problem(NS + "meshId", "is required; set it to the mesh ID every cluster shares, e.g. 'mesh1'");
        } else if (meshId.get().isEmpty()) {
            // 'meshId:' and 'meshId: null' reach the program as an empty string, not as the text 'null'.
            problem(NS + "meshId", "is empty (Pulumi passes a key left empty or null as an empty string); set it to the"
                    + " mesh ID every cluster shares, e.g. 'mesh1'");
        } else {
            report(NS, Dns1123.checkLabel("meshId", meshId.get()));
        }
        var istio = readIstio(node(raw, "istio"));
        var clusters = readClusters(node(raw, "clusters"));
        var ca = readCa(node(raw, "ca"));
        var samples = readSamples(node(raw, "samples"));
        if (problems.isEmpty()) {
            // Names the other rules accept may still give two resources one URN; checked on valid names only.
            var names = new LinkedHashMap<String, Boolean>();
            clusters.forEach(c -> names.put(c.name(), c.role() == ClusterRole.PRIMARY));
            var mesh = new RegisteredNames.Mesh(MeshConfig.CA_COMPONENT, MeshConfig.LINK_COMPONENT, MeshConfig.SAMPLES_COMPONENT, names);
            var order = List.copyOf(names.keySet());
            RegisteredNames.collisions(mesh).forEach(p -> problem(NS + "clusters[" + order.indexOf(p.property()) + "].name",
                    "'" + p.property() + "' " + p.message()));
        }
        return new MeshConfig(meshId.orElse(""), istio, clusters, ca, samples);
    }

    private static Optional<JsonNode> node(RawConfig raw, String key) {
        return raw.get(NS + key).map(text -> {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        });
    }

    private MeshConfig.Istio readIstio(Optional<JsonNode> node) {
        var key = NS + "istio";
        if (node.isEmpty()) {
            problem(key, "is required; set 'version' (e.g. 1.30.3) and optionally 'chartRepository'");
            return new MeshConfig.Istio("", IstioCharts.OFFICIAL_REPOSITORY);
        }
        if (!isObject(key, node.get(), "an object with 'version' and 'chartRepository'")) {
            return new MeshConfig.Istio("", IstioCharts.OFFICIAL_REPOSITORY);
        }
        var istio = node.get();
        checkKeys(key, istio, ISTIO_KEYS);
        var version = string(key + ".version", istio.get("version"), true).orElse("");
        if (!version.isEmpty() && !VERSION.matcher(version).matches()) {
            problem(key + ".version", "must be an Istio release version like 1.30.3 (got '" + version + "')");
        }
        var repository = string(key + ".chartRepository", istio.get("chartRepository"), false)
                .orElse(IstioCharts.OFFICIAL_REPOSITORY);
        reportAt(key + ".chartRepository", IstioCharts.checkRepository(repository));
        var username = string(key + ".chartRepositoryUsername", istio.get("chartRepositoryUsername"), false);
        var password = string(key + ".chartRepositoryPassword", istio.get("chartRepositoryPassword"), false);
        // Whether each is set, not whether it is usable: a mistyped password has its own problem.
        var usernameSet = istio.hasNonNull("chartRepositoryUsername");
        if (usernameSet != istio.hasNonNull("chartRepositoryPassword")) {
            problem(key + (usernameSet ? ".chartRepositoryPassword" : ".chartRepositoryUsername"),
                    "is required when " + (usernameSet ? "chartRepositoryUsername" : "chartRepositoryPassword")
                            + " is set: a private chart repository takes both");
        }
        var login = username.isPresent() && password.isPresent()
                ? Optional.of(new MeshConfig.ChartRepositoryLogin(username.get(), password.get())) : Optional.<MeshConfig.ChartRepositoryLogin>empty();
        return new MeshConfig.Istio(version, repository, login, readReleaseOverrides(key, istio));
    }

    /**
     * The Helm values and typed settings of {@code istio} or of one cluster ({@link #RELEASE_KEYS}),
     * each problem under its key, e.g. {@code clusters[1].values.istiod.pilot.replicaCountt}.
     */
    private ReleaseOverrides readReleaseOverrides(String key, JsonNode holder) {
        Map<String, Map<String, Object>> values = Map.of();
        var valuesNode = holder.get("values");
        if (valuesNode != null && !valuesNode.isNull()) {
            if (!valuesNode.isObject()) {
                problem(key + ".values", "must be a map of charts (base, istiod, gateway) to their Helm values (got "
                        + describe(key + ".values", valuesNode) + ")");
            } else {
                // Nulls stay: a null removes a value set below it, as in Helm's values files.
                Map<String, Object> byChart = JSON.convertValue(valuesNode, new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
                var found = ReleaseOverrides.checkValues(byChart);
                report(key + ".values.", found);
                if (found.isEmpty()) {
                    values = ReleaseOverrides.byChart(byChart);
                }
            }
        }
        var hub = string(key + ".hub", holder.get("hub"), false);
        var tag = string(key + ".tag", holder.get("tag"), false);
        var pullSecrets = strings(key + ".imagePullSecrets", holder.get("imagePullSecrets"));
        var dnsProxying = bool(key + ".dnsProxying", holder.get("dnsProxying"));
        report(key + ".", ReleaseOverrides.checkTyped(hub, tag, pullSecrets));
        return new ReleaseOverrides(values, hub, tag, pullSecrets, dnsProxying);
    }

    private List<MeshConfig.Cluster> readClusters(Optional<JsonNode> node) {
        var key = NS + "clusters";
        if (node.isEmpty()) {
            problem(key, "is required; list one or more clusters with 'role: primary' and any number with 'role: remote'");
            return List.of();
        }
        if (!node.get().isArray()) {
            problem(key, "must be a list of cluster objects (got " + describe(key, node.get()) + ")");
            return List.of();
        }
        if (node.get().isEmpty()) {
            problem(key, "must not be empty; list one or more clusters with 'role: primary' and any number with 'role: remote'");
            return List.of();
        }
        var topology = Topology.sketch(node.get());
        // Checked before the walk, which for a huge list would take longer than the refusal should.
        var tooLarge = MeshSize.check(topology.primaries().size(), node.get().size());
        if (tooLarge.isPresent()) {
            problem(key, tooLarge.get());
            return List.of();
        }
        var clusters = new ArrayList<MeshConfig.Cluster>();
        var names = new HashMap<String, Integer>();
        var contexts = new HashMap<KubeContext, String>();
        for (int i = 0; i < node.get().size(); i++) {
            var item = node.get().get(i);
            var path = key + "[" + i + "]";
            if (!isObject(path, item, "a cluster object with 'name', 'role', 'context' and 'network'")) {
                continue;
            }
            var cluster = readCluster(path, item, topology);
            if (!cluster.name().isEmpty()) {
                var first = names.putIfAbsent(cluster.name(), i);
                if (first != null) {
                    problem(path + ".name", "'" + cluster.name() + "' is already the name of " + key + "[" + first
                            + "]; cluster names must be unique");
                }
            }
            // A kubeconfig that could not be read has its own problem; its context is not compared.
            var kubeconfigUnread = item.hasNonNull("kubeconfig") && cluster.kubeconfig().isEmpty();
            if (!cluster.context().isEmpty() && !kubeconfigUnread) {
                var owner = contexts.putIfAbsent(new KubeContext(cluster.kubeconfig(), cluster.context()), cluster.name());
                if (owner != null) {
                    problem(path + ".context", sharedContext(cluster.context(), owner));
                }
            }
            clusters.add(cluster);
        }
        var rolesKnown = clusters.stream().allMatch(c -> c.role() != null);
        if (rolesKnown && clusters.stream().noneMatch(c -> c.role() == ClusterRole.PRIMARY)) {
            problem(key, "must have at least one cluster with 'role: primary' (found none); mark each cluster that runs"
                    + " istiod as 'role: primary'");
        }
        return clusters;
    }

    /**
     * The problem of a cluster whose context, in the same kubeconfig file, is already another cluster's.
     * Here files named by {@code kubeconfig} are compared; {@code ApiServers} compares them with the
     * default kubeconfig files, which it reads.
     */
    public static String sharedContext(String context, String owner) {
        return "'" + context + "' of the same kubeconfig is already the context of cluster '" + owner + "'; each cluster"
                + " needs its own kube context, or the mesh would install twice into one cluster";
    }

    /**
     * What a cluster's provider connects with: a context name means nothing without the kubeconfig
     * that holds it, so two clusters may use one context name from different kubeconfigs. Kubeconfigs
     * compare as {@link #kubeconfig} stores them; empty is the provider's default lookup.
     */
    private record KubeContext(Optional<MeshConfig.Kubeconfig> kubeconfig, String context) {
    }

    private MeshConfig.Cluster readCluster(String path, JsonNode item, Topology topology) {
        checkKeys(path, item, CLUSTER_KEYS);
        var name = string(path + ".name", item.get("name"), true).orElse("");
        if (!name.isEmpty()) {
            reportAt(path + ".name", MeshCertificateAuthorityArgs.checkClusterName(name));
        }
        var roleText = string(path + ".role", item.get("role"), true);
        ClusterRole role = roleText.flatMap(ClusterRole::fromConfigName).orElse(null);
        if (roleText.isPresent() && role == null) {
            problem(path + ".role", "must be 'primary' or 'remote' (got '" + roleText.get() + "')");
        }
        var context = string(path + ".context", item.get("context"), true).orElse("");
        var network = string(path + ".network", item.get("network"), true).orElse("");
        if (!network.isEmpty()) {
            report(path + ".", Dns1123.checkLabel("network", network));
        }
        var controlPlane = controlPlane(path + ".controlPlane", role,
                string(path + ".controlPlane", item.get("controlPlane"), false), topology);
        var kubeconfig = string(path + ".kubeconfig", item.get("kubeconfig"), false).flatMap(k -> kubeconfig(path + ".kubeconfig", k));
        var apiServer = string(path + ".apiServer", item.get("apiServer"), false);
        apiServer.ifPresent(url -> reportAt(path + ".apiServer", RemoteSecretKubeconfig.checkServer(url)));
        if (apiServer.isPresent() && topology.unwatched(role)) {
            unwatched(path + ".apiServer");
        }
        var tlsServerName = string(path + ".tlsServerName", item.get("tlsServerName"), false);
        tlsServerName.ifPresent(serverName -> report(path + ".", RemoteSecretKubeconfig.checkTlsServerName(serverName)));
        if (tlsServerName.isPresent() && topology.unwatched(role)) {
            unwatched(path + ".tlsServerName");
        }
        var exposesIstiod = role == ClusterRole.PRIMARY && topology.servesRemotes(name);
        var gateway = readGateway(path + ".gateway", Optional.ofNullable(item.get("gateway")), exposesIstiod);
        var deleteUnreachable = bool(path + ".deleteUnreachable", item.get("deleteUnreachable")).orElse(false);
        var readerTokenGeneration = integer(path + ".readerTokenGeneration", item.get("readerTokenGeneration")).orElse(0);
        report(path + ".", io.istiomc.components.ClusterArgs.checkReaderTokenGeneration(readerTokenGeneration));
        if (item.hasNonNull("readerTokenGeneration") && topology.unwatched(role)) {
            unwatched(path + ".readerTokenGeneration");
        }
        var releaseOverrides = readReleaseOverrides(path, item);
        if (role == ClusterRole.REMOTE) {
            report(path + ".", ReleaseOverrides.checkOnRemote(releaseOverrides, controlPlane.orElse("its control plane")));
        }
        return new MeshConfig.Cluster(name, role, context, network, kubeconfig, apiServer, tlsServerName, controlPlane, gateway,
                deleteUnreachable, readerTokenGeneration, releaseOverrides);
    }

    /**
     * A remote's control plane: the primary it names, or the only primary. A primary has none.
     * Nothing is checked against the other clusters while a role is unknown or no primary exists,
     * since the fix for those problems (reported where they are found) may change the answer.
     */
    private Optional<String> controlPlane(String key, ClusterRole role, Optional<String> named, Topology topology) {
        if (role == ClusterRole.PRIMARY) {
            named.ifPresent(n -> problem(key, "is only for remotes: a primary runs its own istiod, which serves it; remove it"));
            return Optional.empty();
        }
        var primaries = topology.primaries();
        if (role == null || primaries.isEmpty()) {
            return named;
        }
        var choices = " (" + String.join(", ", primaries) + ")";
        if (named.isEmpty()) {
            if (primaries.size() == 1) {
                return Optional.of(primaries.get(0));
            }
            problem(key, "is required when there are several primaries; name the primary whose istiod serves this remote"
                    + choices);
        } else if (!topology.names().contains(named.get())) {
            problem(key, "names '" + named.get() + "', which is not a cluster of this stack; name a primary" + choices);
        } else if (topology.roles().get(named.get()) == ClusterRole.REMOTE) {
            problem(key, "names '" + named.get() + "', which is a remote; name a primary" + choices);
        }
        return named;
    }

    private void unwatched(String key) {
        problem(key, "is only used for a cluster that a primary watches (it goes into that primary's remote secret for"
                + " this cluster); the only primary is watched by none, so remove it");
    }

    /**
     * Who is primary and which primary serves which remote, read ahead of the walk, since one
     * cluster's rules depend on the others. Items too malformed to tell are left out; their own
     * problems are reported when the walk reaches them.
     *
     * @param names             every cluster name
     * @param roles             the role of every cluster whose role is known
     * @param primaries         the names of the primaries, in order
     * @param servingPrimaries  the primaries some remote names, or the only primary when a remote names none
     */
    private record Topology(Set<String> names, Map<String, ClusterRole> roles, List<String> primaries,
                            Set<String> servingPrimaries) {
        static Topology sketch(JsonNode clusters) {
            var names = new java.util.HashSet<String>();
            var roles = new HashMap<String, ClusterRole>();
            var primaries = new ArrayList<String>();
            var named = new java.util.HashSet<String>();
            var remoteWithoutControlPlane = false;
            for (var item : clusters) {
                var name = item.path("name").isTextual() ? item.path("name").asText() : null;
                var role = ClusterRole.fromConfigName(item.path("role").asText(""));
                if (name == null) {
                    continue;
                }
                names.add(name);
                role.ifPresent(r -> roles.putIfAbsent(name, r));
                if (role.equals(Optional.of(ClusterRole.PRIMARY))) {
                    primaries.add(name);
                } else if (role.equals(Optional.of(ClusterRole.REMOTE))) {
                    if (item.path("controlPlane").isTextual()) {
                        named.add(item.path("controlPlane").asText());
                    } else {
                        remoteWithoutControlPlane = true;
                    }
                }
            }
            if (remoteWithoutControlPlane && primaries.size() == 1) {
                named.add(primaries.get(0));
            }
            return new Topology(Set.copyOf(names), Map.copyOf(roles), List.copyOf(primaries), Set.copyOf(named));
        }

        /** Whether no primary watches a cluster of this role; unknown roles are not judged. */
        boolean unwatched(ClusterRole role) {
            return role != null && !role.watched(primaries.size());
        }

        boolean servesRemotes(String primary) {
            return servingPrimaries.contains(primary);
        }
    }

    private Optional<MeshConfig.Kubeconfig> kubeconfig(String key, String value) {
        if (value.isBlank()) {
            problem(key, "must not be empty; give a kubeconfig file path or its content, or remove the key to use the default kubeconfig");
            return Optional.empty();
        }
        if (looksLikeContent(value)) {
            return Optional.of(new MeshConfig.Kubeconfig(true, value));
        }
        // The value may be a token or a key pasted by mistake: no message quotes it.
        Path path;
        try {
            path = value.startsWith("~/") ? home.apply(value.substring(2)) : Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            path = null;
        }
        if (path == null || !Files.isRegularFile(path)) {
            problem(key, "is neither an existing file nor a kubeconfig's content (the value is not shown: it may be a"
                    + " credential); give an existing kubeconfig path, or the kubeconfig's content with 'apiVersion'"
                    + " and 'kind: Config'");
            return Optional.empty();
        }
        if (!Files.isReadable(path)) {
            problem(key, "names a file this user may not read (permission denied)");
            return Optional.empty();
        }
        try {
            // One file spelled two ways (/kc/a, /kc/./a, a symbolic link) is one kubeconfig.
            return Optional.of(new MeshConfig.Kubeconfig(false, path.toRealPath().toString()));
        } catch (java.io.IOException e) {
            problem(key, "names a file that could not be resolved (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** A kubeconfig's content (YAML or JSON) rather than a path; content is never echoed in a message. */
    static boolean looksLikeContent(String value) {
        var trimmed = value.trim();
        return value.contains("\n") || trimmed.startsWith("apiVersion") || trimmed.startsWith("kind") || trimmed.startsWith("{")
                || value.equals(RawConfig.ENCRYPTED);
    }

    private MeshConfig.Gateway readGateway(String key, Optional<JsonNode> node, boolean exposesIstiod) {
        var defaults = new MeshConfig.Gateway(Optional.empty(), EastWestGatewayArgs.DEFAULT_PORT,
                GatewayServiceType.LOAD_BALANCER, Map.of());
        if (node.isEmpty()) {
            return defaults;
        }
        if (!isObject(key, node.get(), "an object with any of 'address', 'port', 'serviceType', 'annotations'")) {
            return defaults;
        }
        var gateway = node.get();
        checkKeys(key, gateway, GATEWAY_KEYS);
        var address = string(key + ".address", gateway.get("address"), false);
        address.ifPresent(a -> {
            if (!isAddress(a)) {
                problem(key + ".address", "must be an IP address or a DNS name (got '" + a + "')");
            }
        });
        var typeText = string(key + ".serviceType", gateway.get("serviceType"), false).orElse("LoadBalancer");
        var parsedType = GatewayServiceType.fromKubernetesName(typeText);
        if (parsedType.isEmpty()) {
            problem(key + ".serviceType", "must be 'LoadBalancer' or 'NodePort' (got '" + typeText + "')");
        }
        var type = parsedType.orElse(GatewayServiceType.LOAD_BALANCER);
        var port = integer(key + ".port", gateway.get("port")).orElse(EastWestGatewayArgs.DEFAULT_PORT);
        report(key + ".", EastWestGatewayArgs.check(type, port, address.orElse(null)));
        if (exposesIstiod) {
            report(key + ".", EastWestGatewayArgs.checkExposesIstiod(type));
        }
        var annotations = new TreeMap<String, String>();
        var annotationsNode = gateway.get("annotations");
        if (annotationsNode != null && !annotationsNode.isNull()) {
            if (!annotationsNode.isObject()) {
                problem(key + ".annotations", "must be a map of annotation names to string values (got " + describe(key + ".annotations", annotationsNode) + ")");
            } else {
                annotationsNode.fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        problem(key + ".annotations." + e.getKey(), "must be a string (got " + describe(key + ".annotations." + e.getKey(), e.getValue()) + ")");
                    } else {
                        annotations.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        report(key + ".", EastWestGatewayArgs.checkReachable(address.filter(MeshConfigReader::isAddress).orElse(null), annotations));
        return new MeshConfig.Gateway(address, port, type, annotations);
    }

    private MeshConfig.Ca readCa(Optional<JsonNode> node) {
        var key = NS + "ca";
        var defaults = new MeshConfig.Ca(3650, 730, 4096, false, 0);
        if (node.isEmpty() || !isObject(key, node.get(), "an object with any of " + String.join(", ", CA_KEYS))) {
            return defaults;
        }
        var ca = node.get();
        checkKeys(key, ca, CA_KEYS);
        var root = integer(key + ".rootValidityDays", ca.get("rootValidityDays")).orElse(defaults.rootValidityDays());
        var intermediate = integer(key + ".intermediateValidityDays", ca.get("intermediateValidityDays"))
                .orElse(defaults.intermediateValidityDays());
        var rsaBits = integer(key + ".rsaBits", ca.get("rsaBits")).orElse(defaults.rsaBits());
        var protect = bool(key + ".protectRootKey", ca.get("protectRootKey")).orElse(false);
        var renewal = integer(key + ".intermediateRenewalDays", ca.get("intermediateRenewalDays"))
                .orElse(defaults.intermediateRenewalDays());
        var validityProblems = MeshCertificateAuthorityArgs.check(root, intermediate, rsaBits);
        report(key + ".", validityProblems);
        if (validityProblems.stream().noneMatch(p -> p.property().equals("intermediateValidityDays"))) {
            report(key + ".", MeshCertificateAuthorityArgs.checkRenewal(intermediate, renewal));
        }
        return new MeshConfig.Ca(root, intermediate, rsaBits, protect, renewal);
    }

    private MeshConfig.Samples readSamples(Optional<JsonNode> node) {
        var key = NS + "samples";
        var defaults = new MeshConfig.Samples(false, "sample");
        if (node.isEmpty() || !isObject(key, node.get(), "an object with 'enabled' and optionally 'namespace'")) {
            return defaults;
        }
        checkKeys(key, node.get(), SAMPLES_KEYS);
        var enabled = bool(key + ".enabled", node.get().get("enabled")).orElse(false);
        var namespace = string(key + ".namespace", node.get().get("namespace"), false).orElse("sample");
        report(key + ".", SampleAppsArgs.checkNamespace(namespace));
        return new MeshConfig.Samples(enabled, namespace);
    }

    // --- value helpers: each records a problem and returns empty when the value is unusable ---

    private boolean isObject(String key, JsonNode node, String expected) {
        if (!node.isObject()) {
            problem(key, "must be " + expected + " (got " + describe(key, node) + ")");
            return false;
        }
        return true;
    }

    private Optional<String> string(String key, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(key, "is required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(key, "must be a string (got " + describe(key, node) + ")");
            return Optional.empty();
        }
        if (required && node.asText().isBlank()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** A list of strings; each item that is not one is a problem of its own. */
    private Optional<List<String>> strings(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            problem(key, "must be a list of strings (got " + describe(key, node) + ")");
            return Optional.empty();
        }
        var items = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            string(key + "[" + i + "]", node.get(i), true).ifPresent(items::add);
        }
        return items.size() == node.size() ? Optional.of(items) : Optional.empty();
    }

    private Optional<Integer> integer(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(node.asText()));
        }
        problem(key, "must be a whole number (got " + describe(key, node) + ")");
        return Optional.empty();
    }

    private Optional<Boolean> bool(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(node.asText()));
        }
        problem(key, "must be true or false (got " + describe(key, node) + ")");
        return Optional.empty();
    }

    private void checkKeys(String path, JsonNode object, List<String> allowed) {
        object.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                unknownKey(path + "." + field, field, allowed);
            }
        });
    }

    private void unknownKey(String key, String field, List<String> allowed) {
        var suggestion = closest(field, allowed);
        problem(key, "is not a known key" + suggestion.map(s -> "; did you mean '" + s + "'?").orElse("")
                + " (known keys: " + String.join(", ", allowed) + ")");
    }

    private void problem(String key, String message) {
        problems.add(new ConfigProblem(key, message));
    }

    /** Reports a component's problems, each under the config key {@code prefix + property}. */
    private void report(String prefix, List<Problem> found) {
        found.forEach(p -> problem(prefix + p.property(), p.message()));
    }

    /** Reports a component's problems about one value under that value's config key. */
    private void reportAt(String key, List<Problem> found) {
        found.forEach(p -> problem(key, p.message()));
    }

    static boolean isAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.contains(":")) {
            return isIpv6Literal(value);
        }
        if (value.matches("[0-9.]+")) {
            return false;
        }
        return DNS_NAME.matcher(value).matches();
    }

    /** An IPv6 literal; parsed without any name lookup, since only hex digits, ':' and '.' get here. */
    private static boolean isIpv6Literal(String value) {
        if (!value.matches("[0-9a-fA-F:.]+") || value.indexOf(':') == value.lastIndexOf(':')) {
            return false;
        }
        try {
            // Java reads an IPv4-mapped address (::ffff:192.0.2.1) as the IPv4 address it maps.
            return java.net.InetAddress.getByName(value) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * Keys whose values are credentials (a password; a kubeconfig's content, or a token pasted by
     * mistake). No message describes their value, whatever its type: this is the one place that
     * decides, for every message the reader writes.
     */
    private static final Set<String> SECRET_KEYS = Set.of("chartRepositoryPassword", "kubeconfig");

    /** A value as a message shows it: its type, and the value itself unless the key is a secret's. */
    private static String describe(String key, JsonNode node) {
        if (SECRET_KEYS.contains(key.substring(key.lastIndexOf('.') + 1))) {
            var type = node.isTextual() ? "a string" : node.isArray() ? "a list" : node.isObject() ? "an object"
                    : node.isBoolean() ? "a boolean" : node.isNumber() ? "a number" : "null";
            return node.isNull() || node.isContainerNode() ? type : type + "; the value is not shown: it may be a credential";
        }
        if (node.isTextual()) {
            return "the string '" + node.asText() + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return "null";
    }

    /** The allowed key a typo most likely meant: at most two edits away, ignoring case. */
    static Optional<String> closest(String field, List<String> allowed) {
        return Nearest.to(field, allowed, 2);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Keys of a stack file, each with the structure it must have; used in documentation and usage text. */
    public static Map<String, List<String>> schema() {
        var schema = new LinkedHashMap<String, List<String>>();
        schema.put("istio", ISTIO_KEYS);
        schema.put("clusters[]", CLUSTER_KEYS);
        schema.put("clusters[].gateway", GATEWAY_KEYS);
        schema.put("ca", CA_KEYS);
        schema.put("samples", SAMPLES_KEYS);
        return schema;
    }
}
