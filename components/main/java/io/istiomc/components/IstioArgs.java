package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Which Istio a {@link Mesh} installs (schema type {@code Istio}): the chart version and the
 * repository every cluster takes the {@code base}, {@code istiod} and {@code gateway} charts from.
 */
public final class IstioArgs {
    /**
     * The Istio release, e.g. {@code 1.30.3}: the version of every chart, one control plane without a
     * revision. Required unless {@code revisions} is set; not together with it.
     */
    @Import(name = "version")
    private @Nullable String version;

    /**
     * Control planes side by side, instead of {@code version}: each revision's istiod runs in every
     * primary and its remote profile in every remote ({@link Revisions}). A canary upgrade adds one,
     * moves {@code defaultRevision} to it, then removes the old one, each a {@code pulumi up}. The name
     * {@code default} is the control plane {@code version} alone runs. Default: none.
     */
    @Import(name = "revisions")
    private @Nullable List<RevisionArgs> revisions;

    /**
     * The revision the {@code default} tag points at: {@code istio-injection=enabled} namespaces, the
     * default validating webhook and the east-west gateways use it. Required with {@code revisions}, one
     * of their names; not without them.
     */
    @Import(name = "defaultRevision")
    private @Nullable String defaultRevision;

    /**
     * The Helm repository: an https:// URL or an oci:// registry path, without credentials (plans and
     * every release's inputs show it). Default: Istio's official repository.
     */
    @Import(name = "chartRepository")
    private @Nullable String chartRepository;

    /** The user name of a private repository; requires {@code chartRepositoryPassword}. Default: none. */
    @Import(name = "chartRepositoryUsername")
    private @Nullable String chartRepositoryUsername;

    /** The password of a private repository, kept a secret; requires {@code chartRepositoryUsername}. Default: none. */
    @Import(name = "chartRepositoryPassword")
    private @Nullable Output<Output<String>> chartRepositoryPassword;

    /**
     * Helm values and the typed production settings for every cluster's releases; a cluster's own
     * merge over them. Default: none.
     */
    @Import(name = "releaseSettings")
    private @Nullable ReleaseSettingsArgs releaseSettings;

    private IstioArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The args of charts a Java program holds. */
    static IstioArgs of(IstioCharts charts) {
        var istio = builder().version(charts.version()).chartRepository(charts.repository());
        charts.login().ifPresent(login -> istio.chartRepositoryUsername(login.username()).chartRepositoryPassword(login.password()));
        return istio.build();
    }

    /** The Istio release of {@code version}: null where {@code revisions} are listed instead. */
    public @Nullable String version() {
        return version;
    }

    /** The revisions as listed; empty when none are. */
    public List<RevisionArgs> revisions() {
        return revisions == null ? List.of() : revisions;
    }

    /** Whether {@code revisions} was given at all (an empty list is refused). */
    boolean revisionsGiven() {
        return revisions != null;
    }

    public Optional<String> defaultRevision() {
        return Optional.ofNullable(defaultRevision);
    }

    /** Every rule of {@code version}, {@code revisions} and {@code defaultRevision} ({@link Revisions#check}). */
    List<Problem> checkRevisions() {
        return Revisions.check(version, revisions(), defaultRevision, revisionsGiven());
    }

    /** The Helm repository, Istio's official one by default. */
    public String chartRepository() {
        return chartRepository == null ? IstioCharts.OFFICIAL_REPOSITORY : chartRepository;
    }

    public Optional<String> chartRepositoryUsername() {
        return Optional.ofNullable(chartRepositoryUsername);
    }

    /** The repository's password, a secret. */
    public Optional<Output<String>> chartRepositoryPassword() {
        return Optional.ofNullable(chartRepositoryPassword).map(p -> Relayed.flat(p).asSecret());
    }

    /** The charts as the cluster components install them; call once {@link Mesh#check} found no problem. */
    IstioCharts charts() {
        var login = chartRepositoryUsername().flatMap(user -> chartRepositoryPassword()
                .map(password -> new IstioCharts.Login(user, password)));
        // The base and gateway charts follow the default revision; each istiod release takes its revision's version.
        return new IstioCharts(Revisions.of(this).defaultRevision().version(), chartRepository(), login);
    }

    /** The Helm values and typed settings for every cluster, checked by {@link ReleaseSettingsArgs#check()}. */
    public ReleaseSettingsArgs releaseSettings() {
        return releaseSettings == null ? ReleaseSettingsArgs.none() : releaseSettings;
    }

    public static final class Builder {
        private final IstioArgs istio = new IstioArgs();

        public Builder version(String version) {
            istio.version = version;
            return this;
        }

        /** Control planes side by side instead of {@link #version}. */
        public Builder revisions(@Nullable List<RevisionArgs> revisions) {
            istio.revisions = revisions == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(revisions));
            return this;
        }

        /** The revision the {@code default} tag points at, one of {@link #revisions}. */
        public Builder defaultRevision(@Nullable String defaultRevision) {
            istio.defaultRevision = defaultRevision;
            return this;
        }

        public Builder chartRepository(@Nullable String chartRepository) {
            istio.chartRepository = chartRepository;
            return this;
        }

        public Builder chartRepositoryUsername(@Nullable String username) {
            istio.chartRepositoryUsername = username;
            return this;
        }

        public Builder chartRepositoryPassword(@Nullable Output<String> password) {
            istio.chartRepositoryPassword = password == null ? null : Relayed.wrap(password.asSecret());
            return this;
        }

        public Builder chartRepositoryPassword(String password) {
            return chartRepositoryPassword(Output.ofSecret(password));
        }

        public Builder releaseSettings(@Nullable ReleaseSettingsArgs releaseSettings) {
            istio.releaseSettings = releaseSettings;
            return this;
        }

        /** The charts as given; {@link Mesh#check} checks them, the required version too. */
        public IstioArgs build() {
            return istio;
        }
    }
}
