package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
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
public class PrimaryCluster extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:PrimaryCluster";

    private final Output<String> clusterName;

    private final Output<String> network;

    private final Output<String> gatewayAddress;

    private final Output<Integer> gatewayPort;

    private final ClusterRef ref;
    private final Release istiod;

    public PrimaryCluster(String name, PrimaryClusterArgs args) {
        this(name, args, null);
    }

    public PrimaryCluster(String name, PrimaryClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        validate(args);
        var cluster = args.cluster();
        var install = new ClusterInstall(this, name, cluster, false, Map.of());
        this.istiod = install.istiod(Output.of(IstioValues.primaryIstiod(
                cluster.meshId(), cluster.clusterName(), cluster.network())));
        var gateway = install.eastWestGateway(istiod, true);

        // Istio validates these through istiod's webhook, so they follow the istiod release.
        customResource(name, install, "Gateway", IstioNetworking.CROSS_NETWORK_GATEWAY, IstioNetworking.crossNetworkGatewaySpec());
        customResource(name, install, "Gateway", IstioNetworking.ISTIOD_GATEWAY, IstioNetworking.istiodGatewaySpec());
        customResource(name, install, "VirtualService", IstioNetworking.ISTIOD_VIRTUAL_SERVICE, IstioNetworking.istiodVirtualServiceSpec());

        this.ref = new ClusterRef(cluster.clusterName(), cluster.network(), install.provider);
        this.clusterName = Output.of(cluster.clusterName());
        this.network = Output.of(cluster.network());
        this.gatewayAddress = gateway.address();
        this.gatewayPort = Output.of(cluster.gateway().port());
        registerOutputs(Map.of(
                "clusterName", clusterName,
                "network", network,
                "gatewayAddress", gatewayAddress,
                "gatewayPort", gatewayPort));
    }

    private void customResource(String name, ClusterInstall install, String kind, String objectName,
                                Map<String, Object> spec) {
        new IstioCustomResource(name + "-" + objectName,
                new IstioCustomResource.Args(IstioNetworking.API_VERSION, kind, install.metadata(objectName), spec),
                install.options(istiod));
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
        if (cluster.gateway().serviceType() != GatewayServiceType.LOAD_BALANCER) {
            throw new IllegalArgumentException("PrimaryClusterArgs: 'cluster.gateway.serviceType' must be LoadBalancer"
                    + " on the primary (got " + cluster.gateway().serviceType().kubernetesName() + "): remotes reach istiod"
                    + " through the gateway address on the fixed ports 15012 and 15017");
        }
    }

    /** The Istio cluster name of the primary. Known at once. */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** The network the primary's pods are on. Known at once. */
    public Output<String> network() {
        return network;
    }

    /**
     * The address of the primary's east-west gateway: the configured address, or else the IP or DNS
     * name the cluster gave the gateway's LoadBalancer Service. Known once that Service has an
     * address. It is every remote's {@code remotePilotAddress} and the primary network's gateway in
     * meshNetworks.
     */
    public Output<String> gatewayAddress() {
        return gatewayAddress;
    }

    /** The port other networks dial on {@link #gatewayAddress()}. Known at once. */
    public Output<Integer> gatewayPort() {
        return gatewayPort;
    }

    /** The Kubernetes provider of the primary's kube context; reuse it, never declare another. */
    public Provider provider() {
        return ref.provider();
    }

    /** Name, network and provider of the primary, for components that place objects in it. */
    public ClusterRef ref() {
        return ref;
    }

    /** The istiod release; objects that istiod must see (remote secrets, meshNetworks) follow it. */
    public Release istiodRelease() {
        return istiod;
    }
}
