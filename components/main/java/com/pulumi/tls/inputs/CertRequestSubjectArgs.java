package com.pulumi.tls.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/** The distinguished name of a {@link com.pulumi.tls.CertRequest}; only the fields the mesh sets. */
public final class CertRequestSubjectArgs extends ResourceArgs {
    @Import(name = "commonName")
    private @Nullable Output<String> commonName;

    @Import(name = "organization")
    private @Nullable Output<String> organization;

    @Import(name = "locality")
    private @Nullable Output<String> locality;

    private CertRequestSubjectArgs() {
    }

    public static CertRequestSubjectArgs of(String commonName, String organization, String locality) {
        var subject = new CertRequestSubjectArgs();
        subject.commonName = Output.of(commonName);
        subject.organization = Output.of(organization);
        subject.locality = Output.of(locality);
        return subject;
    }
}
