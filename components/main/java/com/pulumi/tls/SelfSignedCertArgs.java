package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.tls.inputs.SelfSignedCertSubjectArgs;

import javax.annotation.Nullable;

/** Inputs of {@link SelfSignedCert}: its key and subject, and those of every certificate ({@link CertificateArgs}). */
public final class SelfSignedCertArgs extends CertificateArgs {
    @Import(name = "privateKeyPem")
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private @Nullable Output<SelfSignedCertSubjectArgs> subject;

    private SelfSignedCertArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends CertificateArgs.Builder<Builder, SelfSignedCertArgs> {
        private Builder() {
            super(new SelfSignedCertArgs());
        }

        public Builder privateKeyPem(Output<String> privateKeyPem) {
            $.privateKeyPem = privateKeyPem;
            return this;
        }

        public Builder subject(SelfSignedCertSubjectArgs subject) {
            $.subject = Output.of(subject);
            return this;
        }

        public SelfSignedCertArgs build() {
            require($.privateKeyPem, "SelfSignedCertArgs", "privateKeyPem");
            return checked("SelfSignedCertArgs");
        }
    }
}
