package io.istiomc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * The one builder of test stacks: a stack file's {@code config:} as a YAML tree, changed by typed
 * edits at config key paths ({@code clusters[1].gateway.address}, as the reader's problems name
 * them), never by editing text. It starts as primary {@code cluster1} (context {@code ctx-cluster1},
 * {@code network1}) and remotes {@code cluster2..} with their API servers; {@link StackFile} starts
 * from a file of the project instead.
 */
public final class StackYaml {
    private static final String NAMESPACE = "istio-multicluster:";
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private int remotes = 2;
    private final ObjectNode config;

    public StackYaml() {
        this(JsonNodeFactory.instance.objectNode());
        config.put(NAMESPACE + "meshId", "mesh1");
        config.putObject(NAMESPACE + "istio").put("version", "1.30.3");
    }

    /** A builder over an existing {@code config:} tree (a stack file's). */
    StackYaml(ObjectNode config) {
        this.config = config;
    }

    /** How many remotes follow the primary (default 2); set it before editing clusters. */
    public StackYaml remotes(int count) {
        this.remotes = count;
        var clusters = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= count + 1; i++) {
            var cluster = clusters.addObject();
            cluster.put("name", "cluster" + i);
            cluster.put("role", i == 1 ? "primary" : "remote");
            cluster.put("context", "ctx-cluster" + i);
            cluster.put("network", "network" + i);
            if (i > 1) {
                cluster.put("apiServer", "https://api.cluster" + i + ".example:6443");
            }
        }
        config.set(NAMESPACE + "clusters", clusters);
        return this;
    }

    /**
     * Sets the value at a config key path, creating the objects on the way: a string, number,
     * boolean, or a map or list of those.
     */
    public StackYaml set(String path, Object value) {
        ensureClusters();
        var steps = steps(path);
        var parent = parentOf(steps, true);
        var last = steps[steps.length - 1];
        JsonNode node = MAPPER.valueToTree(value);
        if (parent instanceof ArrayNode list) {
            list.set(Integer.parseInt(last), node);
        } else {
            ((ObjectNode) parent).set(last, node);
        }
        return this;
    }

    /** Removes the key at a config key path (e.g. a remote's {@code clusters[1].apiServer}). */
    public StackYaml remove(String path) {
        ensureClusters();
        var steps = steps(path);
        var parent = parentOf(steps, false);
        if (parent instanceof ObjectNode object) {
            object.remove(steps[steps.length - 1]);
        }
        return this;
    }

    /** Removes the cluster of that name from {@code clusters}. */
    public StackYaml removeCluster(String name) {
        ensureClusters();
        var clusters = (ArrayNode) config.required(NAMESPACE + "clusters");
        for (int i = 0; i < clusters.size(); i++) {
            if (clusters.get(i).path("name").asText().equals(name)) {
                clusters.remove(i);
                return this;
            }
        }
        throw new IllegalArgumentException("no cluster named " + name);
    }

    /** The network of the {@code n}-th cluster (1 is the primary); default {@code network<n>}. */
    public StackYaml network(int cluster, String network) {
        return set("clusters[" + (cluster - 1) + "].network", network);
    }

    /** The kube context of the {@code n}-th cluster (1 is the primary); default {@code ctx-cluster<n>}. */
    public StackYaml context(int cluster, String context) {
        return set("clusters[" + (cluster - 1) + "].context", context);
    }

    /** The API server of the {@code n}-th cluster (a remote); default {@code https://api.cluster<n>.example:6443}. */
    public StackYaml apiServer(int cluster, String url) {
        return set("clusters[" + (cluster - 1) + "].apiServer", url);
    }

    public StackYaml istioVersion(String version) {
        return set("istio.version", version);
    }

    /** {@code istio.chartRepository}; unset (the reader's default) unless given. */
    public StackYaml chartRepository(String url) {
        return set("istio.chartRepository", url);
    }

    /** The samples, enabled, in {@code namespace}. */
    public StackYaml samples(String namespace) {
        set("samples.enabled", true);
        return set("samples.namespace", namespace);
    }

    public String yaml() {
        ensureClusters();
        var root = JsonNodeFactory.instance.objectNode();
        root.set("config", config);
        return StackFile.write(root);
    }

    ObjectNode config() {
        return config;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private void ensureClusters() {
        if (!config.has(NAMESPACE + "clusters")) {
            remotes(remotes);
        }
    }

    /** {@code clusters[1].gateway.port} as {@code istio-multicluster:clusters, 1, gateway, port}. */
    private static String[] steps(String path) {
        var steps = new java.util.ArrayList<String>();
        var matcher = STEP.matcher(path);
        while (matcher.find()) {
            steps.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        steps.set(0, NAMESPACE + steps.get(0));
        return steps.toArray(String[]::new);
    }

    private JsonNode parentOf(String[] steps, boolean create) {
        JsonNode node = config;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node instanceof ArrayNode list ? list.get(Integer.parseInt(steps[i])) : node.get(steps[i]);
            if (next == null || next.isNull()) {
                if (!create) {
                    return null;
                }
                next = JsonNodeFactory.instance.objectNode();
                ((ObjectNode) node).set(steps[i], next);
            }
            node = next;
        }
        return node;
    }
}
