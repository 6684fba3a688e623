package io.istiomc.components;

import java.util.Locale;
import java.util.Optional;

/** The role of a cluster in a {@link Mesh} ({@code clusters[].role}, spelt in lower case). */
public enum ClusterRole {
    /** Runs istiod, which serves its own cluster and its remotes and watches every other cluster of the mesh. */
    PRIMARY,
    /** Uses the istiod of its control plane, a primary. */
    REMOTE;

    /** How {@code clusters[].role} spells the role. */
    public String argName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the spelling of {@code clusters[].role}; empty when it is neither role. */
    public static Optional<ClusterRole> fromArgName(String name) {
        for (var role : values()) {
            if (role.argName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
