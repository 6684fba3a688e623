package io.istiomc.components;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link Mesh}: the whole topology as data, as Istio's own test framework describes a
 * multicluster mesh (a list of clusters, each with its name, network and primary). Roles, networks
 * and control planes decide what each cluster gets; see {@link MeshTopology}.
 */
public final class MeshArgs extends ResourceArgs {
    /** The Istio mesh ID ({@code global.meshID}) every cluster shares, a DNS-1123 label. Required. */
    @Import(name = "meshId", required = true)
    private String meshId;

    /** The Istio charts to install. Required. */
    @Import(name = "istio", required = true)
    private IstioArgs istio;

    /** One or more primaries and any number of remotes, in order. Required, not empty. */
    @Import(name = "clusters", required = true)
    private List<MeshClusterArgs> clusters;

    /** The shared certificate authority. Default: {@link CaSettingsArgs#defaults()}. */
    @Import(name = "ca")
    private @Nullable CaSettingsArgs ca;

    /** The helloworld/sleep check. Default: none. */
    @Import(name = "samples")
    private @Nullable SamplesArgs samples;

    private MeshArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values, to change some of them. */
    public Builder toBuilder() {
        var builder = new Builder();
        builder.args.meshId = meshId;
        builder.args.istio = istio;
        builder.args.clusters = clusters;
        builder.args.ca = ca;
        builder.args.samples = samples;
        return builder;
    }

    public String meshId() {
        return meshId;
    }

    public IstioArgs istio() {
        return istio;
    }

    /** The clusters; empty when none are given. */
    public List<MeshClusterArgs> clusters() {
        return clusters == null ? List.of() : clusters;
    }

    /** Whether {@code clusters} is given at all (an empty list is a different mistake). */
    boolean clustersGiven() {
        return clusters != null;
    }

    public CaSettingsArgs ca() {
        return ca == null ? CaSettingsArgs.defaults() : ca;
    }

    public SamplesArgs samples() {
        return samples == null ? SamplesArgs.defaults() : samples;
    }

    public static final class Builder {
        private final MeshArgs args = new MeshArgs();

        public Builder meshId(String meshId) {
            args.meshId = meshId;
            return this;
        }

        public Builder istio(IstioArgs istio) {
            args.istio = istio;
            return this;
        }

        public Builder clusters(List<MeshClusterArgs> clusters) {
            args.clusters = List.copyOf(clusters);
            return this;
        }

        public Builder cluster(MeshClusterArgs cluster) {
            var clusters = new ArrayList<>(args.clusters());
            clusters.add(Objects.requireNonNull(cluster, "cluster"));
            args.clusters = List.copyOf(clusters);
            return this;
        }

        public Builder ca(@Nullable CaSettingsArgs ca) {
            args.ca = ca;
            return this;
        }

        public Builder samples(@Nullable SamplesArgs samples) {
            args.samples = samples;
            return this;
        }

        /**
         * The args as given. Required values are not checked here but by {@link Mesh#check}, with
         * every other rule, so that a caller learns of every problem at once.
         */
        public MeshArgs build() {
            return args;
        }
    }
}
