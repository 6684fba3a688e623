package io.istiomc.components.inputs;

import com.pulumi.resources.Resource;
import io.istiomc.components.ClusterHandle;
import io.istiomc.components.Dns1123;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Arguments of {@link io.istiomc.components.SampleApps}. */
public final class SampleAppsArgs {
    private final String namespace;
    private final List<Placement> placements;

    private SampleAppsArgs(Builder b) {
        this.namespace = b.namespace;
        this.placements = List.copyOf(b.placements);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The namespace of the samples in every cluster, labelled for sidecar injection. Default: {@code sample}. */
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

    public static final class Builder {
        private String namespace = "sample";
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
            Dns1123.requireLabel("SampleAppsArgs", "namespace", namespace);
            if (placements.isEmpty()) {
                throw new IllegalArgumentException("SampleAppsArgs: 'placements' must name at least one cluster");
            }
            return new SampleAppsArgs(this);
        }
    }
}
