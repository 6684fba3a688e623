package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.tls.inputs.CertRequestSubjectArgs;

import javax.annotation.Nullable;
import java.util.List;

/** Inputs of {@link CertRequest}. */
public final class CertRequestArgs extends ResourceArgs {
    @Import(name = "privateKeyPem")
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private @Nullable Output<CertRequestSubjectArgs> subject;

    @Import(name = "dnsNames")
    private @Nullable Output<List<String>> dnsNames;

    private CertRequestArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final CertRequestArgs $ = new CertRequestArgs();

        public Builder privateKeyPem(Output<String> privateKeyPem) {
            $.privateKeyPem = privateKeyPem;
            return this;
        }

        public Builder subject(CertRequestSubjectArgs subject) {
            $.subject = Output.of(subject);
            return this;
        }

        public Builder dnsNames(List<String> dnsNames) {
            $.dnsNames = Output.of(List.copyOf(dnsNames));
            return this;
        }

        public CertRequestArgs build() {
            if ($.privateKeyPem == null) {
                throw new MissingRequiredPropertyException("CertRequestArgs", "privateKeyPem");
            }
            return $;
        }
    }
}
