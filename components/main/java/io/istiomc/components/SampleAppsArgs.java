package io.istiomc.components;

import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Arguments of {@link io.istiomc.components.SampleApps}. */
public final class SampleAppsArgs {
    /** The samples' namespace unless given, as in Istio's guides. */
    public static final String DEFAULT_NAMESPACE = "sample";
    /** Namespaces of Kubernetes and Istio, which the samples must never own. */
    public static final Set<String> SYSTEM_NAMESPACES = Set.of(Names.ISTIO_NAMESPACE, "kube-system", "kube-public",
            "kube-node-lease", "default");

    private final String namespace;
    private final List<Placement> placements;

    private SampleAppsArgs(Builder b) {
        this.namespace = b.namespace;
        this.placements = List.copyOf(b.placements);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The namespace of the samples in every cluster, labelled for sidecar injection. The samples own
     * it and delete it with them, so it is none of Kubernetes' or Istio's. Default: {@code sample}.
     */
    public String namespace() {
        return namespace;
    }

    /** Where the samples run and which helloworld version each cluster serves. Required, not empty. */
    public List<Placement> placements() {
        return placements;
    }

    /**
     * The samples of one cluster.
     *
     * @param cluster           the cluster
     * @param helloworldVersion {@code v1} or {@code v2}: the version of helloworld it serves
     * @param after             what must exist first: the injection webhook, and for a remote the
     *                          remote secret without which its sidecars get no certificates
     */
    public record Placement(ClusterHandle cluster, String helloworldVersion, List<Resource> after) {
        public Placement {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(helloworldVersion, "helloworldVersion");
            after = List.copyOf(after);
        }
    }

    /**
     * The rules for {@link #namespace()}: a DNS-1123 label, and not a namespace the samples would take
     * from Kubernetes or Istio (deleting it on destroy).
     *
     * @return problems about {@code namespace}
     */
    public static List<Problem> checkNamespace(String namespace) {
        var label = Dns1123.checkLabel("namespace", namespace);
        if (!label.isEmpty() || !SYSTEM_NAMESPACES.contains(namespace)) {
            return label;
        }
        return List.of(new Problem("namespace", "must not be '" + namespace + "': the samples own their namespace and"
                + " delete it with them; choose a namespace of their own, e.g. 'sample'"));
    }

    public static final class Builder {
        private String namespace = DEFAULT_NAMESPACE;
        private final List<Placement> placements = new ArrayList<>();

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder placement(Placement placement) {
            this.placements.add(placement);
            return this;
        }

        public SampleAppsArgs build() {
            Problem.requireNone("SampleAppsArgs", checkNamespace(namespace));
            if (placements.isEmpty()) {
                throw new IllegalArgumentException("SampleAppsArgs: 'placements' must name at least one cluster");
            }
            return new SampleAppsArgs(this);
        }
    }
}
