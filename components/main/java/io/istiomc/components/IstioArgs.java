package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * Which Istio a {@link Mesh} installs (schema type {@code Istio}): the chart version and the
 * repository every cluster takes the {@code base}, {@code istiod} and {@code gateway} charts from.
 */
public final class IstioArgs {
    /** The Istio release, e.g. {@code 1.30.3}: the version of every chart. Required. */
    @Import(name = "version", required = true)
    private String version;

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

    /** The Istio release. */
    public String version() {
        return version;
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
        return new IstioCharts(version, chartRepository(), login);
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
