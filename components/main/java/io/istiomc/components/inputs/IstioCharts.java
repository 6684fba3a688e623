package io.istiomc.components.inputs;

import java.util.Objects;

/**
 * Which Istio Helm charts to install: the same version of {@code base}, {@code istiod} and
 * {@code gateway} in every cluster, since a remote's proxies talk to the primary's istiod.
 *
 * @param version    the chart version, e.g. {@code 1.30.3}
 * @param repository the Helm repository URL, e.g. {@code https://istio-release.storage.googleapis.com/charts},
 *                   or an OCI registry path, e.g. {@code oci://gcr.io/istio-release/charts}
 */
public record IstioCharts(String version, String repository) {
    /** Istio's official chart repository. */
    public static final String OFFICIAL_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";

    public IstioCharts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(repository, "repository");
    }

    /** Whether the charts live in an OCI registry, where Helm takes {@code oci://.../<chart>} as the chart. */
    public boolean isOci() {
        return repository.startsWith("oci://");
    }
}
