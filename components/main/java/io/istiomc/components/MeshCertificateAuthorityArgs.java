package io.istiomc.components;


import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Arguments of {@link io.istiomc.components.MeshCertificateAuthority}. */
public final class MeshCertificateAuthorityArgs {
    /** Key sizes of the root and the intermediates. */
    public static final List<Integer> RSA_SIZES = List.of(2048, 3072, 4096);
    /** The longest validity accepted, a century: a typo of a few digits is caught, any real lifetime passes. */
    public static final int MAX_VALIDITY_DAYS = 36500;
    /** Istio's tools/certs: a root for ten years, intermediates for two, 4096-bit keys. */
    public static final int DEFAULT_ROOT_VALIDITY_DAYS = 3650;
    public static final int DEFAULT_INTERMEDIATE_VALIDITY_DAYS = 730;
    public static final int DEFAULT_RSA_BITS = 4096;
    /** Cluster names whose children would collide with the root's ({@code <ca>-<cluster>-key}). */
    private static final Set<String> RESERVED_CLUSTER_NAMES = Set.of("root");

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

    /**
     * The CA's limits: key sizes the tls provider issues and Istio accepts, validity of at least a day
     * and at most a century, and no intermediate outliving the root that signs it.
     *
     * @return problems about {@code rootValidityDays}, {@code intermediateValidityDays} and {@code rsaBits}, in that order
     */
    public static List<Problem> check(int rootValidityDays, int intermediateValidityDays, int rsaBits) {
        var problems = new ArrayList<Problem>();
        var rootValid = rootValidityDays >= 1 && rootValidityDays <= MAX_VALIDITY_DAYS;
        if (!rootValid) {
            problems.add(new Problem("rootValidityDays", "must be from 1 to " + MAX_VALIDITY_DAYS + " days (got "
                    + rootValidityDays + ")"));
        }
        if (intermediateValidityDays < 1 || intermediateValidityDays > MAX_VALIDITY_DAYS) {
            problems.add(new Problem("intermediateValidityDays", "must be from 1 to " + MAX_VALIDITY_DAYS + " days (got "
                    + intermediateValidityDays + ")"));
        } else if (rootValid && intermediateValidityDays > rootValidityDays) {
            problems.add(new Problem("intermediateValidityDays", "must not exceed rootValidityDays ("
                    + intermediateValidityDays + " > " + rootValidityDays + "): an intermediate cannot outlive its root"));
        }
        if (!RSA_SIZES.contains(rsaBits)) {
            problems.add(new Problem("rsaBits", "must be 2048, 3072 or 4096 (got " + rsaBits + ")"));
        }
        return problems;
    }

    /**
     * The rules for a cluster's name: a DNS-1123 label (it names the intermediate's children), and
     * not {@code root}, since the intermediate key {@code <ca>-root-key} would take the root key's name.
     *
     * @return problems about {@code clusterNames}
     */
    public static List<Problem> checkClusterName(String clusterName) {
        var label = Dns1123.checkLabel("clusterNames", clusterName);
        if (!label.isEmpty() || !RESERVED_CLUSTER_NAMES.contains(clusterName)) {
            return label;
        }
        return List.of(new Problem("clusterNames", "'" + clusterName + "' is reserved: the CA's root key is named"
                + " '<ca>-root-key', and the intermediate key of a cluster named '" + clusterName + "' would take the"
                + " same name; choose another cluster name"));
    }

    /** The clusters that get an intermediate CA, one each, named after the cluster. Required, not empty. */
    public List<String> clusterNames() {
        return clusterNames;
    }

    /** How long the root certificate is valid, at most {@value #MAX_VALIDITY_DAYS} days. Default: 3650 days (Istio's tools/certs). */
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
        private List<String> clusterNames = List.of();
        private int rootValidityDays = DEFAULT_ROOT_VALIDITY_DAYS;
        private int intermediateValidityDays = DEFAULT_INTERMEDIATE_VALIDITY_DAYS;
        private int rsaBits = DEFAULT_RSA_BITS;
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
            var problems = new ArrayList<Problem>();
            clusterNames.forEach(n -> problems.addAll(checkClusterName(n)));
            if (clusterNames.stream().distinct().count() != clusterNames.size()) {
                problems.add(new Problem("clusterNames", "must not repeat a name (got " + clusterNames + ")"));
            }
            problems.addAll(check(rootValidityDays, intermediateValidityDays, rsaBits));
            Problem.requireNone("MeshCertificateAuthorityArgs", problems);
            return new MeshCertificateAuthorityArgs(this);
        }
    }
}
