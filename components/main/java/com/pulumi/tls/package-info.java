/**
 * A thin, typed binding of the pulumi-tls provider (plugin version {@value com.pulumi.tls.Utilities#PLUGIN_VERSION}).
 *
 * <p>No Java SDK of pulumi-tls is served from Maven Central here, so this package carries the four
 * resources the mesh needs under the official SDK's package and class names, type tokens and property
 * names. Swapping in a published {@code com.pulumi:tls} artifact later means deleting this package;
 * callers do not change (the two certificates declare their shared inputs and outputs once, in
 * {@link com.pulumi.tls.CertificateArgs} and {@link com.pulumi.tls.Certificate}, where the official SDK
 * repeats them; no caller names either). The {@code plugin.json} resource beside it tells the Pulumi CLI which
 * provider plugin to install.
 */
package com.pulumi.tls;
