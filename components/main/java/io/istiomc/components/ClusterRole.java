package io.istiomc.components;

import java.util.Optional;

/** The role of a cluster in a {@link Mesh} ({@code clusters[].role}). */
public enum ClusterRole {
    /** Runs istiod, which serves its own cluster and its remotes and watches every other cluster of the mesh. */
    PRIMARY("primary"),
    /** Uses the istiod of its control plane, a primary. */
    REMOTE("remote");

    private final String argName;

    ClusterRole(String argName) {
        this.argName = argName;
    }

    /** How {@code clusters[].role} spells the role. */
    public String argName() {
        return argName;
    }

    /** Parses the spelling of {@code clusters[].role}; empty when it is neither role. */
    public static Optional<ClusterRole> fromArgName(String name) {
        for (var role : values()) {
            if (role.argName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
