package com.pulumi.tls.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/** The distinguished name of a {@link com.pulumi.tls.SelfSignedCert}; only the fields the mesh sets. */
public final class SelfSignedCertSubjectArgs extends ResourceArgs {
    @Import(name = "commonName")
    private @Nullable Output<String> commonName;

    @Import(name = "organization")
    private @Nullable Output<String> organization;

    private SelfSignedCertSubjectArgs() {
    }

    public static SelfSignedCertSubjectArgs of(String commonName, String organization) {
        var subject = new SelfSignedCertSubjectArgs();
        subject.commonName = Output.of(commonName);
        subject.organization = Output.of(organization);
        return subject;
    }
}
