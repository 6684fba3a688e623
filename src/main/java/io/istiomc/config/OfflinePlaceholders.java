package io.istiomc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.istiomc.components.CaSettingsArgs;
import io.istiomc.components.ChartValueKeys;
import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.IstioNetworking;
import io.istiomc.components.SampleAppsArgs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the offline plan puts where it cannot know the value {@code pulumi up} would pass: a value
 * encrypted in the stack file ({@code secure: v1:...}, which only the stack's secrets provider
 * decrypts) or a required key left to a Pulumi ESC environment, which the plan cannot open. This is
 * the one place that knows each key's placeholder. A placeholder satisfies the key's rule where the
 * rest of the stack is plain (so the plan goes on), is plainly not real (it says "placeholder"; host
 * names end in {@code .invalid}, reserved by RFC 2606), and each use is a warning naming the key.
 *
 * <p>Pulumi passes a decrypted value as a string, whatever it encrypted ({@code decryptObject} in
 * {@code sdk/go/common/resource/config}), and the reader takes {@code "15443"} or {@code "true"}
 * where a number or a boolean is expected; so a number's or a boolean's placeholder is the key's
 * default as text. The kubeconfig and the repository password stay secret: their placeholder is
 * {@link RawConfig#ENCRYPTED}, which the reader takes as a secret, inline kubeconfig and password.
 */
public final class OfflinePlaceholders {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String WORD = "placeholder";
    /** The placeholder of an encrypted gateway address. */
    static final String GATEWAY_ADDRESS = "203.0.113.254";
    /** What a context placeholder looks like: no kubeconfig holds it, so nothing looks it up. */
    private static final Pattern CONTEXT = Pattern.compile(WORD + "-context-\\d+");
    private static final CaSettingsArgs DEFAULT_CA = CaSettingsArgs.defaults();
    /** The required keys an ESC environment can supply when the stack file leaves them out ({@link #forMissing}). */
    static final List<String> REQUIRED = List.of("meshId", "istio", "istio.version", "clusters");

    /** What the plan does where it cannot know a value. */
    sealed interface Decision permits Planned, Unset, Refused, NotRead {
    }

    /** Planned with this placeholder; {@code shown} is how the warning shows it. */
    record Planned(JsonNode value, String shown) implements Decision {
    }

    /** Planned as if the key were not set: no placeholder could satisfy its rule there. */
    record Unset(String why) implements Decision {
    }

    /** Not planned: the mesh's shape is the value itself, and no placeholder is honest. */
    record Refused(String message) implements Decision {
    }

    /** Not a key this program reads; its value stays {@link RawConfig#ENCRYPTED} and the reader names it. */
    record NotRead() implements Decision {
    }

    private OfflinePlaceholders() {
    }

    /**
     * The decision for an encrypted value.
     *
     * @param path     the key's path below the namespace, e.g. {@code clusters[1].gateway.port}
     * @param topLevel the whole value of the top-level key (e.g. every cluster), ciphertexts included,
     *                 where a placeholder depends on its plain siblings
     */
    static Decision forEncrypted(String path, JsonNode topLevel) {
        var pattern = path.replaceAll("\\[\\d+]", "[]");
        // Helm values and annotations are free-form below their key: any value there may be a string.
        var values = Pattern.compile("(istio|clusters\\[])\\.values(\\.[^.]+)?(\\..+)?").matcher(pattern);
        if (values.matches()) {
            return values.group(3) != null ? text(WORD) : container(path, values.group(2) == null
                    ? "a map of charts to their Helm values" : "a map of the chart's Helm values");
        }
        var annotations = Pattern.compile("clusters\\[]\\.gateway\\.annotations(\\..+)?").matcher(pattern);
        if (annotations.matches()) {
            return annotations.group(1) != null ? text(WORD) : container(path, "a map of annotation names to values");
        }
        int index = clusterIndex(path);
        JsonNode cluster = index < 0 ? NODES.objectNode() : topLevel.path(index);
        return switch (pattern) {
            case "meshId", "istio", "istio.version" -> required(pattern);
            case "istio.chartRepository" -> text("https://charts." + WORD + ".invalid");
            case "istio.chartRepositoryUsername" -> text(WORD + "-user");
            case "istio.chartRepositoryPassword", "clusters[].kubeconfig" ->
                    new Planned(TextNode.valueOf(RawConfig.ENCRYPTED), "a secret placeholder");
            case "istio.hub", "clusters[].hub" -> remoteOnly(cluster, "registry." + WORD + ".invalid/istio");
            case "istio.tag", "clusters[].tag" -> remoteOnly(cluster, WORD);
            case "istio.dnsProxying", "clusters[].dnsProxying" -> remoteOnly(cluster, "false");
            case "istio.imagePullSecrets", "clusters[].imagePullSecrets" -> container(path, "a list of Secret names");
            case "istio.revisions" -> container(path, "a list of revisions");
            case "istio.revisions[]" -> container(path, "a revision object");
            case "istio.revisions[].name" -> text(listedName(path, "istio\\.revisions", plainRevisionNames(topLevel),
                    plainText(topLevel.path("defaultRevision"))));
            case "istio.revisions[].version" -> text(ChartValueKeys.PINNED_VERSION);
            // The default revision must be a listed one: the first plainly named, else the first placeholder name.
            case "istio.defaultRevision" -> text(plainRevisionNames(topLevel).stream().findFirst().orElse(WORD + "-0"));
            case "istio.imagePullSecrets[]", "clusters[].imagePullSecrets[]" -> text(WORD + "-pull-secret");
            case "clusters[]" -> container(path, "a cluster object");
            case "clusters" -> new Refused("is encrypted as a whole, and the mesh's clusters are what the plan"
                    + " shows: no placeholder stands in for them; encrypt single values instead (pulumi config set --secret"
                    + " --path 'clusters[1].apiServer' ...)");
            case "clusters[].name" -> text(primaryNameNamedByARemote(cluster, topLevel).orElse(WORD + "-" + index));
            // A cluster with a control plane is a remote; any other may run istiod.
            case "clusters[].role" -> text(cluster.has("controlPlane") ? "remote" : "primary");
            case "clusters[].context" -> text(WORD + "-context-" + index);
            case "clusters[].network" -> text(WORD + "-network-" + index);
            case "clusters[].controlPlane" -> servingPrimary(topLevel).<Decision>map(OfflinePlaceholders::text)
                    .orElse(new Unset("no plain primary can serve it"));
            case "clusters[].apiServer" -> text("https://api-server." + WORD + ".invalid:6443");
            case "clusters[].tlsServerName" -> text("api-server." + WORD + ".invalid");
            case "clusters[].gateway" -> container(path, "an object");
            case "clusters[].gateway.serviceType" -> text(GatewayServiceType.LOAD_BALANCER.kubernetesName());
            case "clusters[].gateway.port" -> text(String.valueOf(isNodePort(cluster.path("gateway"))
                    ? GatewayServiceType.NODE_PORT_MIN : IstioNetworking.CROSS_NETWORK_PORT));
            // An IP (RFC 5737's TEST-NET-3, never routed) rather than a DNS name: every topology takes an IP,
            // while named revisions cannot reach remotes through a DNS-named gateway (MeshTopology).
            case "clusters[].gateway.address" -> text(GATEWAY_ADDRESS);
            case "clusters[].deleteUnreachable" -> text("false");
            case "clusters[].readerTokenGeneration" -> text("0");
            case "ca", "samples" -> object("{}");
            // No intermediate may outlive the root: each placeholder keeps to the other's plain value.
            case "ca.rootValidityDays" -> text(String.valueOf(Math.max(DEFAULT_CA.rootValidityDays(),
                    plainInt(topLevel.path("intermediateValidityDays")).orElse(0))));
            case "ca.intermediateValidityDays" -> text(String.valueOf(Math.min(DEFAULT_CA.intermediateValidityDays(),
                    plainInt(topLevel.path("rootValidityDays")).orElse(Integer.MAX_VALUE))));
            case "ca.roots" -> container(path, "a list of root names");
            case "ca.roots[]" -> text(listedName(path, "ca\\.roots", texts(topLevel.path("roots")),
                    plainText(topLevel.path("signingRoot"))));
            case "ca.signingRoot" -> text(plainText(topLevel.path("roots").path(topLevel.path("roots").size() - 1))
                    .orElse(DEFAULT_CA.signingRoot()));
            case "ca.rsaBits" -> text(String.valueOf(DEFAULT_CA.rsaBits()));
            case "ca.protectRootKey" -> text(String.valueOf(DEFAULT_CA.protectRootKey()));
            case "ca.intermediateRenewalDays" -> text(String.valueOf(DEFAULT_CA.intermediateRenewalDays()));
            case "samples.enabled" -> text("false");
            case "samples.namespace" -> text(SampleAppsArgs.DEFAULT_NAMESPACE);
            default -> new NotRead();
        };
    }

    /**
     * The decision for a required key that the stack file leaves to an ESC environment, where an
     * environment can supply it: a top-level key, or a key of a top-level map (Pulumi merges an
     * environment's map key by key under the stack's, but takes a list the stack sets whole, so no
     * environment adds a key to a cluster). {@code clusters} is refused; empty for any other key.
     *
     * @param from the environments, as a warning names them
     */
    static Optional<Decision> forMissing(String path, String from) {
        if (path.equals("clusters")) {
            return Optional.of(new Refused("is not set in the stack file, so it is expected from " + from + ", which the plan"
                    + " cannot open; the mesh's clusters are what the plan shows, and none is guessed: set clusters in the"
                    + " stack file to plan offline"));
        }
        return REQUIRED.contains(path) ? Optional.of(required(path)) : Optional.empty();
    }

    /** The placeholder of a required key with no rule tying it to other keys. */
    private static Planned required(String path) {
        return switch (path) {
            case "meshId" -> text(WORD + "-mesh");
            case "istio" -> object("{\"version\":\"" + ChartValueKeys.PINNED_VERSION + "\"}");
            case "istio.version" -> text(ChartValueKeys.PINNED_VERSION);
            default -> throw new IllegalArgumentException("unsupported required key '" + path + "'");
        };
    }

    /**
     * An encrypted name in a list whose chosen member another key names plainly (the default revision,
     * the signing root): that name where no plain member carries it (then this one must), else a
     * placeholder name of its own.
     */
    private static String listedName(String path, String listPattern, List<String> plainNames, Optional<String> chosen) {
        var matcher = Pattern.compile(listPattern + "\\[(\\d+)].*").matcher(path);
        int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        return chosen.filter(name -> !plainNames.contains(name)).orElse(WORD + "-" + index);
    }

    private static List<String> texts(JsonNode list) {
        var names = new java.util.ArrayList<String>();
        list.forEach(item -> plainText(item).ifPresent(names::add));
        return names;
    }

    private static List<String> plainRevisionNames(JsonNode istio) {
        var names = new java.util.ArrayList<String>();
        istio.path("revisions").forEach(revision -> plainText(revision.path("name")).ifPresent(names::add));
        return names;
    }

    /** Whether a context is a placeholder, which no kubeconfig holds: the plan does not look it up. */
    public static boolean isPlaceholderContext(String context) {
        return CONTEXT.matcher(context).matches();
    }

    private static Planned text(String value) {
        return new Planned(TextNode.valueOf(value), "'" + value + "'");
    }

    private static Planned object(String json) {
        try {
            return new Planned(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A map or list below a top-level key: Pulumi decrypts a value to a string, which such a key does not
     * take, so {@code pulumi up} would refuse it as well. (A top-level key's value reaches the program as
     * text in any case, which the reader parses.)
     */
    private static Refused container(String path, String takes) {
        return new Refused("is encrypted, and Pulumi passes a decrypted value as a string, where this key takes " + takes
                + ": pulumi up would refuse it as well; encrypt the values inside it instead (pulumi config set --secret"
                + " --path '" + path + "...')");
    }

    /** A remote's image and DNS proxying are its primary's, so no placeholder is allowed on a remote. */
    private static Decision remoteOnly(JsonNode cluster, String placeholder) {
        boolean remote = "remote".equals(plainText(cluster.path("role")).orElse(null))
                || (isEncrypted(cluster.path("role")) && cluster.has("controlPlane"));
        return remote ? new Unset("a remote takes it from its primary") : text(placeholder);
    }

    /**
     * A primary's encrypted name, where exactly one remote's plain controlPlane names no plainly named
     * cluster: that is the name it must have, since the remote's control plane is a primary.
     */
    private static Optional<String> primaryNameNamedByARemote(JsonNode cluster, JsonNode clusters) {
        if (!"primary".equals(plainText(cluster.path("role")).orElse(null))) {
            return Optional.empty();
        }
        var names = new java.util.HashSet<String>();
        clusters.forEach(c -> plainText(c.path("name")).ifPresent(names::add));
        var dangling = new java.util.TreeSet<String>();
        clusters.forEach(c -> plainText(c.path("controlPlane")).filter(n -> !names.contains(n)).ifPresent(dangling::add));
        long encryptedPrimaries = java.util.stream.StreamSupport.stream(clusters.spliterator(), false)
                .filter(c -> isEncrypted(c.path("name")) && "primary".equals(plainText(c.path("role")).orElse(null))).count();
        return dangling.size() == 1 && encryptedPrimaries == 1 ? Optional.of(dangling.first()) : Optional.empty();
    }

    /** The first plainly named primary whose gateway can serve remotes (a NodePort cannot expose istiod). */
    private static Optional<String> servingPrimary(JsonNode clusters) {
        for (var cluster : clusters) {
            if ("primary".equals(plainText(cluster.path("role")).orElse(null)) && !isNodePort(cluster.path("gateway"))) {
                var name = plainText(cluster.path("name"));
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isNodePort(JsonNode gateway) {
        return GatewayServiceType.NODE_PORT.kubernetesName().equals(plainText(gateway.path("serviceType")).orElse(null));
    }

    private static Optional<String> plainText(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Integer> plainInt(JsonNode node) {
        return node.canConvertToInt() ? Optional.of(node.intValue()) : Optional.empty();
    }

    /** An encrypted value as a stack file holds it: {@code {secure: v1:...}}. */
    static boolean isEncrypted(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.has("secure") && node.get("secure").isTextual();
    }

    /** The index of the cluster a path is under, or -1. */
    private static int clusterIndex(String path) {
        var matcher = Pattern.compile("clusters\\[(\\d+)].*").matcher(path);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
