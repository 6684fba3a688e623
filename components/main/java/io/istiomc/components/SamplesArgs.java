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

    public static Builder builder() {
        return new Builder();
    }

    /** No samples. */
    public static SamplesArgs defaults() {
        return builder().build();
    }

    public boolean enabled() {
        return Boolean.TRUE.equals(enabled);
    }

    public String namespace() {
        return namespace == null ? SampleAppsArgs.DEFAULT_NAMESPACE : namespace;
    }

    public static final class Builder {
        private final SamplesArgs samples = new SamplesArgs();

        public Builder enabled(boolean enabled) {
            samples.enabled = enabled;
            return this;
        }

        public Builder namespace(@Nullable String namespace) {
            samples.namespace = namespace;
            return this;
        }

        public SamplesArgs build() {
            return samples;
        }
    }
}
