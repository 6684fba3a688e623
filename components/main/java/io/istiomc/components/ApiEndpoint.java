package io.istiomc.components;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the primaries reach a watched cluster's API server, as its remote secret's kubeconfig says
 * it: istioctl's {@code --server} override and {@code --tls-server-name}, kept together.
 *
 * @param server        the https URL reachable from the primaries' istiod (often not the URL in
 *                      the operator's kubeconfig: a private endpoint, another DNS name)
 * @param tlsServerName the name to verify the server certificate against when the URL's host is not
 *                      in it (e.g. a load balancer in front of the API server); empty: the URL's host
 */
public record ApiEndpoint(String server, Optional<String> tlsServerName) {
    public ApiEndpoint {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tlsServerName, "tlsServerName");
    }

    public static ApiEndpoint of(String server) {
        return new ApiEndpoint(server, Optional.empty());
    }
}
