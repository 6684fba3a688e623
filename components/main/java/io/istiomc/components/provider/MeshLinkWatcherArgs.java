package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.istiomc.components.MeshLinkArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * Schema type {@code istio-multicluster:index:MeshLinkWatcher}: a primary, as values. The link
 * declares its own Kubernetes provider for it from {@code context} and {@code kubeconfig}.
 */
public final class MeshLinkWatcherArgs {
    /** The primary's Istio cluster name. */
    @Import(name = "clusterName", required = true)
    private String clusterName;

    /** The primary's network. */
    @Import(name = "network", required = true)
    private String network;

    /** The kube context of the primary. */
    @Import(name = "context", required = true)
    private String context;

    /** The kubeconfig holding {@code context}: a path or the content (kept secret). Default: the provider's own lookup. */
    @Import(name = "kubeconfig")
    private @Nullable Output<Output<String>> kubeconfig;

    /**
     * The primary's {@code istiodRevision} output: the link's objects follow its istiod, and
     * meshNetworks is patched again whenever Helm upgrades istiod.
     */
    @Import(name = "istiodRevision", required = true)
    private Output<Output<String>> istiodRevision;

    /** The primary's east-west gateway, where it has one (required when the mesh spans several networks). */
    @Import(name = "gateway")
    private @Nullable GatewayEndpointArgs gateway;

    private MeshLinkWatcherArgs() {
    }

    MeshLinkArgs.Watcher toLibrary(String property) {
        return new MeshLinkArgs.Watcher(clusterName, network,
                // A kubeconfig's content holds credentials; a path is harmless as a secret too.
                MeshLinkArgs.Access.of(context, Optional.ofNullable(kubeconfig).map(k -> Relayed.flat(k).asSecret())),
                Optional.ofNullable(gateway).map(g -> g.toLibrary(property + ".gateway")),
                Relayed.flat(istiodRevision));
    }
}
