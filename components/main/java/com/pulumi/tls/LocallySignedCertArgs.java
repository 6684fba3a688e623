package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * Inputs of {@link LocallySignedCert}: its request, the CA that signs it and the renewal window, and
 * those of every certificate ({@link CertificateArgs}).
 */
public final class LocallySignedCertArgs extends CertificateArgs {
    @Import(name = "certRequestPem", required = true)
    private Output<String> certRequestPem;

    @Import(name = "caPrivateKeyPem")
    private Output<String> caPrivateKeyPem;

    @Import(name = "caCertPem", required = true)
    private Output<String> caCertPem;

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

    public static final class Builder extends CertificateArgs.Builder<Builder, LocallySignedCertArgs> {
        private Builder() {
            super(new LocallySignedCertArgs());
        }

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

        public Builder earlyRenewalHours(int hours) {
            $.earlyRenewalHours = Output.of(hours);
            return this;
        }

        public LocallySignedCertArgs build() {
            require($.certRequestPem, "LocallySignedCertArgs", "certRequestPem");
            require($.caPrivateKeyPem, "LocallySignedCertArgs", "caPrivateKeyPem");
            require($.caCertPem, "LocallySignedCertArgs", "caCertPem");
            return checked("LocallySignedCertArgs");
        }
    }
}
