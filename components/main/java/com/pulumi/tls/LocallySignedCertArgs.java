package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;

/** Inputs of {@link LocallySignedCert}. */
public final class LocallySignedCertArgs extends ResourceArgs {
    @Import(name = "certRequestPem", required = true)
    private Output<String> certRequestPem;

    @Import(name = "caPrivateKeyPem")
    private Output<String> caPrivateKeyPem;

    @Import(name = "caCertPem", required = true)
    private Output<String> caCertPem;

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

    /**
     * Hours before its end of validity from which the provider takes the certificate as expired, so
     * that an update in that window issues a new one (the old stays valid until its own end).
     */
    @Import(name = "earlyRenewalHours")
    private @Nullable Output<Integer> earlyRenewalHours;

    private LocallySignedCertArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final LocallySignedCertArgs $ = new LocallySignedCertArgs();

        public Builder certRequestPem(Output<String> certRequestPem) {
            $.certRequestPem = certRequestPem;
            return this;
        }

        public Builder caPrivateKeyPem(Output<String> caPrivateKeyPem) {
            $.caPrivateKeyPem = caPrivateKeyPem;
            return this;
        }

        public Builder caCertPem(Output<String> caCertPem) {
            $.caCertPem = caCertPem;
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

        public Builder earlyRenewalHours(int hours) {
            $.earlyRenewalHours = Output.of(hours);
            return this;
        }

        public LocallySignedCertArgs build() {
            if ($.certRequestPem == null) {
                throw new MissingRequiredPropertyException("LocallySignedCertArgs", "certRequestPem");
            }
            if ($.caPrivateKeyPem == null) {
                throw new MissingRequiredPropertyException("LocallySignedCertArgs", "caPrivateKeyPem");
            }
            if ($.caCertPem == null) {
                throw new MissingRequiredPropertyException("LocallySignedCertArgs", "caCertPem");
            }
            if ($.validityPeriodHours == null) {
                throw new MissingRequiredPropertyException("LocallySignedCertArgs", "validityPeriodHours");
            }
            if ($.allowedUses == null) {
                throw new MissingRequiredPropertyException("LocallySignedCertArgs", "allowedUses");
            }
            return $;
        }
    }
}
