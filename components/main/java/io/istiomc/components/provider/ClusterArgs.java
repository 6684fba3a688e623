package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.components.IstioCharts;
import io.istiomc.components.ReleaseOverrides;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Helm values by chart, as a JSON object in a string, e.g.
     * {@code {"istiod": {"replicaCount": 2}, "gateway": {"replicaCount": 2}}}: pulumi-java 1.36.1 cannot
     * deserialize a map input. Merged under the mesh's own values; a value the mesh sets, or a key the
     * chart does not have, is refused ({@link ReleaseOverrides#checkValues}). Values under a key that
     * looks like a credential become secrets. Default: none.
     */
    @Import(name = "values")
    private @Nullable String values;

    /** The image registry of istiod and every proxy it injects ({@code global.hub}). Default: the chart's. */
    @Import(name = "hub")
    private @Nullable String hub;

    /** The image tag of istiod and every proxy it injects ({@code global.tag}). Default: the chart's. */
    @Import(name = "tag")
    private @Nullable String tag;

    /** Names of Secrets in {@code istio-system} holding the registry's credentials; they must exist already. */
    @Import(name = "imagePullSecrets")
    private @Nullable List<String> imagePullSecrets;

    /** Istio's DNS proxying ({@code ISTIO_META_DNS_CAPTURE}, {@code ISTIO_META_DNS_AUTO_ALLOCATE}). Default: off. */
    @Import(name = "dnsProxying")
    private @Nullable Boolean dnsProxying;

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
        return cluster.releaseOverrides(releaseOverrides()).build();
    }

    /** The values and typed settings, each problem named as the caller spells the input ({@code cluster.values.istiod...}). */
    ReleaseOverrides releaseOverrides() {
        Map<String, Map<String, Object>> byChart = Map.of();
        if (values != null) {
            // A local mapper: the SDK would take a field of this class for an input.
            var json = new ObjectMapper();
            JsonNode tree;
            try {
                tree = json.readTree(values);
            } catch (JsonProcessingException e) {
                // The text is not quoted: it may hold a credential.
                throw new IllegalArgumentException("'cluster.values' must be a JSON object of charts to Helm values (it does"
                        + " not parse at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException("'cluster.values' must be a JSON object of charts (base, istiod, gateway)"
                        + " to Helm values");
            }
            Map<String, Object> parsed = json.convertValue(tree, new TypeReference<>() {
            });
            InputRules.requireNone("cluster.values.", ReleaseOverrides.checkValues(parsed));
            byChart = ReleaseOverrides.byChart(parsed);
        }
        var pullSecrets = Optional.ofNullable(imagePullSecrets);
        InputRules.requireNone("cluster.", ReleaseOverrides.checkTyped(Optional.ofNullable(hub), Optional.ofNullable(tag), pullSecrets));
        return new ReleaseOverrides(byChart, Optional.ofNullable(hub), Optional.ofNullable(tag), pullSecrets,
                Optional.ofNullable(dnsProxying));
    }
}
