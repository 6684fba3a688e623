package io.istiomc.components;

import com.pulumi.core.Output;
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

    /** The Istio chart version, e.g. {@code 1.30.3}. Required. */
    @Import(name = "istioVersion", required = true)
    private String istioVersion;

    /** The Helm repository (https or oci://) of Istio's charts, without credentials. Default: Istio's official repository. */
    @Import(name = "chartRepository")
    private @Nullable String chartRepository;

    /** The user name of a private chart repository. Default: none. */
    @Import(name = "chartRepositoryUsername")
    private @Nullable String chartRepositoryUsername;

    /** The password of a private chart repository, kept a secret. Default: none. */
    @Import(name = "chartRepositoryPassword")
    private @Nullable Output<Output<String>> chartRepositoryPassword;

    /** The east-west gateway. Default: a LoadBalancer on 15443. */
    @Import(name = "gateway")
    private @Nullable EastWestGatewayArgs gateway;

    /** This cluster's {@code cacerts} material from the shared CA. Required. */
    @Import(name = "certificates", required = true)
    private CaCertificatesArgs certificates;

    private ClusterArgs() {
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
        var login = Optional.ofNullable(chartRepositoryUsername).flatMap(user -> Optional.ofNullable(chartRepositoryPassword)
                .map(password -> new IstioCharts.Login(user, Relayed.flat(password))));
        return new IstioCharts(istioVersion, chartRepository == null ? IstioCharts.OFFICIAL_REPOSITORY : chartRepository,
                login);
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
        required.put("istioVersion", cluster.istioVersion);
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
        if (cluster.chartRepository != null) {
            problems.addAll(Problem.at("chartRepository", IstioCharts.checkRepository(cluster.chartRepository)));
        }
        problems.addAll(Problem.under("gateway.", EastWestGatewayArgs.check(cluster.gateway())));
        return problems;
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
            cluster.istioVersion = charts.version();
            cluster.chartRepository = charts.repository();
            cluster.chartRepositoryUsername = charts.login().map(IstioCharts.Login::username).orElse(null);
            cluster.chartRepositoryPassword = charts.login().map(l -> Relayed.wrap(l.password())).orElse(null);
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

        public ClusterArgs build() {
            require(cluster.clusterName, "clusterName");
            require(cluster.context, "context");
            require(cluster.network, "network");
            require(cluster.meshId, "meshId");
            require(cluster.istioVersion, "istioVersion");
            require(cluster.certificates, "certificates");
            var built = new ClusterArgs();
            built.clusterName = cluster.clusterName;
            built.network = cluster.network;
            built.meshId = cluster.meshId;
            built.context = cluster.context;
            built.kubeconfig = cluster.kubeconfig;
            built.istioVersion = cluster.istioVersion;
            built.chartRepository = cluster.chartRepository;
            built.chartRepositoryUsername = cluster.chartRepositoryUsername;
            built.chartRepositoryPassword = cluster.chartRepositoryPassword;
            built.gateway = cluster.gateway;
            built.certificates = cluster.certificates;
            return built;
        }

        private static void require(@Nullable Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("ClusterArgs", field);
            }
        }
    }
}
