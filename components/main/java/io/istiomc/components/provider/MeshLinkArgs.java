package io.istiomc.components.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;

/**
 * Inputs of {@code istio-multicluster:index:MeshLink}: the primaries and the clusters they watch,
 * as values; rules as in {@link io.istiomc.components.MeshLinkArgs}.
 */
public final class MeshLinkArgs extends ResourceArgs {
    /** The primaries: each gets a remote secret for every other watched cluster. Not empty. */
    @Import(name = "watchers", required = true)
    private List<MeshLinkWatcherArgs> watchers;

    /** The clusters the primaries watch: every remote, and every primary when there are several. Default: none. */
    @Import(name = "watched")
    private @Nullable List<MeshLinkWatchedArgs> watched;

    private MeshLinkArgs() {
    }

    io.istiomc.components.MeshLinkArgs toLibrary() {
        var link = io.istiomc.components.MeshLinkArgs.builder();
        for (int i = 0; i < watchers.size(); i++) {
            link.watcher(watchers.get(i).toLibrary("watchers[" + i + "]"));
        }
        var clusters = watched == null ? List.<MeshLinkWatchedArgs>of() : watched;
        for (int i = 0; i < clusters.size(); i++) {
            link.watched(clusters.get(i).toLibrary("watched[" + i + "]"));
        }
        return link.build();
    }
}
