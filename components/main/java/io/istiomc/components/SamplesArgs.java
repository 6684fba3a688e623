package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * The helloworld and sleep check of a {@link Mesh} (schema type {@code Samples}): helloworld v1 in
 * the first primary, v2 in every other cluster, sleep everywhere.
 */
public final class SamplesArgs {
    /** Whether to deploy the samples. Default: false. */
    @Import(name = "enabled")
    private @Nullable Boolean enabled;

    /** Their namespace, a DNS-1123 label that is not a system namespace. Default: {@code sample}. */
    @Import(name = "namespace")
    private @Nullable String namespace;

    private SamplesArgs() {
    }

    /**
     * The samples, {@code enabled} or not, in {@code namespace} (null: the default). Two values, so no
     * builder.
     */
    public static SamplesArgs of(boolean enabled, @Nullable String namespace) {
        var samples = new SamplesArgs();
        samples.enabled = enabled;
        samples.namespace = namespace;
        return samples;
    }

    /** No samples. */
    public static SamplesArgs defaults() {
        return of(false, null);
    }

    public boolean enabled() {
        return Boolean.TRUE.equals(enabled);
    }

    public String namespace() {
        return namespace == null ? SampleAppsArgs.DEFAULT_NAMESPACE : namespace;
    }
}
