package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * The shared certificate authority of a {@link Mesh} (schema type {@code CaSettings}): one root,
 * one intermediate per cluster. Every field is optional; the rules are
 * {@link MeshCertificateAuthorityArgs#check(int, int, int)}.
 */
public final class CaSettingsArgs {
    /** How long the root certificate is valid, in days, 1-36500. Default: 3650. */
    @Import(name = "rootValidityDays")
    private @Nullable Integer rootValidityDays;

    /** How long each intermediate is valid, in days, at most {@code rootValidityDays}. Default: 730. */
    @Import(name = "intermediateValidityDays")
    private @Nullable Integer intermediateValidityDays;

    /** The RSA key size: 2048, 3072 or 4096. Default: 4096. */
    @Import(name = "rsaBits")
    private @Nullable Integer rsaBits;

    /** Whether {@code pulumi destroy} refuses to delete the root key. Default: false. */
    @Import(name = "protectRootKey")
    private @Nullable Boolean protectRootKey;

    /**
     * How many days before an intermediate's end of validity an update renews it (pulumi-tls's
     * {@code earlyRenewalHours} on its LocallySignedCert): a {@code pulumi up} within the window issues a
     * new intermediate from the same root, which {@code cacerts} takes in place. 0: no early renewal,
     * the intermediate's inputs are those of earlier versions. Fewer days than the intermediate is
     * valid. Default: 0.
     */
    @Import(name = "intermediateRenewalDays")
    private @Nullable Integer intermediateRenewalDays;

    private CaSettingsArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every setting at its default. */
    public static CaSettingsArgs defaults() {
        return builder().build();
    }

    public int rootValidityDays() {
        return rootValidityDays == null ? MeshCertificateAuthority.DEFAULT_ROOT_VALIDITY_DAYS : rootValidityDays;
    }

    public int intermediateValidityDays() {
        return intermediateValidityDays == null ? MeshCertificateAuthority.DEFAULT_INTERMEDIATE_VALIDITY_DAYS
                : intermediateValidityDays;
    }

    public int rsaBits() {
        return rsaBits == null ? MeshCertificateAuthority.DEFAULT_RSA_BITS : rsaBits;
    }

    public boolean protectRootKey() {
        return Boolean.TRUE.equals(protectRootKey);
    }

    public int intermediateRenewalDays() {
        return intermediateRenewalDays == null ? 0 : intermediateRenewalDays;
    }

    public static final class Builder {
        private final CaSettingsArgs ca = new CaSettingsArgs();

        public Builder rootValidityDays(int days) {
            ca.rootValidityDays = days;
            return this;
        }

        public Builder intermediateValidityDays(int days) {
            ca.intermediateValidityDays = days;
            return this;
        }

        public Builder rsaBits(int rsaBits) {
            ca.rsaBits = rsaBits;
            return this;
        }

        public Builder protectRootKey(boolean protectRootKey) {
            ca.protectRootKey = protectRootKey;
            return this;
        }

        public Builder intermediateRenewalDays(int days) {
            ca.intermediateRenewalDays = days;
            return this;
        }

        public CaSettingsArgs build() {
            return ca;
        }
    }
}
