package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/**
 * The outputs pulumi-tls's two certificates ({@link SelfSignedCert}, {@link LocallySignedCert}) share.
 * pulumi-java 1.36.1 fills the {@code @Export} fields of a resource's class and its superclasses
 * ({@code ExportMetadata.of} reads them through {@code Reflection.allFields}), so they are declared here once.
 */
public abstract class Certificate extends CustomResource {
    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    @Export(name = "validityEndTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityEndTime;

    Certificate(String type, String name, CertificateArgs args, @Nullable CustomResourceOptions options) {
        super(type, name, args, Utilities.withVersion(options));
    }

    /** The certificate in PEM (RFC 1421). */
    public Output<String> certPem() {
        return certPem;
    }

    /** When the certificate stops being valid (RFC 3339). */
    public Output<String> validityEndTime() {
        return validityEndTime;
    }
}
