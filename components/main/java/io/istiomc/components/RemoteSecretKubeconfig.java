package io.istiomc.components;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubeconfig istiod uses to read a remote cluster, in the shape of istioctl's
 * {@code create-remote-secret}: cluster, context and user all named after the remote, the API
 * server URL the primary can reach, the remote's CA, and the reader's bearer token. It replaces the
 * guide's {@code n2-k8s-config} heredoc; built as a document, never by pasting strings, so a token
 * or URL can never break its YAML.
 */
public final class RemoteSecretKubeconfig {
    private RemoteSecretKubeconfig() {
    }

    /**
     * Builds and validates the kubeconfig.
     *
     * @param clusterName   the remote's Istio cluster name
     * @param server        the API server URL (https)
     * @param caData        the API server CA, base64-encoded PEM ({@code certificate-authority-data})
     * @param token         the reader ServiceAccount's bearer token
     * @param tlsServerName the name to verify the server certificate against, when the URL's host is
     *                      not in it (e.g. a load balancer in front of the API server)
     * @return the kubeconfig YAML
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String build(String clusterName, String server, String caData, String token,
                               Optional<String> tlsServerName) {
        validate(clusterName, server, caData, token);
        tlsServerName.ifPresent(name -> Problem.requireNone("RemoteSecretKubeconfig", checkTlsServerName(name)));
        var cluster = new LinkedHashMap<String, Object>();
        cluster.put("certificate-authority-data", caData);
        cluster.put("server", server);
        tlsServerName.ifPresent(name -> cluster.put("tls-server-name", name));

        var config = new LinkedHashMap<String, Object>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(named(clusterName, "cluster", cluster)));
        config.put("contexts", List.of(named(clusterName, "context", named(null, "cluster", clusterName, "user", clusterName))));
        config.put("current-context", clusterName);
        config.put("preferences", Map.of());
        config.put("users", List.of(named(clusterName, "user", Map.of("token", token))));
        return Yaml.write(config);
    }

    /** An entry in kubectl's order: {@code name} first (when given), then the fields. */
    private static Map<String, Object> named(String name, Object... fields) {
        var entry = new LinkedHashMap<String, Object>();
        if (name != null) {
            entry.put("name", name);
        }
        for (int i = 0; i < fields.length; i += 2) {
            entry.put((String) fields[i], fields[i + 1]);
        }
        return entry;
    }

    /** What clientcmd would reject, checked before anything is written. */
    static void validate(String clusterName, String server, String caData, String token) {
        Dns1123.requireLabel("RemoteSecretKubeconfig", "clusterName", clusterName);
        Problem.requireNone("RemoteSecretKubeconfig", checkServer(server));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("RemoteSecretKubeconfig: the token of cluster '" + clusterName
                    + "' is empty; the reader token Secret has not been filled");
        }
        if (caData == null || caData.isBlank()) {
            throw new IllegalArgumentException("RemoteSecretKubeconfig: 'caData' of cluster '" + clusterName + "' is empty");
        }
        try {
            Base64.getDecoder().decode(caData);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RemoteSecretKubeconfig: 'caData' of cluster '" + clusterName
                    + "' is not base64", e);
        }
    }

    /**
     * The rule for {@code server}: istiod speaks TLS to the API server, so an https URL, and one with a
     * host to dial on a valid port. It carries no credentials: the URL is shown in plans and stored in
     * the remote secret's kubeconfig beside the reader token, which is what authenticates; a rejected
     * URL is quoted without its credential parts.
     */
    public static List<Problem> checkServer(String server) {
        boolean httpsWithHost = false;
        var shown = Urls.withoutCredentials(server);
        try {
            // Parsed without the user info: a password may hold '/', '?' or '#' (see Urls).
            var uri = new URI(shown);
            httpsWithHost = "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            // not a URL at all: the same problem
        }
        if (!httpsWithHost) {
            return List.of(new Problem("server", "must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got '"
                    + shown + "')"));
        }
        if (Urls.hasCredentials(server)) {
            return List.of(new Problem("server", "must not carry credentials (user info or a query string; got '" + shown
                    + "'): the primary reaches this API server with the reader token the program creates; the"
                    + " deployment's own credentials belong in the kubeconfig"));
        }
        if (!Urls.hasValidPort(server)) {
            return List.of(new Problem("server", "must have a port from 1 to 65535 (got '" + shown + "')"));
        }
        return List.of();
    }

    /**
     * The rule for {@code tlsServerName}: a host name (DNS-1123 subdomain), since clients verify the
     * server certificate against it and send it as SNI; an IP address or a URL is neither.
     */
    public static List<Problem> checkTlsServerName(String tlsServerName) {
        if (Dns1123.isHostName(tlsServerName)) {
            return List.of();
        }
        return List.of(new Problem("tlsServerName", "must be a DNS name (an RFC 1123 subdomain: lowercase letters, digits,"
                + " '-' and '.'), not an IP address or a URL (got '" + tlsServerName + "'); set the name the API server's"
                + " certificate is issued for, e.g. api.cluster2.example"));
    }

    /** True for a server on this machine: istiod in another cluster could never reach it. */
    public static boolean isLoopback(String server) {
        try {
            var host = new URI(server).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
