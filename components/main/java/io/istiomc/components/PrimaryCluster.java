package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.inputs.EastWestGatewayArgs;
import io.istiomc.components.inputs.PrimaryClusterArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The primary cluster: the full Istio control plane, shared by every remote, and the east-west
 * gateway through which the remotes reach it (steps "Setup cluster 1 (primary)" of the guide).
 *
 * <p>Children: the cluster's Kubernetes provider; namespace {@code istio-system} labelled with the
 * network; {@code cacerts}; the {@code base} and {@code istiod} releases; the east-west gateway
 * (Service and release); the Istio Gateways {@code cross-network-gateway} and
 * {@code istiod-gateway} and the VirtualService {@code istiod-vs}.
 */
public class PrimaryCluster extends MeshCluster {
    public static final String TYPE = "istio-multicluster:index:PrimaryCluster";

    public PrimaryCluster(String name, PrimaryClusterArgs args) {
        this(name, args, null);
    }

    public PrimaryCluster(String name, PrimaryClusterArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var cluster = args.cluster();
        var install = new ClusterInstall(this, name, cluster, false, Map.of());
        var istiod = install.istiod(Output.of(IstioValues.primaryIstiod(
                cluster.meshId(), cluster.clusterName(), cluster.network())));
        var gateway = install.eastWestGateway(istiod, true);

        // Istio validates these through istiod's webhook, so they follow the istiod release.
        customResource(name, install, istiod, "Gateway", IstioNetworking.CROSS_NETWORK_GATEWAY,
                IstioNetworking.crossNetworkGatewaySpec());
        var istiodGateway = customResource(name, install, istiod, "Gateway", IstioNetworking.ISTIOD_GATEWAY,
                IstioNetworking.istiodGatewaySpec());
        var istiodRoute = customResource(name, install, istiod, "VirtualService", IstioNetworking.ISTIOD_VIRTUAL_SERVICE,
                IstioNetworking.istiodVirtualServiceSpec());

        // The address is handed out only once istiod is reachable through it: the gateway pods are
        // ready (Helm waits for them) and routed to istiod. Remotes point their webhooks and proxies
        // at it, so their pods can be injected and get certificates as soon as they start.
        var reachableAddress = Output.tuple(gateway.address(), gateway.release().status(), istiodGateway.metadata(),
                istiodRoute.metadata()).applyValue(t -> t.t1);
        joined(cluster, install, istiod, reachableAddress);
        registerOutputs(outputs(Map.of()));
    }

    private IstioCustomResource customResource(String name, ClusterInstall install, Release istiod, String kind,
                                               String objectName, Map<String, Object> spec) {
        return new IstioCustomResource(name + "-" + objectName,
                new IstioCustomResource.Args(IstioNetworking.API_VERSION, kind, install.metadata(objectName), spec),
                install.options(istiod));
    }

    private static @Nullable ComponentResourceOptions validated(PrimaryClusterArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Cross-field rules that the builders cannot check alone.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(PrimaryClusterArgs args) {
        var cluster = args.cluster();
        Dns1123.requireLabel("PrimaryClusterArgs", "cluster.clusterName", cluster.clusterName());
        Dns1123.requireLabel("PrimaryClusterArgs", "cluster.network", cluster.network());
        Problem.requireNone("PrimaryClusterArgs", Problem.under("cluster.gateway.",
                EastWestGatewayArgs.checkExposesIstiod(cluster.gateway().serviceType())));
    }
}
