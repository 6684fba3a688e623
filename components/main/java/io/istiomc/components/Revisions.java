package io.istiomc.components;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The istiod control planes a mesh runs side by side in every cluster, and the one the {@code default}
 * revision tag points at (Istio's revision-based canary upgrade, istio.io {@code setup/upgrade/canary}).
 * {@code istio.version} alone is one revision named {@value #DEFAULT}: Istio's unrevisioned control plane,
 * whose objects keep the names they have always had ({@code istiod}, the ConfigMap {@code istio}), so a
 * stack that lists no revisions registers exactly what it did before revisions existed.
 *
 * @param all            the revisions, in the order given
 * @param defaultRevision the revision the {@code default} tag points at: where {@code istio-injection=enabled}
 *                       namespaces, the {@code istiod-default-validator} webhook and the east-west gateways go
 */
public record Revisions(List<Revision> all, Revision defaultRevision) {
    /** Istio's name for the unrevisioned control plane, and the name of its default revision tag. */
    public static final String DEFAULT = "default";
    /** Helm holds release names to 53 characters ({@code maxReleaseNameLen}, pkg/chartutil/validate_name.go); ours is {@code istiod-<name>}. */
    public static final int MAX_NAME_LENGTH = 53 - "istiod-".length();

    private static final Pattern ISTIO_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

    public Revisions {
        all = List.copyOf(all);
        Objects.requireNonNull(defaultRevision, "defaultRevision");
    }

    /**
     * One istiod control plane.
     *
     * @param name    the revision's name; {@value #DEFAULT} for the unrevisioned control plane
     * @param version the Istio release of its charts
     */
    public record Revision(String name, String version) {
        public Revision {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        /** Whether this is Istio's unrevisioned control plane (revision {@code ""} in the istiod chart). */
        public boolean unrevisioned() {
            return DEFAULT.equals(name);
        }

        /** The istiod chart's {@code revision} value: empty for the unrevisioned control plane. */
        public String chartRevision() {
            return unrevisioned() ? "" : name;
        }

        /** What the charts append to the names of the revision's objects: {@code ""} or {@code -<name>}. */
        public String suffix() {
            return unrevisioned() ? "" : "-" + name;
        }

        /** The Helm release of the revision's istiod, also the name of its Service and Deployment: {@code istiod[-<name>]}. */
        public String istiodName() {
            return Names.ISTIOD_RELEASE + suffix();
        }

        /** The mesh ConfigMap the revision's istiod reads ({@code istio[-<name>]}, the istiod chart's configmap.yaml). */
        public String meshConfigMap() {
            return Names.MESH_CONFIG_MAP + suffix();
        }
    }

    /** The revisions an {@link IstioArgs} asks for; call once {@link #check} found no problem. */
    public static Revisions of(IstioArgs istio) {
        if (istio.revisions().isEmpty()) {
            var only = new Revision(DEFAULT, istio.version());
            return new Revisions(List.of(only), only);
        }
        var all = istio.revisions().stream().map(r -> new Revision(r.name(), r.version())).toList();
        var defaultName = istio.defaultRevision().orElseThrow();
        return new Revisions(all, all.stream().filter(r -> r.name().equals(defaultName)).findFirst().orElseThrow());
    }

    /** Whether the mesh runs revisions as listed, rather than {@code version} alone. */
    public boolean listed() {
        return all.size() > 1 || !defaultRevision.unrevisioned();
    }

    /**
     * The unrevisioned control plane while a named revision is the default: it still runs (for the
     * workloads it injected) but renders no injection webhook, and nothing new waits for it.
     */
    public Optional<Revision> steppingAside() {
        return defaultRevision.unrevisioned() ? Optional.empty() : all.stream().filter(Revision::unrevisioned).findFirst();
    }

    /** Whether the release of this revision renders injection webhooks: every revision but one stepping aside. */
    public boolean injects(Revision revision) {
        return steppingAside().filter(revision::equals).isEmpty();
    }

    /** The revision of this name, if listed. */
    public Optional<Revision> named(String name) {
        return all.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Every rule of {@code version}, {@code revisions} and {@code defaultRevision}: one of the first two,
     * not both; each revision named once, by a DNS-1123 label short enough for its object and release
     * names, with an Istio version; {@code defaultRevision} naming a listed revision, and only with them.
     *
     * @return problems named by the args' properties, e.g. {@code revisions[1].name}
     */
    public static List<Problem> check(@Nullable String version, List<RevisionArgs> revisions,
                                      @Nullable String defaultRevision, boolean revisionsGiven) {
        var problems = new ArrayList<Problem>();
        if (version != null && revisionsGiven) {
            problems.add(new Problem("revisions", "cannot be set together with 'version': 'version' alone runs one"
                    + " control plane without a revision; to run revisions, remove 'version' and list"
                    + " {name: " + DEFAULT + ", version: " + version + "} among 'revisions' for the control plane it runs now"));
            return problems;
        }
        if (!revisionsGiven) {
            checkVersion(problems, "version", version);
            if (defaultRevision != null) {
                problems.add(new Problem("defaultRevision", "is set without 'revisions'; 'version' alone runs the one"
                        + " control plane without a revision, which the default tag always names; list 'revisions' to choose"));
            }
            return problems;
        }
        if (revisions.isEmpty()) {
            problems.add(new Problem("revisions", "must not be empty; list one or more {name, version}, or set 'version' alone"));
            return problems;
        }
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < revisions.size(); i++) {
            var at = "revisions[" + i + "].";
            var revision = revisions.get(i);
            if (revision == null) {
                problems.add(new Problem("revisions[" + i + "]", "must be a revision {name, version}"));
                continue;
            }
            checkVersion(problems, at + "version", revision.version());
            var name = revision.name();
            if (name == null || name.isEmpty()) {
                problems.add(new Problem(at + "name", name == null ? "is required" : "must not be empty"));
                continue;
            }
            if (!Dns1123.isLabel(name)) {
                problems.addAll(Problem.at(at + "name", Dns1123.checkLabel("name", name)));
            } else if (name.length() > MAX_NAME_LENGTH) {
                problems.add(new Problem(at + "name", "must be at most " + MAX_NAME_LENGTH + " characters (got "
                        + name.length() + "): its istiod's Helm release is 'istiod-" + name + "', and Helm refuses"
                        + " release names over 53 characters"));
            }
            var first = firstIndex.putIfAbsent(name, i);
            if (first != null) {
                problems.add(new Problem(at + "name", "'" + name + "' is already the name of revisions[" + first
                        + "]; give each revision its own name"));
            }
        }
        if (defaultRevision == null || defaultRevision.isEmpty()) {
            problems.add(new Problem("defaultRevision", "is required with 'revisions': name the revision the default tag"
                    + " points at (istio-injection=enabled namespaces), one of " + firstIndex.keySet().stream().sorted().toList()));
        } else if (!firstIndex.isEmpty() && !firstIndex.containsKey(defaultRevision)) {
            problems.add(new Problem("defaultRevision", "'" + defaultRevision + "' is not a listed revision; name one of "
                    + firstIndex.keySet().stream().sorted().toList() + " (a revision the default tag points at cannot be"
                    + " removed in the same step: move 'defaultRevision' first)"));
        }
        return problems;
    }

    /**
     * The rule of one step of an upgrade, from the revisions deployed to the next: the revision the
     * deployed {@code default} tag points at stays listed. Removing it in the same {@code pulumi up}
     * that moves the default would delete the control plane of every workload injected by it before
     * they restart onto the new one (istio.io {@code setup/upgrade/canary}: move the tag, restart,
     * then uninstall the old revision). A program sees only the next config, so this is checked where
     * both are known: {@code plan --compare}, and so every PR preview.
     *
     * @return problems named {@code revisions} (or {@code version} where the next step lists none)
     */
    public static List<Problem> checkStep(Revisions deployed, Revisions next) {
        var deployedDefault = deployed.defaultRevision();
        if (next.named(deployedDefault.name()).isPresent()) {
            return List.of();
        }
        var what = deployedDefault.unrevisioned()
                ? "the unrevisioned control plane (revision '" + DEFAULT + "', Istio " + deployedDefault.version() + ")"
                : "the revision '" + deployedDefault.name() + "'";
        var keep = deployedDefault.unrevisioned()
                ? "list {name: " + DEFAULT + ", version: " + deployedDefault.version() + "} among 'revisions' beside the new"
                        + " revision and move 'defaultRevision' in a later step (Istio's canary upgrade from a non-revisioned install)"
                : "keep it listed while 'defaultRevision' moves to another revision in its own `pulumi up`, restart the"
                        + " workloads, then remove it";
        return List.of(new Problem(next.listed() ? "revisions" : "version", "removes " + what + ", which the default tag"
                + " points at in the deployed stack: its proxies would lose their control plane before they restart onto"
                + " another; " + keep));
    }

    private static void checkVersion(List<Problem> problems, String property, @Nullable String version) {
        if (version == null) {
            problems.add(new Problem(property, "is required"));
        } else if (version.isBlank()) {
            problems.add(new Problem(property, "must not be empty"));
        } else if (!ISTIO_VERSION.matcher(version).matches()) {
            problems.add(new Problem(property, "must be an Istio release version like 1.30.3 (got '" + version + "')"));
        }
    }
}
