package io.istiomc.config;

/** The role of a cluster in the mesh (config value {@code role}). */
public enum ClusterRole {
    /** Runs istiod, which serves its own cluster and its remotes and watches every other cluster of the mesh. */
    PRIMARY("primary"),
    /** Uses the istiod of its control plane, a primary. */
    REMOTE("remote");

    private final String configName;

    ClusterRole(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /**
     * Whether some primary watches a cluster of this role (holds a remote secret for it), in a mesh
     * with {@code primaryCount} primaries: every primary watches every other cluster, so a remote
     * always is, and a primary is when there is another.
     */
    public boolean watched(int primaryCount) {
        return this == REMOTE || primaryCount > 1;
    }

    /** Parses the config spelling; empty when it is neither role. */
    public static java.util.Optional<ClusterRole> fromConfigName(String name) {
        for (var role : values()) {
            if (role.configName.equals(name)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
