package io.istiomc.components.inputs;

import com.pulumi.core.Output;

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
