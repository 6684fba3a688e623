package io.istiomc.components;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

import static io.istiomc.components.MeshCertificateAuthority.MAX_VALIDITY_DAYS;
import static io.istiomc.components.MeshCertificateAuthority.RESERVED_CLUSTER_NAMES;
import static io.istiomc.components.MeshCertificateAuthority.RSA_SIZES;

/** Arguments of {@link MeshCertificateAuthority}; its limits are that class's constants (args declare only inputs). */
public final class MeshCertificateAuthorityArgs extends ResourceArgs {
    /** The clusters that get an intermediate CA, one each, named after the cluster. Required, not empty. */
    @Import(name = "clusterNames", required = true)
    private List<String> clusterNames;

    /**
     * The CA's settings: validity of the root and the intermediates, key size, protection of the root
     * key (each with its default). Default: {@link CaSettingsArgs#defaults()}.
     */
    @Import(name = "settings")
    private @Nullable CaSettingsArgs settings;

    private MeshCertificateAuthorityArgs() {
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
     * none that a root's key takes: {@code root}, since the intermediate key {@code <ca>-root-key}
     * would be the first root's, and {@code root-<name>} for every other listed root, whose key is
     * {@code <ca>-root-<name>-key}.
     *
     * @param roots the CA's roots ({@link CaSettingsArgs#roots()})
     * @return problems about {@code clusterNames}
     */
    public static List<Problem> checkClusterName(String clusterName, List<String> roots) {
        var label = Dns1123.checkLabel("clusterNames", clusterName);
        if (!label.isEmpty()) {
            return label;
        }
        if (RESERVED_CLUSTER_NAMES.contains(clusterName)) {
            return List.of(new Problem("clusterNames", "'" + clusterName + "' is reserved: the CA's root key is named"
                    + " '<ca>-root-key', and the intermediate key of a cluster named '" + clusterName + "' would take the"
                    + " same name; choose another cluster name"));
        }
        var root = roots.stream().filter(r -> !r.equals(MeshCertificateAuthority.FIRST_ROOT)
                && clusterName.equals(MeshCertificateAuthority.FIRST_ROOT + "-" + r)).findFirst();
        return root.map(r -> List.of(new Problem("clusterNames", "'" + clusterName + "' is taken by the root '" + r
                + "': its key is named '<ca>-root-" + r + "-key', and the intermediate key of a cluster named '" + clusterName
                + "' would take the same name; choose another cluster name or root name"))).orElse(List.of());
    }

    /**
     * The rules for the roots: at least one, each a DNS-1123 label (it names the root's resources)
     * listed once, and a signing root among them, named whenever there is more than one. Without
     * state the rules cannot see the previous step of a rotation; the operations docs give the order.
     *
     * @return problems about {@code roots} and {@code signingRoot}
     */
    public static List<Problem> checkRoots(List<String> roots, java.util.Optional<String> signingRoot) {
        var problems = new ArrayList<Problem>();
        if (roots.isEmpty()) {
            problems.add(new Problem("roots", "must list at least one root (the CA's first root is '"
                    + MeshCertificateAuthority.FIRST_ROOT + "')"));
            return problems;
        }
        roots.forEach(root -> problems.addAll(Dns1123.checkLabel("roots", root)));
        if (roots.stream().distinct().count() != roots.size()) {
            problems.add(new Problem("roots", "must not repeat a name (got " + roots + ")"));
        }
        if (signingRoot.isEmpty() && roots.size() > 1) {
            problems.add(new Problem("signingRoot", "is required when more than one root is listed (got roots " + roots
                    + "): name the root that signs the intermediates, the old one until every workload trusts both"));
        } else if (signingRoot.isPresent() && !roots.contains(signingRoot.get())) {
            problems.add(new Problem("signingRoot", "'" + signingRoot.get() + "' is not one of roots " + roots
                    + ": every cluster must trust the root that signs the intermediates; keep a root in 'roots' until"
                    + " the intermediates are signed by another"));
        }
        return problems;
    }

    public List<String> clusterNames() {
        return clusterNames == null ? List.of() : clusterNames;
    }

    /** The settings, every one at its default unless given. */
    public CaSettingsArgs settings() {
        return settings == null ? CaSettingsArgs.defaults() : settings;
    }

    public int rootValidityDays() {
        return settings().rootValidityDays();
    }

    public int intermediateValidityDays() {
        return settings().intermediateValidityDays();
    }

    public int rsaBits() {
        return settings().rsaBits();
    }

    public boolean protectRootKey() {
        return settings().protectRootKey();
    }

    public int intermediateRenewalDays() {
        return settings().intermediateRenewalDays();
    }

    public List<String> roots() {
        return settings().roots();
    }

    public String signingRoot() {
        return settings().signingRoot();
    }

    /**
     * The CA's settings' rules: its limits ({@link #check(int, int, int)}), where the intermediates'
     * validity is valid the renewal window ({@link #checkRenewal}), and the roots ({@link #checkRoots}).
     *
     * @return problems named by setting
     */
    public static List<Problem> check(CaSettingsArgs settings) {
        var problems = new ArrayList<>(check(settings.rootValidityDays(), settings.intermediateValidityDays(), settings.rsaBits()));
        if (problems.stream().noneMatch(p -> p.property().equals("intermediateValidityDays"))) {
            problems.addAll(checkRenewal(settings.intermediateValidityDays(), settings.intermediateRenewalDays()));
        }
        problems.addAll(checkRoots(settings.roots(), settings.signingRootGiven()));
        return problems;
    }

    /**
     * The rule for the renewal window: none (0), or fewer days than an intermediate is valid, since a
     * window as long as the validity would renew an intermediate at every update.
     *
     * @return problems about {@code intermediateRenewalDays}
     */
    public static List<Problem> checkRenewal(int intermediateValidityDays, int intermediateRenewalDays) {
        if (intermediateRenewalDays < 0 || intermediateRenewalDays >= Math.max(intermediateValidityDays, 1)) {
            return List.of(new Problem("intermediateRenewalDays", "must be from 0 to intermediateValidityDays - 1 (got "
                    + intermediateRenewalDays + " with intermediateValidityDays " + intermediateValidityDays
                    + "): an update within that many days of an intermediate's end renews it"));
        }
        return List.of();
    }

    /**
     * Every rule of the args: at least one cluster, each name once and a valid one, and the CA's limits.
     *
     * @throws IllegalArgumentException naming each property and its rule
     */
    static void validate(MeshCertificateAuthorityArgs args) {
        var names = args.clusterNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("MeshCertificateAuthorityArgs: 'clusterNames' must name at least one cluster");
        }
        var problems = new ArrayList<Problem>();
        names.forEach(n -> problems.addAll(checkClusterName(n, args.roots())));
        if (names.stream().distinct().count() != names.size()) {
            problems.add(new Problem("clusterNames", "must not repeat a name (got " + names + ")"));
        }
        problems.addAll(check(args.settings()));
        Problem.requireNone("MeshCertificateAuthorityArgs", problems);
    }

    public static final class Builder {
        private final MeshCertificateAuthorityArgs args = new MeshCertificateAuthorityArgs();

        public Builder clusterNames(List<String> clusterNames) {
            args.clusterNames = List.copyOf(clusterNames);
            return this;
        }

        /** The CA's settings ({@link CaSettingsArgs#builder()}). Default: every one at its default. */
        public Builder settings(CaSettingsArgs settings) {
            args.settings = settings;
            return this;
        }

        /** The args, checked ({@link #validate}). */
        public MeshCertificateAuthorityArgs build() {
            validate(args);
            return args;
        }
    }
}
