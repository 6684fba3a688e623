package io.istiomc.components.inputs;

import com.pulumi.exceptions.MissingRequiredPropertyException;
import io.istiomc.components.PrimaryCluster;
import io.istiomc.components.RemoteCluster;

import java.util.List;

/** Arguments of {@link io.istiomc.components.MeshLink}. */
public final class MeshLinkArgs {
    private final PrimaryCluster primary;
    private final List<RemoteCluster> remotes;

    private MeshLinkArgs(Builder b) {
        this.primary = b.primary;
        this.remotes = List.copyOf(b.remotes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The primary whose istiod is given the remotes and the meshNetworks. Required. */
    public PrimaryCluster primary() {
        return primary;
    }

    /** The remotes istiod is to watch, in order. Default: none (a one-cluster mesh). */
    public List<RemoteCluster> remotes() {
        return remotes;
    }

    public static final class Builder {
        private PrimaryCluster primary;
        private List<RemoteCluster> remotes = List.of();

        public Builder primary(PrimaryCluster primary) {
            this.primary = primary;
            return this;
        }

        public Builder remotes(List<RemoteCluster> remotes) {
            this.remotes = List.copyOf(remotes);
            return this;
        }

        public MeshLinkArgs build() {
            if (primary == null) {
                throw new MissingRequiredPropertyException("MeshLinkArgs", "primary");
            }
            return new MeshLinkArgs(this);
        }
    }
}
