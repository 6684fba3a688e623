package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.tls.inputs.SelfSignedCertSubjectArgs;

import javax.annotation.Nullable;
import java.util.List;

/** Inputs of {@link SelfSignedCert}. */
public final class SelfSignedCertArgs extends ResourceArgs {
    @Import(name = "privateKeyPem")
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private @Nullable Output<SelfSignedCertSubjectArgs> subject;

    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    /** Key usages in the provider's spelling ({@code cert_signing}, {@code crl_signing}, ...). */
    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    @Import(name = "isCaCertificate")
    private @Nullable Output<Boolean> isCaCertificate;

    @Import(name = "maxPathLength")
    private @Nullable Output<Integer> maxPathLength;

    @Import(name = "setSubjectKeyId")
    private @Nullable Output<Boolean> setSubjectKeyId;

    private SelfSignedCertArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SelfSignedCertArgs $ = new SelfSignedCertArgs();

        public Builder privateKeyPem(Output<String> privateKeyPem) {
            $.privateKeyPem = privateKeyPem;
            return this;
        }

        public Builder subject(SelfSignedCertSubjectArgs subject) {
            $.subject = Output.of(subject);
            return this;
        }

        public Builder validityPeriodHours(int hours) {
            $.validityPeriodHours = Output.of(hours);
            return this;
        }

        public Builder allowedUses(List<String> allowedUses) {
            $.allowedUses = Output.of(List.copyOf(allowedUses));
            return this;
        }

        public Builder isCaCertificate(boolean isCa) {
            $.isCaCertificate = Output.of(isCa);
            return this;
        }

        public Builder maxPathLength(int maxPathLength) {
            $.maxPathLength = Output.of(maxPathLength);
            return this;
        }

        public Builder setSubjectKeyId(boolean set) {
            $.setSubjectKeyId = Output.of(set);
            return this;
        }

        public SelfSignedCertArgs build() {
            if ($.privateKeyPem == null) {
                throw new MissingRequiredPropertyException("SelfSignedCertArgs", "privateKeyPem");
            }
            if ($.validityPeriodHours == null) {
                throw new MissingRequiredPropertyException("SelfSignedCertArgs", "validityPeriodHours");
            }
            if ($.allowedUses == null) {
                throw new MissingRequiredPropertyException("SelfSignedCertArgs", "allowedUses");
            }
            return $;
        }
    }
}
