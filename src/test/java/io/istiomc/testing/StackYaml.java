package io.istiomc.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A stack file's text, assembled from the parts a test varies: primary {@code cluster1} (context
 * {@code ctx-cluster1}, {@code network1}) and remotes {@code cluster2..} with their API servers.
 */
public final class StackYaml {
    private int remotes = 2;
    private String istioVersion = "1.30.3";
    private final Map<Integer, String> networks = new HashMap<>();
    private final Map<Integer, String> contexts = new HashMap<>();
    private final Map<Integer, String> extraClusterYaml = new HashMap<>();
    private String samplesNamespace;
    private String caYaml;
    private String chartRepository;
    private final Map<Integer, String> apiServers = new HashMap<>();

    public StackYaml remotes(int count) {
        this.remotes = count;
        return this;
    }

    public StackYaml istioVersion(String version) {
        this.istioVersion = version;
        return this;
    }

    /** The network of the {@code n}-th cluster (1 is the primary); default {@code network<n>}. */
    public StackYaml network(int cluster, String network) {
        networks.put(cluster, network);
        return this;
    }

    /** The kube context of the {@code n}-th cluster (1 is the primary); default {@code ctx-cluster<n>}. */
    public StackYaml context(int cluster, String context) {
        contexts.put(cluster, context);
        return this;
    }

    /** Extra keys of the {@code n}-th cluster, indented as cluster keys (6 spaces). */
    public StackYaml clusterYaml(int cluster, String yaml) {
        extraClusterYaml.put(cluster, yaml);
        return this;
    }

    /** {@code istio.chartRepository}; unset (the reader's default) unless given. */
    public StackYaml chartRepository(String url) {
        this.chartRepository = url;
        return this;
    }

    /** The API server of the {@code n}-th cluster (a remote); default {@code https://api.cluster<n>.example:6443}. */
    public StackYaml apiServer(int cluster, String url) {
        apiServers.put(cluster, url);
        return this;
    }

    public StackYaml samples(String namespace) {
        this.samplesNamespace = namespace;
        return this;
    }

    /** The {@code ca:} object's keys, indented 4 spaces. */
    public StackYaml ca(String yaml) {
        this.caYaml = yaml;
        return this;
    }

    public String yaml() {
        var out = new StringBuilder("""
                config:
                  istio-multicluster:meshId: mesh1
                  istio-multicluster:istio:
                    version: %s
                """.formatted(istioVersion));
        if (chartRepository != null) {
            out.append("    chartRepository: ").append(chartRepository).append('\n');
        }
        out.append("  istio-multicluster:clusters:\n");
        for (int i = 1; i <= remotes + 1; i++) {
            out.append("    - name: cluster").append(i).append('\n')
                    .append("      role: ").append(i == 1 ? "primary" : "remote").append('\n')
                    .append("      context: ").append(contexts.getOrDefault(i, "ctx-cluster" + i)).append('\n')
                    .append("      network: ").append(networks.getOrDefault(i, "network" + i)).append('\n');
            if (i > 1) {
                out.append("      apiServer: ").append(apiServers.getOrDefault(i, "https://api.cluster" + i + ".example:6443")).append('\n');
            }
            if (extraClusterYaml.containsKey(i)) {
                out.append(extraClusterYaml.get(i).stripTrailing()).append('\n');
            }
        }
        if (caYaml != null) {
            out.append("  istio-multicluster:ca:\n").append(caYaml.stripTrailing()).append('\n');
        }
        if (samplesNamespace != null) {
            out.append("  istio-multicluster:samples:\n    enabled: true\n    namespace: ")
                    .append(samplesNamespace).append('\n');
        }
        return out.toString();
    }
}
