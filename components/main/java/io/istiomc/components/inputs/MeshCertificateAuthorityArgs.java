package io.istiomc.components.inputs;

import io.istiomc.components.Dns1123;

import java.util.List;

/** Arguments of {@link io.istiomc.components.MeshCertificateAuthority}. */
public final class MeshCertificateAuthorityArgs {
    private final List<String> clusterNames;
    private final int rootValidityDays;
    private final int intermediateValidityDays;
    private final int rsaBits;
    private final boolean protectRootKey;

    private MeshCertificateAuthorityArgs(Builder b) {
        this.clusterNames = List.copyOf(b.clusterNames);
        this.rootValidityDays = b.rootValidityDays;
        this.intermediateValidityDays = b.intermediateValidityDays;
        this.rsaBits = b.rsaBits;
        this.protectRootKey = b.protectRootKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The clusters that get an intermediate CA, one each, named after the cluster. Required, not empty. */
    public List<String> clusterNames() {
        return clusterNames;
    }

    /** How long the root certificate is valid. Default: 3650 days (Istio's tools/certs). */
    public int rootValidityDays() {
        return rootValidityDays;
    }

    /** How long each intermediate is valid; at most the root's. Default: 730 days (Istio's tools/certs). */
    public int intermediateValidityDays() {
        return intermediateValidityDays;
    }

    /** RSA key size of the root and the intermediates: 2048, 3072 or 4096. Default: 4096. */
    public int rsaBits() {
        return rsaBits;
    }

    /**
     * Whether {@code pulumi destroy} must refuse to delete the root key (Pulumi's {@code protect}).
     * Every workload certificate in the mesh chains to it. Default: false.
     */
    public boolean protectRootKey() {
        return protectRootKey;
    }

    public static final class Builder {
        public static final List<Integer> RSA_SIZES = List.of(2048, 3072, 4096);

        private List<String> clusterNames = List.of();
        private int rootValidityDays = 3650;
        private int intermediateValidityDays = 730;
        private int rsaBits = 4096;
        private boolean protectRootKey;

        public Builder clusterNames(List<String> clusterNames) {
            this.clusterNames = List.copyOf(clusterNames);
            return this;
        }

        public Builder rootValidityDays(int days) {
            this.rootValidityDays = days;
            return this;
        }

        public Builder intermediateValidityDays(int days) {
            this.intermediateValidityDays = days;
            return this;
        }

        public Builder rsaBits(int rsaBits) {
            this.rsaBits = rsaBits;
            return this;
        }

        public Builder protectRootKey(boolean protectRootKey) {
            this.protectRootKey = protectRootKey;
            return this;
        }

        public MeshCertificateAuthorityArgs build() {
            if (clusterNames.isEmpty()) {
                throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'clusterNames' must name at least one cluster");
            }
            clusterNames.forEach(n -> Dns1123.requireLabel("MeshCertificateAuthorityArgs", "clusterNames", n));
            if (clusterNames.stream().distinct().count() != clusterNames.size()) {
                throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'clusterNames' must not repeat a name (got "
                        + clusterNames + ")");
            }
            if (!RSA_SIZES.contains(rsaBits)) {
                throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'rsaBits' must be one of " + RSA_SIZES
                        + " (got " + rsaBits + ")");
            }
            if (rootValidityDays < 1 || intermediateValidityDays < 1) {
                throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'rootValidityDays' and"
                        + " 'intermediateValidityDays' must be at least 1");
            }
            if (intermediateValidityDays > rootValidityDays) {
                throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'intermediateValidityDays' ("
                        + intermediateValidityDays + ") must not exceed 'rootValidityDays' (" + rootValidityDays
                        + "): an intermediate cannot outlive its root");
            }
            return new MeshCertificateAuthorityArgs(this);
        }
    }
}
