package io.istiomc.config;

import io.istiomc.components.MeshArgs;

import java.util.List;
import java.util.Optional;

/**
 * A stack's configuration as the program uses it: the library's {@link MeshArgs}, and where each
 * cluster's kubeconfig comes from, which the program reads itself (to check contexts and find API
 * servers) and the args hold only as an output.
 *
 * @param mesh        the mesh, as read from the stack config
 * @param kubeconfigs each cluster's {@code kubeconfig}, in the order of {@code mesh.clusters()}; empty: the default lookup
 */
public record StackConfig(MeshArgs mesh, List<Optional<Kubeconfig>> kubeconfigs) {
    /** The namespace of every config key of the program. */
    public static final String NAMESPACE = "istio-multicluster";
    /** The name of the program's one {@code Mesh}: part of every URN of the stack. */
    public static final String MESH_NAME = "mesh";

    public StackConfig {
        kubeconfigs = List.copyOf(kubeconfigs);
        if (kubeconfigs.size() != mesh.clusters().size()) {
            throw new IllegalArgumentException("one kubeconfig entry per cluster");
        }
    }

    /** The kubeconfig of the cluster at this index of {@code mesh.clusters()}. */
    public Optional<Kubeconfig> kubeconfig(int cluster) {
        return kubeconfigs.get(cluster);
    }

    /** The same configuration with other args (the same clusters, in the same order). */
    public StackConfig withMesh(MeshArgs other) {
        return new StackConfig(other, kubeconfigs);
    }

    /**
     * {@code clusters[].kubeconfig}: a file, or the file's content (always treated as a secret).
     *
     * @param inline whether {@code value} is the content
     * @param value  the content, or the file's real path
     */
    public record Kubeconfig(boolean inline, String value) {
        @Override
        public String toString() {
            return inline ? "Kubeconfig[inline]" : "Kubeconfig[" + value + "]";
        }
    }
}
