package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every cluster of the mesh needs, primary or remote (schema type {@code Cluster}): how to
 * reach it, who it is in the mesh, which Istio to install, its gateway and its certificates. Where
 * a Java program could hold a {@code Provider}, this holds the kube context and, optionally, the
 * kubeconfig, so that every language passes the same values; the cluster's component declares the
 * cluster's one provider from them.
 */
public final class ClusterArgs {
    /** The Istio cluster name ({@code global.multiCluster.clusterName}), a DNS-1123 label: it ends up in Secret names. Required. */
    @Import(name = "clusterName", required = true)
    private String clusterName;

    /** The Istio network of the cluster's pods ({@code global.network}), a DNS-1123 label. Required. */
    @Import(name = "network", required = true)
    private String network;

    /** The mesh ID ({@code global.meshID}), the same in every cluster. Required. */
    @Import(name = "meshId", required = true)
    private String meshId;

    /** The kube context the cluster's Kubernetes provider uses. Required. */
    @Import(name = "context", required = true)
    private String context;

    /**
     * The kubeconfig holding {@code context}: a file path or the file's content (pass content as a
     * secret). Default: the provider's own lookup ({@code $KUBECONFIG}, then {@code ~/.kube/config}).
     */
    @Import(name = "kubeconfig")
    private @Nullable Output<Output<String>> kubeconfig;

    /** Which Istio to install: chart version, repository and its login, as a {@link Mesh} takes them. Required. */
    @Import(name = "istio", required = true)
    private IstioArgs istio;

    /** The east-west gateway. Default: a LoadBalancer on 15443. */
    @Import(name = "gateway")
    private @Nullable EastWestGatewayArgs gateway;

    /** This cluster's {@code cacerts} material from the shared CA. Required. */
    @Import(name = "certificates", required = true)
    private CaCertificatesArgs certificates;

    /**
     * Whether the cluster's provider drops from the Pulumi state the objects of this cluster when it
     * cannot reach the API server to delete them (pulumi-kubernetes' {@code deleteUnreachable}), for
     * removing a cluster that is gone. Helm releases are not dropped that way (the provider refuses
     * to delete a release of an unreachable cluster). Default: false.
     */
    @Import(name = "deleteUnreachable")
    private @Nullable Boolean deleteUnreachable;

    /**
     * The generation of the cluster's reader token, where a primary watches it: raising it rotates
     * the token (a new token Secret, every remote secret updated to it, the old Secret deleted
     * last). 0 keeps the first version's Secret name. Default: 0.
     */
    @Import(name = "readerTokenGeneration")
    private @Nullable Integer readerTokenGeneration;

    /**
     * Helm values and the typed production settings for this cluster's releases, merged over
     * {@code istio}'s ({@link #releaseOverrides()}). Default: none.
     */
    @Import(name = "releaseSettings")
    private @Nullable ReleaseSettingsArgs releaseSettings;

    /**
     * A value the unrevisioned istiod release waits for while a named revision is the default (the
     * release then renders no injection webhook): it follows the resources this output depends on. A
     * {@link Mesh} passes an output of the cluster's {@code default} tag (declared after every
     * cluster), so that {@code istio-injection=enabled} namespaces keep an injector throughout: the tag
     * is created before the old webhook steps aside. Default: nothing.
     */
    @Import(name = "unrevisionedAfter")
    private @Nullable Output<Output<String>> unrevisionedAfter;

    private ClusterArgs() {
    }

    /** The resources the unrevisioned istiod release waits for while it steps aside ({@code unrevisionedAfter}'s dependencies). */
    public Output<List<Resource>> unrevisionedAfter() {
        return Relayed.dependencies(unrevisionedAfter);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return clusterName;
    }

    public String context() {
        return context;
    }

    /** The kubeconfig, when given: content is a secret whatever the caller passed; a path stays as given. */
    public Optional<Output<String>> kubeconfig() {
        return Optional.ofNullable(kubeconfig).map(Relayed::flat)
                .map(value -> value.apply(k -> k != null && isKubeconfigContent(k) ? Output.ofSecret(k) : Output.of(k)));
    }

    /** A kubeconfig's content (YAML or JSON) rather than a path to one. */
    public boolean deleteUnreachable() {
        return Boolean.TRUE.equals(deleteUnreachable);
    }

    public int readerTokenGeneration() {
        return readerTokenGeneration == null ? 0 : readerTokenGeneration;
    }

    /** The rule for {@code readerTokenGeneration}: a whole number from 0, since it ends up in a Secret name. */
    public static List<Problem> checkReaderTokenGeneration(int generation) {
        return generation < 0 ? List.of(new Problem("readerTokenGeneration", "must be 0 or more (got " + generation
                + "); raise it by one to rotate the reader token")) : List.of();
    }

    public static boolean isKubeconfigContent(String value) {
        var trimmed = value.trim();
        return value.contains("\n") || trimmed.startsWith("apiVersion") || trimmed.startsWith("kind")
                || trimmed.startsWith("{");
    }

    public String network() {
        return network;
    }

    public String meshId() {
        return meshId;
    }

    /** The Istio charts to install. */
    public IstioCharts charts() {
        return istio.charts();
    }

    /** The control plane revisions to install, and the default one. */
    public Revisions revisions() {
        return Revisions.of(istio);
    }

    /** The east-west gateway. */
    public EastWestGatewayArgs gateway() {
        return gateway == null ? EastWestGatewayArgs.defaults() : gateway;
    }

    /** This cluster's {@code cacerts} material. */
    public CaBundle certificates() {
        return certificates.bundle();
    }

    /**
     * The rules of a cluster, whatever its role: names and networks that are DNS-1123 labels (they end
     * up in Secret names), a chart repository without credentials, and the gateway's rules.
     *
     * @return problems named by property ({@code clusterName}, {@code gateway.port}, ...)
     */
    public static List<Problem> check(ClusterArgs cluster) {
        var problems = new ArrayList<Problem>();
        // Required values a builder checks, as a deserialized input may lack them.
        var required = new java.util.LinkedHashMap<String, Object>();
        required.put("clusterName", cluster.clusterName);
        required.put("network", cluster.network);
        required.put("meshId", cluster.meshId);
        required.put("context", cluster.context);
        required.put("istio", cluster.istio);
        required.put("certificates", cluster.certificates);
        required.forEach((property, value) -> {
            if (value == null) {
                problems.add(new Problem(property, "is required"));
            }
        });
        if (!problems.isEmpty()) {
            return problems;
        }
        problems.addAll(Dns1123.checkLabel("clusterName", cluster.clusterName));
        problems.addAll(Dns1123.checkLabel("network", cluster.network));
        problems.addAll(Problem.at("istio.chartRepository", IstioCharts.checkRepository(cluster.istio.chartRepository())));
        problems.addAll(Problem.under("istio.", cluster.istio.checkRevisions()));
        problems.addAll(Problem.under("gateway.", EastWestGatewayArgs.check(cluster.gateway())));
        problems.addAll(checkReaderTokenGeneration(cluster.readerTokenGeneration()));
        problems.addAll(Problem.under("istio.releaseSettings.", cluster.istio.releaseSettings().check()));
        problems.addAll(Problem.under("releaseSettings.", cluster.releaseSettings().check()));
        return problems;
    }

    /** The cluster's own Helm values and typed settings, as given. */
    public ReleaseSettingsArgs releaseSettings() {
        return releaseSettings == null ? ReleaseSettingsArgs.none() : releaseSettings;
    }

    /**
     * What the user adds to the Helm values of this cluster's releases: the one place where a
     * cluster's settings go over the mesh's ({@code istio}'s, {@link ReleaseOverrides#over}); the
     * mesh's own values win over both.
     */
    public ReleaseOverrides releaseOverrides() {
        return releaseSettings().overrides().over(istio.releaseSettings().overrides());
    }

    public static final class Builder {
        private final ClusterArgs cluster = new ClusterArgs();

        public Builder clusterName(String clusterName) {
            cluster.clusterName = clusterName;
            return this;
        }

        public Builder context(String context) {
            cluster.context = context;
            return this;
        }

        public Builder kubeconfig(@Nullable Output<String> kubeconfig) {
            cluster.kubeconfig = kubeconfig == null ? null : Relayed.wrap(kubeconfig);
            return this;
        }

        public Builder kubeconfig(String kubeconfig) {
            return kubeconfig(Output.of(kubeconfig));
        }

        public Builder network(String network) {
            cluster.network = network;
            return this;
        }

        public Builder meshId(String meshId) {
            cluster.meshId = meshId;
            return this;
        }

        /** The charts: version, repository and the login of a private one. */
        public Builder charts(IstioCharts charts) {
            cluster.istio = IstioArgs.of(charts);
            return this;
        }

        public Builder istio(IstioArgs istio) {
            cluster.istio = istio;
            return this;
        }

        public Builder gateway(EastWestGatewayArgs gateway) {
            cluster.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        public Builder certificates(CaBundle certificates) {
            cluster.certificates = CaCertificatesArgs.of(certificates);
            return this;
        }

        public Builder deleteUnreachable(boolean deleteUnreachable) {
            cluster.deleteUnreachable = deleteUnreachable;
            return this;
        }

        public Builder readerTokenGeneration(int readerTokenGeneration) {
            cluster.readerTokenGeneration = readerTokenGeneration;
            return this;
        }

        public Builder releaseSettings(@Nullable ReleaseSettingsArgs releaseSettings) {
            cluster.releaseSettings = releaseSettings;
            return this;
        }

        public Builder unrevisionedAfter(Output<String> after) {
            cluster.unrevisionedAfter = Relayed.wrap(java.util.Objects.requireNonNull(after, "unrevisionedAfter"));
            return this;
        }

        public ClusterArgs build() {
            require(cluster.clusterName, "clusterName");
            require(cluster.context, "context");
            require(cluster.network, "network");
            require(cluster.meshId, "meshId");
            require(cluster.istio, "istio");
            require(cluster.certificates, "certificates");
            return cluster;
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("ClusterArgs", field);
            }
        }
    }
}
