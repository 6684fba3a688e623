package io.istiomc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.istiomc.components.CaSettingsArgs;
import io.istiomc.components.ClusterArgs;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.components.IstioArgs;
import io.istiomc.components.Mesh;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshClusterArgs;
import io.istiomc.components.Nearest;
import io.istiomc.components.Problem;
import io.istiomc.components.ReleaseSettingsArgs;
import io.istiomc.components.RevisionArgs;
import io.istiomc.components.SamplesArgs;

import javax.annotation.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the stack configuration into the library's {@link MeshArgs} in one walk. The walk reports
 * what only a stack file can get wrong (unknown keys, wrong types, kubeconfig files, two clusters on
 * one kube context); every rule of the mesh itself is the library's ({@link Mesh#check}), whose
 * problems are reported under the config key each property came from. Every problem is collected
 * before it fails, so that a user sees all their mistakes at once.
 */
public final class MeshConfigReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = StackConfig.NAMESPACE + ":";

    public static final Set<String> TOP_LEVEL_KEYS = Set.of("meshId", "istio", "clusters", "ca", "samples");
    /** The keys of the Helm values and their typed settings, the same under {@code istio} and under each cluster. */
    private static final List<String> RELEASE_KEYS = List.of("values", "hub", "tag", "imagePullSecrets", "dnsProxying");
    private static final List<String> ISTIO_KEYS = concat(List.of("version", "revisions", "defaultRevision", "chartRepository",
            "chartRepositoryUsername", "chartRepositoryPassword"), RELEASE_KEYS);
    private static final List<String> REVISION_KEYS = List.of("name", "version");
    private static final List<String> CLUSTER_KEYS = concat(List.of("name", "role", "context", "network", "controlPlane",
            "kubeconfig", "apiServer", "tlsServerName", "gateway", "deleteUnreachable",
            "readerTokenGeneration"), RELEASE_KEYS);
    private static final List<String> GATEWAY_KEYS = List.of("address", "port", "serviceType", "annotations");
    private static final List<String> CA_KEYS = List.of("rootValidityDays", "intermediateValidityDays", "rsaBits",
            "protectRootKey", "intermediateRenewalDays", "roots", "signingRoot");
    private static final List<String> SAMPLES_KEYS = List.of("enabled", "namespace");

    /**
     * Every key this reader reads, as a path below the namespace with {@code []} for a list's item
     * ({@code clusters[].gateway.port}): what a stack file may set, and what the offline plan must have
     * a placeholder for ({@link OfflinePlaceholders}).
     */
    public static List<String> keyPaths() {
        var paths = new ArrayList<>(new TreeSet<>(TOP_LEVEL_KEYS));
        ISTIO_KEYS.forEach(k -> paths.add("istio." + k));
        CLUSTER_KEYS.forEach(k -> paths.add("clusters[]." + k));
        GATEWAY_KEYS.forEach(k -> paths.add("clusters[].gateway." + k));
        CA_KEYS.forEach(k -> paths.add("ca." + k));
        SAMPLES_KEYS.forEach(k -> paths.add("samples." + k));
        return List.copyOf(paths);
    }

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
    public static StackConfig read(RawConfig raw) {
        return read(raw, p -> Home.directory().resolve(p));
    }

    /** As {@link #read(RawConfig)}, resolving {@code ~/} paths under a home chosen by the caller. */
    public static StackConfig read(RawConfig raw, Function<String, Path> home) {
        var reader = new MeshConfigReader(home);
        var config = reader.readAll(raw);
        // The API servers of watched clusters are resolved after reading (ApiServers), partly from kubeconfigs;
        // the Mesh checks them when it is declared.
        reader.reportLibraryProblems(Mesh.checkAllButApiServers(StackConfig.MESH_NAME, config.mesh()));
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigException(reader.problems);
        }
        return config;
    }

    /**
     * The rules of an upgrade step between the mesh deployed and the next, each read and valid
     * ({@link Mesh#checkStep}), under the next stack's config keys.
     *
     * @throws InvalidConfigException with every problem
     */
    public static void checkStep(MeshArgs deployed, MeshArgs next) {
        var reader = new MeshConfigReader(p -> Home.directory().resolve(p));
        reader.reportLibraryProblems(Mesh.checkStep(deployed, next));
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigException(reader.problems);
        }
    }

    /**
     * The library's problems, each under the config key of its property ({@code clusters[1].gateway.port}
     * is {@code istio-multicluster:clusters[1].gateway.port}). A key the walk already found wrong (a
     * wrong type, say) keeps only the walk's problem: the library saw no value there.
     */
    private void reportLibraryProblems(List<Problem> found) {
        var walked = problems.stream().map(ConfigProblem::key).toList();
        for (var problem : found) {
            var key = configKey(problem.property());
            if (walked.stream().noneMatch(k -> key.equals(k) || key.startsWith(k + ".") || key.startsWith(k + "["))) {
                problem(key, problem.message());
            }
        }
    }

    /**
     * The config key of a property of the Mesh's args: the same path, but for the release settings,
     * which the args hold under {@code releaseSettings} and the stack file among {@code istio}'s or
     * the cluster's own keys ({@code istio.releaseSettings.hub} is {@code istio-multicluster:istio.hub}).
     */
    static String configKey(String property) {
        return NS + property.replace(".releaseSettings.", ".");
    }

    private StackConfig readAll(RawConfig raw) {
        problems.addAll(raw.problems());
        for (var key : new TreeSet<>(raw.values().keySet())) {
            if (key.startsWith(NS) && !TOP_LEVEL_KEYS.contains(key.substring(NS.length()))) {
                unknownKey(key, key.substring(NS.length()), List.copyOf(new TreeSet<>(TOP_LEVEL_KEYS)));
            } else if (!key.startsWith(NS) && TOP_LEVEL_KEYS.contains(key.substring(key.indexOf(':') + 1))) {
                var name = key.substring(key.indexOf(':') + 1);
                problem(key, "is outside the " + StackConfig.NAMESPACE + " namespace, so this program never reads it;"
                        + " write it as '" + NS + name + "'");
            }
        }
        var mesh = MeshArgs.builder();
        raw.get(NS + "meshId").ifPresent(mesh::meshId);
        if (raw.get(NS + "meshId").filter(String::isEmpty).isPresent()) {
            // 'meshId:' and 'meshId: null' reach the program as an empty string, not as the text 'null'.
            problem(NS + "meshId", "is empty (Pulumi passes a key left empty or null as an empty string); set it to the"
                    + " mesh ID every cluster shares, e.g. 'mesh1'");
        }
        readIstio(node(raw, "istio")).ifPresent(mesh::istio);
        var kubeconfigs = new ArrayList<Optional<StackConfig.Kubeconfig>>();
        readClusters(node(raw, "clusters"), kubeconfigs).ifPresent(mesh::clusters);
        mesh.ca(readCa(node(raw, "ca")));
        mesh.samples(readSamples(node(raw, "samples")));
        return new StackConfig(mesh.build(), kubeconfigs);
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

    private Optional<IstioArgs> readIstio(Optional<JsonNode> node) {
        var key = NS + "istio";
        if (node.isEmpty() || !isObject(key, node.get(), "an object with 'version' and 'chartRepository'")) {
            return Optional.empty();
        }
        var istio = node.get();
        checkKeys(key, istio, ISTIO_KEYS);
        var args = IstioArgs.builder()
                .version(string(key + ".version", istio.get("version")).orElse(null))
                .chartRepository(string(key + ".chartRepository", istio.get("chartRepository")).orElse(null))
                .chartRepositoryUsername(string(key + ".chartRepositoryUsername", istio.get("chartRepositoryUsername")).orElse(null))
                .revisions(readRevisions(key + ".revisions", istio.get("revisions")))
                .defaultRevision(string(key + ".defaultRevision", istio.get("defaultRevision")).orElse(null));
        string(key + ".chartRepositoryPassword", istio.get("chartRepositoryPassword")).ifPresent(args::chartRepositoryPassword);
        return Optional.of(args.releaseSettings(readReleaseSettings(key, istio)).build());
    }

    /** The revisions as listed, each item kept in place (null where it is not an object) so later ones keep their index. */
    private List<RevisionArgs> readRevisions(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(key, "must be a list of revisions {name, version} (got " + describe(key, node) + ")");
            return null;
        }
        var revisions = new ArrayList<RevisionArgs>();
        for (int i = 0; i < node.size(); i++) {
            var path = key + "[" + i + "]";
            var item = node.get(i);
            if (!isObject(path, item, "a revision object with 'name' and 'version'")) {
                revisions.add(RevisionArgs.of(null, null));
                continue;
            }
            checkKeys(path, item, REVISION_KEYS);
            revisions.add(RevisionArgs.of(string(path + ".name", item.get("name")).orElse(null),
                    string(path + ".version", item.get("version")).orElse(null)));
        }
        return revisions;
    }

    /**
     * The Helm values and typed settings of {@code istio} or a cluster: the stack file writes them
     * among the holder's own keys ({@link #RELEASE_KEYS}), the args under {@code releaseSettings}.
     * The rules are the Mesh's.
     */
    private ReleaseSettingsArgs readReleaseSettings(String key, JsonNode holder) {
        var valuesNode = holder.get("values");
        // The values reach the args as JSON text (the Mesh's input is a string); nulls stay, to remove a value below.
        return ReleaseSettingsArgs.builder()
                .values(valuesNode == null || valuesNode.isNull() ? null : valuesNode.toString())
                .hub(string(key + ".hub", holder.get("hub")).orElse(null))
                .tag(string(key + ".tag", holder.get("tag")).orElse(null))
                .imagePullSecrets(strings(key + ".imagePullSecrets", holder.get("imagePullSecrets")))
                .dnsProxying(bool(key + ".dnsProxying", holder.get("dnsProxying")).orElse(null))
                .build();
    }

    /** A list of strings; each item that is not one is a problem of its own. */
    private List<String> strings(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(key, "must be a list of strings (got " + describe(key, node) + ")");
            return null;
        }
        var items = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            string(key + "[" + i + "]", node.get(i)).ifPresent(items::add);
        }
        return items.size() == node.size() ? items : null;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private Optional<List<MeshClusterArgs>> readClusters(Optional<JsonNode> node, List<Optional<StackConfig.Kubeconfig>> kubeconfigs) {
        var key = NS + "clusters";
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isArray()) {
            problem(key, "must be a list of cluster objects (got " + describe(key, node.get()) + ")");
            return Optional.of(List.of());
        }
        // Checked before the walk, which for a huge list would take longer than the refusal should.
        var primaries = 0;
        for (var item : node.get()) {
            primaries += "primary".equals(item.path("role").asText(null)) ? 1 : 0;
        }
        var tooLarge = MeshSize.check(primaries, node.get().size());
        if (tooLarge.isPresent()) {
            problem(key, tooLarge.get());
            return Optional.of(List.of());
        }
        var clusters = new ArrayList<MeshClusterArgs>();
        var contexts = new HashMap<KubeContext, String>();
        for (int i = 0; i < node.get().size(); i++) {
            var item = node.get().get(i);
            var path = key + "[" + i + "]";
            if (!isObject(path, item, "a cluster object with 'name', 'role', 'context' and 'network'")) {
                // Kept in place, empty, so that every later cluster keeps its index.
                clusters.add(MeshClusterArgs.builder().build());
                kubeconfigs.add(Optional.empty());
                continue;
            }
            checkKeys(path, item, CLUSTER_KEYS);
            var name = string(path + ".name", item.get("name"));
            var context = string(path + ".context", item.get("context"));
            var kubeconfig = string(path + ".kubeconfig", item.get("kubeconfig")).flatMap(k -> kubeconfig(path + ".kubeconfig", k));
            var cluster = MeshClusterArgs.builder()
                    .name(name.orElse(null))
                    .role(string(path + ".role", item.get("role")).orElse(null))
                    .context(context.orElse(null))
                    .network(string(path + ".network", item.get("network")).orElse(null))
                    .controlPlane(string(path + ".controlPlane", item.get("controlPlane")).orElse(null))
                    .apiServer(string(path + ".apiServer", item.get("apiServer")).orElse(null))
                    .tlsServerName(string(path + ".tlsServerName", item.get("tlsServerName")).orElse(null))
                    .gateway(readGateway(path + ".gateway", Optional.ofNullable(item.get("gateway"))))
                    .readerTokenGeneration(integer(path + ".readerTokenGeneration", item.get("readerTokenGeneration")).orElse(null));
            bool(path + ".deleteUnreachable", item.get("deleteUnreachable")).ifPresent(cluster::deleteUnreachable);
            cluster.releaseSettings(readReleaseSettings(path, item));
            // A kubeconfig's content is a secret wherever it goes; a file's path is not.
            kubeconfig.ifPresent(k -> cluster.kubeconfig(k.inline() ? com.pulumi.core.Output.ofSecret(k.value())
                    : com.pulumi.core.Output.of(k.value())));
            // A kubeconfig that could not be read has its own problem; its context is not compared.
            var kubeconfigUnread = item.hasNonNull("kubeconfig") && kubeconfig.isEmpty();
            if (context.filter(c -> !c.isBlank()).isPresent() && !kubeconfigUnread) {
                var owner = contexts.putIfAbsent(new KubeContext(kubeconfig, context.get()), name.orElse("#" + i));
                if (owner != null) {
                    problem(path + ".context", sharedContext(context.get(), owner));
                }
            }
            clusters.add(cluster.build());
            kubeconfigs.add(kubeconfig);
        }
        return Optional.of(clusters);
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
    private record KubeContext(Optional<StackConfig.Kubeconfig> kubeconfig, String context) {
    }

    private Optional<StackConfig.Kubeconfig> kubeconfig(String key, String value) {
        if (value.isBlank()) {
            problem(key, "must not be empty; give a kubeconfig file path or its content, or remove the key to use the default kubeconfig");
            return Optional.empty();
        }
        if (looksLikeContent(value)) {
            return Optional.of(new StackConfig.Kubeconfig(true, value));
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
            return Optional.of(new StackConfig.Kubeconfig(false, path.toRealPath().toString()));
        } catch (java.io.IOException e) {
            problem(key, "names a file that could not be resolved (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** A kubeconfig's content (YAML or JSON) rather than a path; content is never echoed in a message. */
    static boolean looksLikeContent(String value) {
        return ClusterArgs.isKubeconfigContent(value) || value.equals(RawConfig.ENCRYPTED);
    }

    private @Nullable EastWestGatewayArgs readGateway(String key, Optional<JsonNode> node) {
        if (node.isEmpty() || !isObject(key, node.get(), "an object with any of 'address', 'port', 'serviceType', 'annotations'")) {
            return null;
        }
        var gateway = node.get();
        checkKeys(key, gateway, GATEWAY_KEYS);
        var args = EastWestGatewayArgs.builder()
                .address(string(key + ".address", gateway.get("address")).orElse(null));
        string(key + ".serviceType", gateway.get("serviceType")).ifPresent(args::serviceType);
        integer(key + ".port", gateway.get("port")).ifPresent(args::port);
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
        return args.annotations(annotations).build();
    }

    private @Nullable CaSettingsArgs readCa(Optional<JsonNode> node) {
        var key = NS + "ca";
        if (node.isEmpty() || !isObject(key, node.get(), "an object with any of " + String.join(", ", CA_KEYS))) {
            return null;
        }
        var ca = node.get();
        checkKeys(key, ca, CA_KEYS);
        var args = CaSettingsArgs.builder();
        integer(key + ".rootValidityDays", ca.get("rootValidityDays")).ifPresent(args::rootValidityDays);
        integer(key + ".intermediateValidityDays", ca.get("intermediateValidityDays")).ifPresent(args::intermediateValidityDays);
        integer(key + ".rsaBits", ca.get("rsaBits")).ifPresent(args::rsaBits);
        bool(key + ".protectRootKey", ca.get("protectRootKey")).ifPresent(args::protectRootKey);
        integer(key + ".intermediateRenewalDays", ca.get("intermediateRenewalDays")).ifPresent(args::intermediateRenewalDays);
        var roots = strings(key + ".roots", ca.get("roots"));
        if (roots != null) {
            args.roots(roots);
        }
        string(key + ".signingRoot", ca.get("signingRoot")).ifPresent(args::signingRoot);
        return args.build();
    }

    private @Nullable SamplesArgs readSamples(Optional<JsonNode> node) {
        var key = NS + "samples";
        if (node.isEmpty() || !isObject(key, node.get(), "an object with 'enabled' and optionally 'namespace'")) {
            return null;
        }
        checkKeys(key, node.get(), SAMPLES_KEYS);
        var namespace = string(key + ".namespace", node.get().get("namespace")).orElse(null);
        return SamplesArgs.of(bool(key + ".enabled", node.get().get("enabled")).orElse(false), namespace);
    }

    // --- value helpers: each records a problem and returns empty when the value is unusable ---

    private boolean isObject(String key, JsonNode node, String expected) {
        if (!node.isObject()) {
            problem(key, "must be " + expected + " (got " + describe(key, node) + ")");
            return false;
        }
        return true;
    }

    /** A string value; absent or null is empty, and whether it is required is the library's rule. */
    private Optional<String> string(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(key, "must be a string (got " + describe(key, node) + ")");
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
}
