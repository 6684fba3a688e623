package io.istiomc.config;

/** The role of a cluster in the mesh (config value {@code role}). */
public enum ClusterRole {
    /** Runs its own istiod, which also serves the remotes that name it as their control plane. One or more. */
    PRIMARY("primary"),
    /** Runs no istiod; uses the istiod of its control plane, a primary. */
    REMOTE("remote");

    private final String configName;

    ClusterRole(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
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
