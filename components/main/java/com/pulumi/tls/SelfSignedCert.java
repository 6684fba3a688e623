package com.pulumi.tls;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A self-signed certificate (token {@code tls:index/selfSignedCert:SelfSignedCert}). */
@ResourceType(type = SelfSignedCert.TYPE)
public class SelfSignedCert extends Certificate {
    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    public SelfSignedCert(String name, SelfSignedCertArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }
}
