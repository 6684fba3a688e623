package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.inputs.ClusterArgs;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every cluster of the mesh offers the others, primary or remote: its name and network, its
 * east-west gateway's address and port, its Kubernetes provider and its istiod release.
 */
public abstract class MeshCluster extends ComponentResource {
    private ClusterRef ref;
    private Output<String> clusterName;
    private Output<String> network;
    private Output<String> gatewayAddress;
    private Output<Integer> gatewayPort;
    private Release istiod;

    protected MeshCluster(String type, String name, @Nullable ComponentResourceOptions options) {
        super(type, name, options);
    }

    /** Records the cluster's shared outputs; called once by the constructor of the subclass. */
    final void joined(ClusterArgs cluster, ClusterInstall install, Release istiod, Output<String> gatewayAddress) {
        this.ref = new ClusterRef(cluster.clusterName(), cluster.network(), install.provider);
        this.clusterName = Output.of(cluster.clusterName());
        this.network = Output.of(cluster.network());
        this.gatewayAddress = gatewayAddress;
        this.gatewayPort = Output.of(cluster.gateway().port());
        this.istiod = istiod;
    }

    /** The shared outputs, for {@code registerOutputs}, plus the subclass's own. */
    final Map<String, Output<?>> outputs(Map<String, Output<?>> own) {
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("clusterName", clusterName);
        outputs.put("network", network);
        outputs.put("gatewayAddress", gatewayAddress);
        outputs.put("gatewayPort", gatewayPort);
        outputs.putAll(own);
        return outputs;
    }

    /** The Istio cluster name. Known at once. */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** The network the cluster's pods are on. Known at once. */
    public Output<String> network() {
        return network;
    }

    /**
     * The address of the cluster's east-west gateway: the configured address, or else the IP or DNS
     * name the cluster gave the gateway's LoadBalancer Service, known once it has one (on the primary,
     * once istiod is also reachable through the gateway). It is the cluster's network gateway in
     * meshNetworks; the primary's is also every remote's {@code remotePilotAddress}.
     */
    public Output<String> gatewayAddress() {
        return gatewayAddress;
    }

    /** The port other networks dial on {@link #gatewayAddress()}. Known at once. */
    public Output<Integer> gatewayPort() {
        return gatewayPort;
    }

    /** The Kubernetes provider of the cluster's kube context; reuse it, never declare another. */
    public Provider provider() {
        return ref.provider();
    }

    /** Name, network and provider of the cluster, for components that place objects in it. */
    public ClusterRef ref() {
        return ref;
    }

    /**
     * The istiod release: the full control plane on the primary, the remote profile (injection
     * webhook) on a remote. Objects istiod must see or serve follow it.
     */
    public Release istiodRelease() {
        return istiod;
    }
}
