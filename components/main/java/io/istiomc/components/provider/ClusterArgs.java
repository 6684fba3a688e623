package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.istiomc.components.IstioCharts;

import javax.annotation.Nullable;

/**
 * Schema type {@code istio-multicluster:index:Cluster}: what every cluster needs, primary or
 * remote, as values. Where the Java API takes a {@code Provider}, this takes the kube context and,
 * optionally, the kubeconfig; the component declares the cluster's one provider from them. See
 * {@link io.istiomc.components.ClusterArgs} for each field's rules.
 */
public final class ClusterArgs {
    /** The Istio cluster name, a DNS-1123 label. */
    @Import(name = "clusterName", required = true)
    private String clusterName;

    /** The Istio network of the cluster's pods, a DNS-1123 label. */
    @Import(name = "network", required = true)
    private String network;

    /** The mesh ID, the same in every cluster. */
    @Import(name = "meshId", required = true)
    private String meshId;

    /** The kube context of the cluster's Kubernetes provider. */
    @Import(name = "context", required = true)
    private String context;

    /**
     * The kubeconfig holding {@code context}: a path or the content (kept secret). Default: the
     * provider's own lookup ({@code $KUBECONFIG}, then {@code ~/.kube/config}).
     */
    @Import(name = "kubeconfig")
    private @Nullable Output<Output<String>> kubeconfig;

    /** The Istio chart version, e.g. {@code 1.30.3}. */
    @Import(name = "istioVersion", required = true)
    private String istioVersion;

    /** The Helm repository (https or oci://) of Istio's charts. Default: Istio's official repository. */
    @Import(name = "chartRepository")
    private @Nullable String chartRepository;

    /** The east-west gateway. Default: a LoadBalancer on 15443. */
    @Import(name = "gateway")
    private @Nullable EastWestGatewayArgs gateway;

    /** The cluster's {@code cacerts} material from the shared CA. */
    @Import(name = "certificates", required = true)
    private CaCertificatesArgs certificates;

    private ClusterArgs() {
    }

    String clusterName() {
        return clusterName;
    }

    io.istiomc.components.ClusterArgs toLibrary() {
        var cluster = io.istiomc.components.ClusterArgs.builder()
                .clusterName(clusterName)
                .network(network)
                .meshId(meshId)
                .context(context)
                // A kubeconfig's content holds credentials; a path is harmless as a secret too.
                .kubeconfig(kubeconfig == null ? null : Relayed.flat(kubeconfig).asSecret())
                .charts(new IstioCharts(istioVersion, chartRepository == null ? IstioCharts.OFFICIAL_REPOSITORY : chartRepository))
                .certificates(certificates.toLibrary());
        if (gateway != null) {
            cluster.gateway(gateway.toLibrary("cluster.gateway"));
        }
        return cluster.build();
    }
}
