package io.istiomc.components.inputs;

import com.pulumi.exceptions.MissingRequiredPropertyException;
import io.istiomc.components.ClusterHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Arguments of {@link io.istiomc.components.MeshLink}. */
public final class MeshLinkArgs {
    private final List<ClusterHandle> watchers;
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
    public List<ClusterHandle> watchers() {
        return watchers;
    }

    /**
     * The clusters the primaries watch (every remote, and every primary when there are several), each
     * with reader access and its API endpoint. Default: none (a one-cluster mesh).
     */
    public List<Watched> watched() {
        return watched;
    }

    /**
     * A watched cluster and where the primaries reach its API server.
     *
     * @param cluster   the cluster's handle; it must carry reader access
     * @param apiServer its API endpoint, as resolved once by the caller
     */
    public record Watched(ClusterHandle cluster, ApiEndpoint apiServer) {
        public Watched {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(apiServer, "apiServer");
        }
    }

    public static final class Builder {
        private final List<ClusterHandle> watchers = new ArrayList<>();
        private final List<Watched> watched = new ArrayList<>();

        public Builder watchers(List<ClusterHandle> watchers) {
            this.watchers.clear();
            this.watchers.addAll(watchers);
            return this;
        }

        public Builder watcher(ClusterHandle watcher) {
            this.watchers.add(watcher);
            return this;
        }

        public Builder watched(ClusterHandle cluster, ApiEndpoint apiServer) {
            this.watched.add(new Watched(cluster, apiServer));
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
