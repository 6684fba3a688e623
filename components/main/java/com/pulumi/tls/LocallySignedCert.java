package com.pulumi.tls;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A certificate signed by a CA held in Pulumi state (token {@code tls:index/locallySignedCert:LocallySignedCert}). */
@ResourceType(type = LocallySignedCert.TYPE)
public class LocallySignedCert extends Certificate {
    public static final String TYPE = "tls:index/locallySignedCert:LocallySignedCert";

    public LocallySignedCert(String name, LocallySignedCertArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }
}
