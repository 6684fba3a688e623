package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A certificate signing request (token {@code tls:index/certRequest:CertRequest}). */
@ResourceType(type = CertRequest.TYPE)
public class CertRequest extends CustomResource {
    public static final String TYPE = "tls:index/certRequest:CertRequest";

    @Export(name = "certRequestPem", refs = {String.class}, tree = "[0]")
    private Output<String> certRequestPem;

    public CertRequest(String name, CertRequestArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, Utilities.withVersion(options));
    }

    /** The request in PEM (RFC 1421). */
    public Output<String> certRequestPem() {
        return certRequestPem;
    }
}
