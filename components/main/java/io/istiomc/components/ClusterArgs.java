package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import javax.annotation.Nullable;
import java.util.Objects;
import java.util.Optional;

/**
 * What every cluster of the mesh needs, primary or remote: how to reach it, who it is in the mesh,
 * which Istio to install, its gateway and its certificates.
 */
public final class ClusterArgs {
    private final String clusterName;
    private final String context;
    private final @Nullable Output<String> kubeconfig;
    private final String network;
    private final String meshId;
    private final IstioCharts charts;
    private final EastWestGatewayArgs gateway;
    private final CaBundle certificates;
    private final boolean deleteUnreachable;
    private final int readerTokenGeneration;
    private final ReleaseOverrides releaseOverrides;

    private ClusterArgs(Builder b) {
        this.clusterName = b.clusterName;
        this.context = b.context;
        this.kubeconfig = b.kubeconfig;
        this.network = b.network;
        this.meshId = b.meshId;
        this.charts = b.charts;
        this.gateway = b.gateway;
        this.certificates = b.certificates;
        this.deleteUnreachable = b.deleteUnreachable;
        this.readerTokenGeneration = b.readerTokenGeneration;
        this.releaseOverrides = b.releaseOverrides;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Istio cluster name ({@code global.multiCluster.clusterName}). A DNS-1123 label, because it
     * ends up in Secret names. Required.
     */
    public String clusterName() {
        return clusterName;
    }

    /** The kube context the cluster's Kubernetes provider uses. Required. */
    public String context() {
        return context;
    }

    /**
     * The kubeconfig holding {@link #context()}: a file path or the file's content (pass content as
     * a secret). Default: the provider's own lookup ({@code $KUBECONFIG}, then {@code ~/.kube/config}).
     */
    public Optional<Output<String>> kubeconfig() {
        return Optional.ofNullable(kubeconfig);
    }

    /** The Istio network of the cluster's pods ({@code global.network}). Required. */
    public String network() {
        return network;
    }

    /** The mesh ID ({@code global.meshID}), the same in every cluster. Required. */
    public String meshId() {
        return meshId;
    }

    /** The Istio charts to install. Required. */
    public IstioCharts charts() {
        return charts;
    }

    /** The east-west gateway. Default: {@link EastWestGatewayArgs#defaults()}. */
    public EastWestGatewayArgs gateway() {
        return gateway;
    }

    /** This cluster's {@code cacerts} material from the shared CA. Required. */
    public CaBundle certificates() {
        return certificates;
    }

    /**
     * Whether the cluster's provider drops from the Pulumi state the objects of this cluster when it
     * cannot reach the API server to delete them (pulumi-kubernetes' {@code deleteUnreachable}), for
     * removing a cluster that is gone. Helm releases are not dropped that way (the provider refuses
     * to delete a release of an unreachable cluster). Default: false.
     */
    public boolean deleteUnreachable() {
        return deleteUnreachable;
    }

    /**
     * The generation of the cluster's reader token, where a primary watches it: raising it rotates
     * the token (a new token Secret, every remote secret updated to it, the old Secret deleted
     * last). 0 keeps the first version's Secret name. Default: 0.
     */
    public int readerTokenGeneration() {
        return readerTokenGeneration;
    }

    /** The rule for {@code readerTokenGeneration}: a whole number from 0, since it ends up in a Secret name. */
    public static java.util.List<Problem> checkReaderTokenGeneration(int generation) {
        return generation < 0 ? java.util.List.of(new Problem("readerTokenGeneration", "must be 0 or more (got " + generation
                + "); raise it by one to rotate the reader token")) : java.util.List.of();
    }

    /**
     * What the user adds to the Helm values of this cluster's releases (the mesh's and the cluster's
     * merged, see {@link ReleaseOverrides#over}); the mesh's own values win. Checked by
     * {@link ReleaseOverrides#checkValues} and {@link ReleaseOverrides#checkTyped}. Default: none.
     */
    public ReleaseOverrides releaseOverrides() {
        return releaseOverrides;
    }

    public static final class Builder {
        private String clusterName;
        private String context;
        private @Nullable Output<String> kubeconfig;
        private String network;
        private String meshId;
        private IstioCharts charts;
        private EastWestGatewayArgs gateway = EastWestGatewayArgs.defaults();
        private CaBundle certificates;
        private boolean deleteUnreachable;
        private int readerTokenGeneration;
        private ReleaseOverrides releaseOverrides = ReleaseOverrides.none();

        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder kubeconfig(@Nullable Output<String> kubeconfig) {
            this.kubeconfig = kubeconfig;
            return this;
        }

        public Builder kubeconfig(String kubeconfig) {
            return kubeconfig(Output.of(kubeconfig));
        }

        public Builder network(String network) {
            this.network = network;
            return this;
        }

        public Builder meshId(String meshId) {
            this.meshId = meshId;
            return this;
        }

        public Builder charts(IstioCharts charts) {
            this.charts = charts;
            return this;
        }

        public Builder gateway(EastWestGatewayArgs gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        public Builder certificates(CaBundle certificates) {
            this.certificates = certificates;
            return this;
        }

        public Builder deleteUnreachable(boolean deleteUnreachable) {
            this.deleteUnreachable = deleteUnreachable;
            return this;
        }

        public Builder readerTokenGeneration(int readerTokenGeneration) {
            this.readerTokenGeneration = readerTokenGeneration;
            return this;
        }

        public Builder releaseOverrides(ReleaseOverrides releaseOverrides) {
            this.releaseOverrides = Objects.requireNonNull(releaseOverrides, "releaseOverrides");
            return this;
        }

        public ClusterArgs build() {
            require(clusterName, "clusterName");
            require(context, "context");
            require(network, "network");
            require(meshId, "meshId");
            require(charts, "charts");
            require(certificates, "certificates");
            Problem.requireNone("ClusterArgs", checkReaderTokenGeneration(readerTokenGeneration));
            var overrides = releaseOverrides;
            Problem.requireNone("ClusterArgs", Problem.under("releaseOverrides.values.", ReleaseOverrides.checkValues(overrides.values())));
            Problem.requireNone("ClusterArgs", Problem.under("releaseOverrides.",
                    ReleaseOverrides.checkTyped(overrides.hub(), overrides.tag(), overrides.imagePullSecrets())));
            return new ClusterArgs(this);
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("ClusterArgs", field);
            }
        }
    }
}
