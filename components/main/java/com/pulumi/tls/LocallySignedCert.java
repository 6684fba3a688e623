package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A certificate signed by a CA held in Pulumi state (token {@code tls:index/locallySignedCert:LocallySignedCert}). */
@ResourceType(type = LocallySignedCert.TYPE)
public class LocallySignedCert extends CustomResource {
    public static final String TYPE = "tls:index/locallySignedCert:LocallySignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    @Export(name = "validityEndTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityEndTime;

    public LocallySignedCert(String name, LocallySignedCertArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, Utilities.withVersion(options));
    }

    /** The issued certificate in PEM (RFC 1421). */
    public Output<String> certPem() {
        return certPem;
    }

    /** When the certificate stops being valid (RFC 3339). */
    public Output<String> validityEndTime() {
        return validityEndTime;
    }
}
