package io.istiomc.components;

import com.pulumi.core.Output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Istio Helm charts to install: the same version of {@code base}, {@code istiod} and
 * {@code gateway} in every cluster, since a remote's proxies talk to the primary's istiod.
 *
 * @param version    the chart version, e.g. {@code 1.30.3}
 * @param repository the Helm repository URL, e.g. {@code https://istio-release.storage.googleapis.com/charts},
 *                   or an OCI registry path, e.g. {@code oci://gcr.io/istio-release/charts}; it carries no
 *                   credentials (it is shown in plans and stored in every release's inputs)
 * @param login      the login of a private repository, passed as each release's {@code repositoryOpts}
 */
public record IstioCharts(String version, String repository, Optional<Login> login) {
    /** Istio's official chart repository. */
    public static final String OFFICIAL_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";

    public IstioCharts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(login, "login");
        Problem.requireNone("IstioCharts", checkRepository(repository));
    }

    /**
     * The rule for {@code repository}: an https:// or oci:// URL with a host, and no credentials in
     * it, since every release's inputs and the plan show it; a rejected URL is quoted without them.
     */
    public static List<Problem> checkRepository(String repository) {
        boolean urlWithHost = false;
        var shown = Urls.withoutCredentials(repository);
        try {
            // Parsed without the user info: a password may hold '/', '?' or '#' (see Urls).
            var uri = new URI(shown);
            urlWithHost = List.of("https", "oci").contains(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            // not a URL at all: the same problem
        }
        if (!urlWithHost) {
            return List.of(new Problem("repository", "must be an https:// or oci:// URL of a Helm repository (got '" + shown + "')"));
        }
        if (Urls.hasCredentials(repository)) {
            return List.of(new Problem("repository", "must not carry credentials (user info or a query string; got '" + shown
                    + "'): a private repository's user name and password go in 'chartRepositoryUsername' and, as a"
                    + " secret, 'chartRepositoryPassword'"));
        }
        return List.of();
    }

    /** Charts of a public repository. */
    public IstioCharts(String version, String repository) {
        this(version, repository, Optional.empty());
    }

    /**
     * The login of a private chart repository.
     *
     * @param username the user name
     * @param password the password, kept a Pulumi secret in every release's inputs
     */
    public record Login(String username, Output<String> password) {
        public Login {
            Objects.requireNonNull(username, "username");
            password = Objects.requireNonNull(password, "password").asSecret();
        }
    }

    /** Whether the charts live in an OCI registry, where Helm takes {@code oci://.../<chart>} as the chart. */
    public boolean isOci() {
        return repository.startsWith("oci://");
    }
}
