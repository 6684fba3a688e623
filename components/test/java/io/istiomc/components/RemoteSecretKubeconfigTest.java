package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remote secret's kubeconfig, in istioctl create-remote-secret's shape. */
class RemoteSecretKubeconfigTest {
    private static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";

    @Test
    @DisplayName("the kubeconfig names cluster, context and user after the remote and matches the golden file")
    void matchesGolden() throws Exception {
        // GIVEN a token with characters that would break a hand-written YAML heredoc
        var token = "eyJhbGciOiJSUzI1NiJ9.payload: with #yaml: specials";
        // WHEN the kubeconfig is built
        var yaml = RemoteSecretKubeconfig.build("west", "https://api.west.example:6443", CA, token, Optional.empty());
        // THEN it is the golden document, token quoted
        try (var golden = getClass().getResourceAsStream("/golden/remote-secret-kubeconfig.yaml")) {
            assertEquals(new String(golden.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), yaml);
        }
    }

    @Test
    @DisplayName("a TLS server name is written when the server's certificate does not name the URL's host")
    void tlsServerName() {
        var yaml = RemoteSecretKubeconfig.build("west", "https://10.0.0.1:6443", CA, "t", Optional.of("kubernetes.default.svc"));
        assertTrue(yaml.contains("    tls-server-name: kubernetes.default.svc\n"), yaml);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "West_1 | https://a.example | " + CA + " | t | RemoteSecretKubeconfig: 'clusterName' must be a DNS-1123 label (got 'West_1'); use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
            "west | http://a.example | " + CA + " | t | RemoteSecretKubeconfig: 'server' must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got 'http://a.example')",
            "west | https:// | " + CA + " | t | RemoteSecretKubeconfig: 'server' must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got 'https://')",
            "west | https:///path | " + CA + " | t | RemoteSecretKubeconfig: 'server' must be an https:// URL with a host, e.g. https://203.0.113.20:6443 (got 'https:///path')",
            "west | https://a.example | " + CA + " | ' ' | RemoteSecretKubeconfig: the token of cluster 'west' is empty; the reader token Secret has not been filled",
            "west | https://a.example | ' ' | t | RemoteSecretKubeconfig: 'caData' of cluster 'west' is empty",
            "west | https://a.example | not*base64 | t | RemoteSecretKubeconfig: 'caData' of cluster 'west' is not base64",
    })
    @DisplayName("what clientcmd would reject is refused before anything is written")
    void rejectsBrokenInput(String cluster, String server, String ca, String token, String message) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RemoteSecretKubeconfig.build(cluster, server, ca, token, Optional.empty()));
        assertEquals(message, e.getMessage());
    }

    @Test
    @DisplayName("loopback servers are recognised, so the program can warn that another cluster cannot reach them")
    void loopback() {
        assertTrue(RemoteSecretKubeconfig.isLoopback("https://127.0.0.1:6443"));
        assertTrue(RemoteSecretKubeconfig.isLoopback("https://localhost:6443"));
        assertFalse(RemoteSecretKubeconfig.isLoopback("https://api.west.example:6443"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kubernetes.default.svc", "api.cluster2.example", "kubernetes", "a-1.b-2.example",
            "api.203.0.113.20.nip.io"})
    @DisplayName("a TLS server name is a host name")
    void tlsServerNames(String name) {
        assertEquals(List.of(), RemoteSecretKubeconfig.checkTlsServerName(name));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"203.0.113.20", "2001:db8::1", "https://api.example:6443", "api.example:6443", "API.example",
            "api_1.example", "api..example", "-api.example", "api.example.", ""})
    @DisplayName("an IP address, a URL, a host with a port, upper case or an empty label is not a TLS server name")
    void notTlsServerNames(String name) {
        assertEquals(List.of(new Problem("tlsServerName", "must be a DNS name (an RFC 1123 subdomain: lowercase letters,"
                        + " digits, '-' and '.'), not an IP address or a URL (got '" + name + "'); set the name the API"
                        + " server's certificate is issued for, e.g. api.cluster2.example")),
                RemoteSecretKubeconfig.checkTlsServerName(name));
    }

    @Test
    @DisplayName("the builder refuses a TLS server name that breaks the rule, with the rule's message")
    void buildRefusesBadTlsServerName() {
        var e = assertThrows(IllegalArgumentException.class, () -> RemoteSecretKubeconfig.build("west",
                "https://10.0.0.1:6443", CA, "t", Optional.of("10.0.0.1")));
        assertEquals("RemoteSecretKubeconfig: 'tlsServerName' "
                + RemoteSecretKubeconfig.checkTlsServerName("10.0.0.1").get(0).message(), e.getMessage());
    }
}
