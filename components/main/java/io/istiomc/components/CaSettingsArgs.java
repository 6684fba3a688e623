package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.List;

/**
 * The shared certificate authority of a {@link Mesh} (schema type {@code CaSettings}): one root (or,
 * while the root is rotated, several that every cluster trusts), one intermediate per cluster.
 * Every field is optional; the rules are {@link MeshCertificateAuthorityArgs#check(CaSettingsArgs)}.
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

    /**
     * The roots every cluster trusts, by name, in the order their certificates are concatenated in
     * each cluster's {@code root-cert.pem}. Each name is a DNS-1123 label, listed once; the CA's first
     * root is {@value MeshCertificateAuthority#FIRST_ROOT} (its resources are those of earlier
     * versions), any other root's resources are named after it, so that a root keeps its key and
     * certificate while roots are added and removed around it. Listing a second root is the first step
     * of a root rotation (see the operations docs). Default: [{@value MeshCertificateAuthority#FIRST_ROOT}].
     */
    @Import(name = "roots")
    private @Nullable List<String> roots;

    /**
     * The root that signs every cluster's intermediate: one of {@code roots}. Required when more than
     * one root is listed (switching it is the second step of a root rotation). Default: the only root.
     */
    @Import(name = "signingRoot")
    private @Nullable String signingRoot;

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

    /** The trusted roots' names, in order; [{@value MeshCertificateAuthority#FIRST_ROOT}] unless given. */
    public List<String> roots() {
        return roots == null ? List.of(MeshCertificateAuthority.FIRST_ROOT) : roots;
    }

    /** The signing root as given; empty where it is left to its default (the only root). */
    public java.util.Optional<String> signingRootGiven() {
        return java.util.Optional.ofNullable(signingRoot);
    }

    /**
     * The root that signs the intermediates: the one given, else the first (the only one, in args
     * that {@link MeshCertificateAuthorityArgs#check(CaSettingsArgs)} accepts).
     */
    public String signingRoot() {
        return signingRoot != null ? signingRoot : roots().isEmpty() ? MeshCertificateAuthority.FIRST_ROOT : roots().get(0);
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

        public Builder roots(List<String> roots) {
            ca.roots = List.copyOf(roots);
            return this;
        }

        public Builder signingRoot(String signingRoot) {
            ca.signingRoot = signingRoot;
            return this;
        }

        public CaSettingsArgs build() {
            return ca;
        }
    }
}
