package io.istiomc.verify;

import io.istiomc.program.Kubeconfigs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeconfigAccessTest {
    private static final String WHAT = "the kubeconfig of context 'c'";

    private static String kubeconfig(String clusterFields, String userFields) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: k
                  cluster:
                    server: https://192.0.2.1:6443
                %s
                contexts:
                - {name: c, context: {cluster: k, user: u}}
                users:
                - name: u
                  user:
                %s
                """.formatted(clusterFields.indent(4).stripTrailing(), userFields.indent(4).stripTrailing());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "insecure-skip-tls-verify: true | token: t | the kubeconfig of context 'c' sets insecure-skip-tls-verify: verify does not trust a server it cannot verify; give certificate-authority-data instead",
            "tls-server-name: api.example | 'auth-provider: {name: gcp}' | the kubeconfig of context 'c' uses an auth-provider, which client-go no longer supports (removed in 1.26); use the provider's exec plugin",
            "tls-server-name: api.example | 'username: admin' | the kubeconfig of context 'c' uses a user name and password; verify authenticates with a token or a client certificate",
            "tls-server-name: api.example | 'client-certificate-data: bm90IGEgY2VydA==' | the kubeconfig of context 'c' has a client certificate but no client-key(-data)",
            "certificate-authority-data: '%%%' | token: t | the kubeconfig of context 'c': certificate-authority-data is not base64",
            "tls-server-name: api.example | 'exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/false}' | the kubeconfig of context 'c': the exec plugin '/bin/false' exited with status 1"})
    @DisplayName("what verify cannot trust or does not support is refused with the field named, never its value")
    void refused(String clusterFields, String userFields, String message) throws Exception {
        var parsed = Kubeconfigs.parse(kubeconfig(clusterFields, userFields), "k");
        var e = assertThrows(KubeconfigAccess.Unusable.class, () -> KubeconfigAccess.connect(parsed, Optional.of("c"), WHAT));
        assertEquals(message, e.getMessage());
    }

    @Test
    @DisplayName("relative certificate-authority and tokenFile names are read from the kubeconfig's folder, as clientcmd reads them")
    void relativePaths(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("ca.crt"), PemTest.resource("server-names.crt"));
        Files.writeString(dir.resolve("token"), "token-from-file\n");
        var file = dir.resolve("kubeconfig");
        Files.writeString(file, kubeconfig("certificate-authority: ca.crt\ntls-server-name: api.cluster2.example", "tokenFile: token"));
        var connection = KubeconfigAccess.connect(Kubeconfigs.readFile(file, "k"), Optional.of("c"), WHAT);
        assertEquals(Optional.of("api.cluster2.example"), connection.endpoint().tlsServerName());
        assertEquals(1, connection.endpoint().ca().orElseThrow().size());
        var token = assertInstanceOf(ApiConnection.Token.class, connection.credential());
        assertEquals("token-from-file", token.value());
        assertEquals("Token[secret]", token.toString());
    }

    @Test
    @DisplayName("a client certificate with its key, and an exec plugin's token, are the credential")
    void clientCertificateAndExec(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("client.crt"), PemTest.resource("server-names.crt"));
        Files.write(dir.resolve("client.key"), PemTest.resource("rsa-pkcs8.key"));
        var file = dir.resolve("kubeconfig");
        Files.writeString(file, kubeconfig("tls-server-name: api.example", "client-certificate: client.crt\nclient-key: client.key"));
        var certificate = KubeconfigAccess.connect(Kubeconfigs.readFile(file, "k"), Optional.of("c"), WHAT).credential();
        assertTrue(assertInstanceOf(ApiConnection.ClientCertificate.class, certificate).toString().contains("CN=api-server"));

        var plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\n[ \"$KUBERNETES_EXEC_INFO\" ] && [ \"$EXTRA\" = yes ] && echo '{\"status\":{\"token\":\"from-plugin\"}}'\n");
        plugin.toFile().setExecutable(true);
        Files.writeString(file, kubeconfig("tls-server-name: api.example", "exec:\n  command: " + plugin
                + "\n  env: [{name: EXTRA, value: 'yes'}]"));
        var exec = KubeconfigAccess.connect(Kubeconfigs.readFile(file, "k"), Optional.of("c"), WHAT).credential();
        assertEquals("from-plugin", assertInstanceOf(ApiConnection.Token.class, exec).value());
    }
}
