package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * One Istio control plane revision of a {@link Mesh} (schema type {@code Revision}), installed side by
 * side with the others in every cluster. The rules are {@link Revisions#check}.
 */
public final class RevisionArgs {
    /**
     * The revision's name, Istio's {@code revision}: a DNS-1123 label of at most
     * {@value Revisions#MAX_NAME_LENGTH} characters, since it ends up in object names
     * ({@code istiod-<name>}) and the Helm release name {@code istiod-<name>}, which Helm holds to 53
     * characters. {@code default} is Istio's unrevisioned control plane ({@code istiod}), the one a
     * stack with {@code version} alone runs. Required, unique.
     */
    @Import(name = "name", required = true)
    private String name;

    /** The Istio release of this revision's istiod charts, e.g. {@code 1.30.3}. Required. */
    @Import(name = "version", required = true)
    private String version;

    private RevisionArgs() {
    }

    public static RevisionArgs of(@Nullable String name, @Nullable String version) {
        var revision = new RevisionArgs();
        revision.name = name;
        revision.version = version;
        return revision;
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable String version() {
        return version;
    }
}
