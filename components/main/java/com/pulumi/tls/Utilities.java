package com.pulumi.tls;

import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** Shared plumbing of the binding: the pinned plugin version, as the generated SDKs keep it. */
public final class Utilities {
    /** The pulumi-tls provider plugin these bindings were written against (property names checked against it). */
    public static final String PLUGIN_VERSION = "5.6.1";

    private Utilities() {
    }

    public static String getVersion() {
        return PLUGIN_VERSION;
    }

    /** Pins the plugin version, keeping every option the caller set (theirs win). */
    static CustomResourceOptions withVersion(@Nullable CustomResourceOptions options, String... secretOutputs) {
        var defaults = CustomResourceOptions.builder()
                .version(PLUGIN_VERSION)
                .additionalSecretOutputs(secretOutputs)
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }
}
