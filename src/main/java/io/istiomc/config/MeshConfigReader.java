package io.istiomc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.istiomc.components.AnnotationNames;
import io.istiomc.components.Dns1123;
import io.istiomc.components.GatewayAddresses;
import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.inputs.EastWestGatewayArgs;
import io.istiomc.components.Urls;
import io.istiomc.components.inputs.IstioCharts;

import java.net.URI;
import java.net.URISyntaxException;
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
    private static final List<String> ISTIO_KEYS = List.of("version", "chartRepository", "chartRepositoryUsername",
            "chartRepositoryPassword");
    private static final List<String> CLUSTER_KEYS = List.of("name", "role", "context", "network", "kubeconfig",
            "apiServer", "gateway");
    private static final List<String> GATEWAY_KEYS = List.of("address", "port", "serviceType", "annotations");
    private static final List<String> CA_KEYS = List.of("rootValidityDays", "intermediateValidityDays", "rsaBits",
            "protectRootKey");
    private static final List<String> SAMPLES_KEYS = List.of("enabled", "namespace");

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);
    private static final int NODE_PORT_MIN = 30000;
    private static final int NODE_PORT_MAX = 32767;
    public static final int MAX_VALIDITY_DAYS = 36500;
    /** Names whose resources would collide with the CA's ({@code mesh-ca-<cluster>-key} vs {@code mesh-ca-root-key}). */
    private static final Set<String> RESERVED_CLUSTER_NAMES = Set.of("root");
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("istio-system", "kube-system", "kube-public",
            "kube-node-lease", "default");

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
        return read(raw, p -> Path.of(System.getProperty("user.home")).resolve(p));
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
        } else if (!Dns1123.isLabel(meshId.get())) {
            notLabel(NS + "meshId", meshId.get());
        }
        var istio = readIstio(node(raw, "istio"));
        var clusters = readClusters(node(raw, "clusters"));
        var ca = readCa(node(raw, "ca"));
        var samples = readSamples(node(raw, "samples"));
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
            return new MeshConfig.Istio("", IstioCharts.OFFICIAL_REPOSITORY, Optional.empty());
        }
        if (!isObject(key, node.get(), "an object with 'version' and 'chartRepository'")) {
            return new MeshConfig.Istio("", IstioCharts.OFFICIAL_REPOSITORY, Optional.empty());
        }
        var istio = node.get();
        checkKeys(key, istio, ISTIO_KEYS);
        var version = string(key + ".version", istio.get("version"), true).orElse("");
        if (!version.isEmpty() && !VERSION.matcher(version).matches()) {
            problem(key + ".version", "must be an Istio release version like 1.30.3 (got '" + version + "')");
        }
        var repository = string(key + ".chartRepository", istio.get("chartRepository"), false)
                .orElse(IstioCharts.OFFICIAL_REPOSITORY);
        if (!isUrl(repository, List.of("https", "oci"))) {
            problem(key + ".chartRepository", "must be an https:// or oci:// URL of a Helm repository (got '"
                    + Urls.withoutCredentials(repository) + "')");
        } else if (Urls.hasCredentials(repository)) {
            problem(key + ".chartRepository", "must not carry credentials (user info or a query string; got '"
                    + Urls.withoutCredentials(repository) + "'): set istio.chartRepositoryUsername and, as a secret"
                    + " (pulumi config set --secret), istio.chartRepositoryPassword");
        }
        var username = string(key + ".chartRepositoryUsername", istio.get("chartRepositoryUsername"), false);
        var password = string(key + ".chartRepositoryPassword", istio.get("chartRepositoryPassword"), false);
        if (username.isPresent() != password.isPresent()) {
            problem(key + (username.isPresent() ? ".chartRepositoryPassword" : ".chartRepositoryUsername"),
                    "is required when " + (username.isPresent() ? "chartRepositoryUsername" : "chartRepositoryPassword")
                            + " is set: a private chart repository takes both");
        }
        var login = username.isPresent() && password.isPresent()
                ? Optional.of(new MeshConfig.ChartRepositoryLogin(username.get(), password.get())) : Optional.<MeshConfig.ChartRepositoryLogin>empty();
        return new MeshConfig.Istio(version, repository, login);
    }

    private List<MeshConfig.Cluster> readClusters(Optional<JsonNode> node) {
        var key = NS + "clusters";
        if (node.isEmpty()) {
            problem(key, "is required; list one cluster with 'role: primary' and any number with 'role: remote'");
            return List.of();
        }
        if (!node.get().isArray()) {
            problem(key, "must be a list of cluster objects (got " + describe(node.get()) + ")");
            return List.of();
        }
        if (node.get().isEmpty()) {
            problem(key, "must not be empty; list one cluster with 'role: primary' and any number with 'role: remote'");
            return List.of();
        }
        var clusters = new ArrayList<MeshConfig.Cluster>();
        var names = new HashMap<String, Integer>();
        var contexts = new HashMap<String, String>();
        for (int i = 0; i < node.get().size(); i++) {
            var item = node.get().get(i);
            var path = key + "[" + i + "]";
            if (!isObject(path, item, "a cluster object with 'name', 'role', 'context' and 'network'")) {
                continue;
            }
            var cluster = readCluster(path, item);
            if (!cluster.name().isEmpty()) {
                var first = names.putIfAbsent(cluster.name(), i);
                if (first != null) {
                    problem(path + ".name", "'" + cluster.name() + "' is already the name of " + key + "[" + first
                            + "]; cluster names must be unique");
                }
            }
            if (!cluster.context().isEmpty()) {
                var contextKey = cluster.kubeconfig().map(MeshConfig.Kubeconfig::value).orElse("") + "\u0000" + cluster.context();
                var owner = contexts.putIfAbsent(contextKey, cluster.name());
                if (owner != null) {
                    problem(path + ".context", "'" + cluster.context() + "' is already the context of cluster '" + owner
                            + "'; each cluster needs its own kube context, or the mesh would install twice into one cluster");
                }
            }
            clusters.add(cluster);
        }
        var primaries = clusters.stream().filter(c -> c.role() == ClusterRole.PRIMARY).map(MeshConfig.Cluster::name).toList();
        var rolesKnown = clusters.stream().allMatch(c -> c.role() != null);
        if (rolesKnown && primaries.isEmpty()) {
            problem(key, "must have exactly one cluster with 'role: primary' (found none); mark the cluster that runs istiod");
        } else if (primaries.size() > 1) {
            problem(key, "must have exactly one cluster with 'role: primary' (found " + primaries.size() + ": "
                    + String.join(", ", primaries) + "); a shared control plane runs in one cluster, make the others 'remote'");
        }
        return clusters;
    }

    private MeshConfig.Cluster readCluster(String path, JsonNode item) {
        checkKeys(path, item, CLUSTER_KEYS);
        var name = string(path + ".name", item.get("name"), true).orElse("");
        if (!name.isEmpty() && !Dns1123.isLabel(name)) {
            notLabel(path + ".name", name);
        } else if (RESERVED_CLUSTER_NAMES.contains(name)) {
            problem(path + ".name", "'" + name + "' is reserved: the shared CA's root key is named 'mesh-ca-root-key', and a"
                    + " cluster's intermediate key would take the same name; choose another cluster name");
        }
        var roleText = string(path + ".role", item.get("role"), true);
        ClusterRole role = roleText.flatMap(ClusterRole::fromConfigName).orElse(null);
        if (roleText.isPresent() && role == null) {
            problem(path + ".role", "must be 'primary' or 'remote' (got '" + roleText.get() + "')");
        }
        var context = string(path + ".context", item.get("context"), true).orElse("");
        var network = string(path + ".network", item.get("network"), true).orElse("");
        if (!network.isEmpty() && !Dns1123.isLabel(network)) {
            notLabel(path + ".network", network);
        }
        var kubeconfig = string(path + ".kubeconfig", item.get("kubeconfig"), false).flatMap(k -> kubeconfig(path + ".kubeconfig", k));
        var apiServer = string(path + ".apiServer", item.get("apiServer"), false);
        apiServer.ifPresent(url -> checkApiServer(path + ".apiServer", url));
        if (apiServer.isPresent() && role == ClusterRole.PRIMARY) {
            problem(path + ".apiServer", "is only used for remotes (it goes into the primary's remote secret); remove it from the primary");
        }
        var gateway = readGateway(path + ".gateway", Optional.ofNullable(item.get("gateway")), role);
        return new MeshConfig.Cluster(name, role, context, network, kubeconfig, apiServer, gateway);
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

    private void checkApiServer(String key, String url) {
        if (!isUrl(url, List.of("https"))) {
            problem(key, "must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got '"
                    + Urls.withoutCredentials(url) + "')");
        } else if (Urls.hasCredentials(url)) {
            problem(key, "must not carry credentials (user info or a query string; got '" + Urls.withoutCredentials(url)
                    + "'): the primary reaches this API server with the reader token the program creates; the"
                    + " deployment's own credentials belong in the kubeconfig");
        } else if (!Urls.hasValidPort(url)) {
            problem(key, "must have a port from 1 to 65535 (got '" + Urls.withoutCredentials(url) + "')");
        }
    }

    /** A URL with one of the schemes and a host. */
    private static boolean isUrl(String value, List<String> schemes) {
        try {
            var uri = new URI(value);
            return schemes.contains(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private MeshConfig.Gateway readGateway(String key, Optional<JsonNode> node, ClusterRole role) {
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
            } else if (GatewayAddresses.undialable(a).isPresent()) {
                problem(key + ".address", "must be an address other networks can dial (got '" + a + "', "
                        + GatewayAddresses.undialable(a).get() + ")");
            }
        });
        var typeText = string(key + ".serviceType", gateway.get("serviceType"), false).orElse("LoadBalancer");
        var parsedType = GatewayServiceType.fromKubernetesName(typeText);
        if (parsedType.isEmpty()) {
            problem(key + ".serviceType", "must be 'LoadBalancer' or 'NodePort' (got '" + typeText + "')");
        }
        var type = parsedType.orElse(GatewayServiceType.LOAD_BALANCER);
        var port = integer(key + ".port", gateway.get("port")).orElse(EastWestGatewayArgs.DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            problem(key + ".port", "must be a port number from 1 to 65535 (got " + port + ")");
        } else if (type == GatewayServiceType.NODE_PORT && (port < NODE_PORT_MIN || port > NODE_PORT_MAX)) {
            problem(key + ".port", "must be a node port from " + NODE_PORT_MIN + " to " + NODE_PORT_MAX
                    + " when 'serviceType' is NodePort (got " + port + ")");
        }
        if (type == GatewayServiceType.NODE_PORT && address.isEmpty()) {
            problem(key + ".address", "is required when 'serviceType' is NodePort: Kubernetes reports no external address"
                    + " for a NodePort Service; set the address other networks reach the nodes at");
        }
        if (type == GatewayServiceType.NODE_PORT && role == ClusterRole.PRIMARY) {
            problem(key + ".serviceType", "must be 'LoadBalancer' on the primary: remotes reach istiod through the"
                    + " gateway address on the fixed ports 15012 and 15017");
        }
        var annotations = new TreeMap<String, String>();
        var annotationsNode = gateway.get("annotations");
        if (annotationsNode != null && !annotationsNode.isNull()) {
            if (!annotationsNode.isObject()) {
                problem(key + ".annotations", "must be a map of annotation names to string values (got " + describe(annotationsNode) + ")");
            } else {
                annotationsNode.fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        problem(key + ".annotations." + e.getKey(), "must be a string (got " + describe(e.getValue()) + ")");
                    } else {
                        AnnotationNames.problem(e.getKey()).ifPresent(p -> problem(key + ".annotations." + e.getKey(), p));
                        annotations.put(e.getKey(), e.getValue().asText());
                    }
                });
                if (AnnotationNames.totalBytes(annotations) > AnnotationNames.MAX_TOTAL_BYTES) {
                    problem(key + ".annotations", "must total at most " + AnnotationNames.MAX_TOTAL_BYTES
                            + " bytes of names and values, Kubernetes' limit (got " + AnnotationNames.totalBytes(annotations) + ")");
                }
            }
        }
        return new MeshConfig.Gateway(address, port, type, annotations);
    }

    private MeshConfig.Ca readCa(Optional<JsonNode> node) {
        var key = NS + "ca";
        var defaults = new MeshConfig.Ca(3650, 730, 4096, false);
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
        if (root < 1 || root > MAX_VALIDITY_DAYS) {
            problem(key + ".rootValidityDays", "must be from 1 to " + MAX_VALIDITY_DAYS + " days (got " + root + ")");
        }
        if (intermediate < 1 || intermediate > MAX_VALIDITY_DAYS) {
            problem(key + ".intermediateValidityDays", "must be from 1 to " + MAX_VALIDITY_DAYS + " days (got " + intermediate + ")");
        } else if (intermediate > root) {
            problem(key + ".intermediateValidityDays", "must not exceed rootValidityDays (" + intermediate + " > " + root
                    + "): an intermediate cannot outlive its root");
        }
        if (!List.of(2048, 3072, 4096).contains(rsaBits)) {
            problem(key + ".rsaBits", "must be 2048, 3072 or 4096 (got " + rsaBits + ")");
        }
        return new MeshConfig.Ca(root, intermediate, rsaBits, protect);
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
        if (!Dns1123.isLabel(namespace)) {
            notLabel(key + ".namespace", namespace);
        } else if (SYSTEM_NAMESPACES.contains(namespace)) {
            problem(key + ".namespace", "must not be '" + namespace + "': the samples own their namespace and delete it"
                    + " with them; choose a namespace of their own, e.g. 'sample'");
        }
        return new MeshConfig.Samples(enabled, namespace);
    }

    // --- value helpers: each records a problem and returns empty when the value is unusable ---

    private boolean isObject(String key, JsonNode node, String expected) {
        if (!node.isObject()) {
            problem(key, "must be " + expected + " (got " + describe(node) + ")");
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
            problem(key, "must be a string (got " + describe(node) + ")");
            return Optional.empty();
        }
        if (required && node.asText().isBlank()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(node.asText());
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
        problem(key, "must be a whole number (got " + describe(node) + ")");
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
        problem(key, "must be true or false (got " + describe(node) + ")");
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

    private void notLabel(String key, String value) {
        problem(key, "must be a DNS-1123 label (got '" + value + "'); use at most 63 lowercase letters, digits and '-',"
                + " starting and ending with a letter or digit");
    }

    private void problem(String key, String message) {
        problems.add(new ConfigProblem(key, message));
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

    private static String describe(JsonNode node) {
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
        String best = null;
        int bestDistance = 3;
        for (var candidate : allowed) {
            int d = distance(field.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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
