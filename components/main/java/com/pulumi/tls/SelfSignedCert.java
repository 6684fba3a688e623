package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A self-signed certificate (token {@code tls:index/selfSignedCert:SelfSignedCert}). */
@ResourceType(type = SelfSignedCert.TYPE)
public class SelfSignedCert extends CustomResource {
    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    @Export(name = "validityEndTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityEndTime;

    public SelfSignedCert(String name, SelfSignedCertArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, Utilities.withVersion(options));
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
