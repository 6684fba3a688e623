package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.kubernetes.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link io.istiomc.components.MeshLink}: the primaries and the clusters they watch,
 * each as the data the link needs. A Java program passes the clusters' handles; a program in
 * another language (through the component package) passes the same data as values.
 */
public final class MeshLinkArgs {
    private final List<Watcher> watchers;
    private final List<Watched> watched;

    private MeshLinkArgs(Builder b) {
        this.watchers = List.copyOf(b.watchers);
        this.watched = List.copyOf(b.watched);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The primaries: each gets a remote secret for every watched cluster but itself and, when the
     * mesh spans several networks, the meshNetworks of every cluster. Required, not empty.
     */
    public List<Watcher> watchers() {
        return watchers;
    }

    /**
     * The clusters the primaries watch (every remote, and every primary when there are several), each
     * with reader access and its API endpoint. Default: none (a one-cluster mesh).
     */
    public List<Watched> watched() {
        return watched;
    }

    /** What the link needs of every cluster of the mesh, watcher or watched: its place in meshNetworks. */
    public sealed interface Member permits Watcher, Watched {
        String clusterName();

        String network();

        Optional<ClusterHandle.Gateway> gateway();
    }

    /**
     * How the link reaches a primary: its own provider, or a kube context (and kubeconfig) from which
     * the link declares one, as its child.
     *
     * @param provider   the primary's provider; empty: declare one from {@code context}
     * @param context    the kube context, when {@code provider} is empty
     * @param kubeconfig the kubeconfig holding {@code context} (a path or the content, secret); empty:
     *                   the provider's own lookup
     */
    public record Access(Optional<Provider> provider, Optional<String> context, Optional<Output<String>> kubeconfig) {
        public Access {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(kubeconfig, "kubeconfig");
            if (provider.isPresent() == context.isPresent()) {
                throw new IllegalArgumentException("MeshLinkArgs: a watcher is reached by a provider or by a kube context, exactly one");
            }
        }

        public static Access of(Provider provider) {
            return new Access(Optional.of(provider), Optional.empty(), Optional.empty());
        }

        public static Access of(String context, Optional<Output<String>> kubeconfig) {
            return new Access(Optional.empty(), Optional.of(context), kubeconfig);
        }
    }

    /**
     * A primary, as the link places objects in it.
     *
     * @param clusterName    its Istio cluster name
     * @param network        its network
     * @param access         how the link reaches its API server
     * @param gateway        its east-west gateway, where it has one
     * @param istiodRevision the revision of its istiod release ({@link MeshLink#istiodRevision}); the
     *                       link's objects in the primary follow the resources this output depends on
     *                       (the istiod release), and meshNetworks is patched again when it changes
     * @param meshConfigs    each revision's mesh ConfigMap ({@code istio}, {@code istio-<rev>}), by name,
     *                       with the Helm revision of the istiod release that renders it: meshNetworks is
     *                       patched into each, again whenever that release changes
     */
    public record Watcher(String clusterName, String network, Access access, Optional<ClusterHandle.Gateway> gateway,
                          Output<String> istiodRevision, Map<String, Output<String>> meshConfigs) implements Member {
        public Watcher {
            meshConfigs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meshConfigs));
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(istiodRevision, "istiodRevision");
        }

        /** A primary declared in this program. */
        public static Watcher of(ClusterHandle primary) {
            var meshConfigs = new java.util.LinkedHashMap<String, Output<String>>();
            primary.istiods().forEach(r -> meshConfigs.put(r.revision().meshConfigMap(), MeshLink.istiodRevision(r.release())));
            return new Watcher(primary.clusterName(), primary.network(), Access.of(primary.provider()), primary.gateway(),
                    MeshLink.istiodRevision(primary.istiod()), meshConfigs);
        }
    }

    /**
     * A watched cluster, as its remote secret and meshNetworks describe it.
     *
     * @param clusterName its Istio cluster name
     * @param network     its network
     * @param gateway     its east-west gateway, where it has one
     * @param reader      its reader credentials; the link refuses a watched cluster without them
     * @param apiServer   where the primaries reach its API server
     */
    public record Watched(String clusterName, String network, Optional<ClusterHandle.Gateway> gateway,
                          Optional<ClusterHandle.Reader> reader, Output<ApiEndpoint> apiServer) implements Member {
        public Watched {
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(apiServer, "apiServer");
        }

        /**
         * A cluster declared in this program, at the API endpoint the caller resolved: its server is
         * checked now, before the link registers anything, not where the remote secret is built.
         */
        public static Watched of(ClusterHandle cluster, ApiEndpoint apiServer) {
            Problem.requireNone("MeshLinkArgs: watched cluster '" + cluster.clusterName() + "'",
                    RemoteSecretKubeconfig.checkServer(Objects.requireNonNull(apiServer, "apiServer").server()));
            return new Watched(cluster.clusterName(), cluster.network(), cluster.gateway(), cluster.reader(),
                    Output.of(Objects.requireNonNull(apiServer, "apiServer")));
        }
    }

    public static final class Builder {
        private final List<Watcher> watchers = new ArrayList<>();
        private final List<Watched> watched = new ArrayList<>();

        public Builder watchers(List<ClusterHandle> watchers) {
            this.watchers.clear();
            watchers.forEach(this::watcher);
            return this;
        }

        public Builder watcher(ClusterHandle watcher) {
            return watcher(Watcher.of(watcher));
        }

        public Builder watcher(Watcher watcher) {
            this.watchers.add(Objects.requireNonNull(watcher, "watcher"));
            return this;
        }

        public Builder watched(ClusterHandle cluster, ApiEndpoint apiServer) {
            return watched(Watched.of(cluster, apiServer));
        }

        public Builder watched(Watched cluster) {
            this.watched.add(Objects.requireNonNull(cluster, "watched"));
            return this;
        }

        public MeshLinkArgs build() {
            if (watchers.isEmpty()) {
                throw new MissingRequiredPropertyException("MeshLinkArgs", "watchers");
            }
            return new MeshLinkArgs(this);
        }
    }
}
