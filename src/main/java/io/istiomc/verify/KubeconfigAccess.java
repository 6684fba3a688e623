package io.istiomc.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.program.Kubeconfigs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A client for one context of a kubeconfig, with what client-go would use from it: the cluster's
 * {@code server}, {@code certificate-authority(-data)}, {@code tls-server-name}; the user's
 * {@code token}, {@code tokenFile}, {@code client-certificate(-data)} with {@code client-key(-data)},
 * or an {@code exec} credential plugin. Refused, each with a reason: {@code insecure-skip-tls-verify}
 * (a check that trusts any server proves nothing), {@code auth-provider} (removed from client-go in
 * 1.26), user name and password. No message quotes a credential.
 */
final class KubeconfigAccess {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long an exec plugin may take to print its credential (cloud CLIs fetch a token over the network). */
    private static final long EXEC_TIMEOUT_SECONDS = 60;

    /** The kubeconfig cannot be used; the message names the field, never its value. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private KubeconfigAccess() {
    }

    /**
     * A client for {@code context} (empty: the kubeconfig's {@code current-context}).
     *
     * @param what how messages name the kubeconfig, e.g. {@code "the kubeconfig of context 'cluster1'"}
     */
    static ApiConnection connect(Kubeconfigs.Kubeconfig kubeconfig, Optional<String> context, String what) throws Unusable {
        var contextName = context.or(kubeconfig::currentContext)
                .orElseThrow(() -> new Unusable(what + " has no current-context"));
        var contextEntry = kubeconfig.contexts().get(contextName);
        if (contextEntry == null) {
            throw new Unusable(what + " has no context '" + contextName + "'");
        }
        var clusterEntry = kubeconfig.clusters().get(text(contextEntry.get("cluster")).orElse(""));
        if (clusterEntry == null) {
            throw new Unusable(what + ": context '" + contextName + "' names no cluster entry of that kubeconfig");
        }
        var userName = text(contextEntry.get("user"));
        Map<String, Object> userEntry = userName.map(u -> kubeconfig.users().get(u)).orElse(Map.of());
        if (userEntry == null) {
            throw new Unusable(what + ": context '" + contextName + "' names user '" + userName.get()
                    + "', which is not in that kubeconfig");
        }
        try {
            return new ApiConnection(endpoint(clusterEntry, what), credential(userEntry, what));
        } catch (GeneralSecurityException e) {
            // The PEM readers' messages name the field already.
            var message = String.valueOf(e.getMessage());
            throw new Unusable(message.startsWith(what) ? message : what + ": " + message);
        }
    }

    private static ApiConnection.Endpoint endpoint(Map<String, Object> cluster, String what) throws Unusable, GeneralSecurityException {
        var server = text(cluster.get("server")).orElseThrow(() -> new Unusable(what + " has no server"));
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new Unusable(what + ": the server is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new Unusable(what + ": the server is not an https:// URL with a host");
        }
        if (Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify"))) {
            throw new Unusable(what + " sets insecure-skip-tls-verify: verify does not trust a server it cannot verify;"
                    + " give certificate-authority-data instead");
        }
        Optional<List<X509Certificate>> ca = Optional.empty();
        var caData = text(cluster.get("certificate-authority-data"));
        var caFile = text(cluster.get("certificate-authority"));
        if (caData.isPresent()) {
            ca = Optional.of(Pem.certificates(base64(caData.get(), what + ": certificate-authority-data"),
                    what + ": certificate-authority-data"));
        } else if (caFile.isPresent()) {
            ca = Optional.of(Pem.certificates(file(caFile.get(), what + ": certificate-authority"),
                    what + ": certificate-authority"));
        }
        return new ApiConnection.Endpoint(uri, ca, text(cluster.get("tls-server-name")));
    }

    private static ApiConnection.Credential credential(Map<String, Object> user, String what)
            throws Unusable, GeneralSecurityException {
        if (user.get("auth-provider") != null) {
            throw new Unusable(what + " uses an auth-provider, which client-go no longer supports (removed in 1.26);"
                    + " use the provider's exec plugin");
        }
        if (user.get("username") != null || user.get("password") != null) {
            throw new Unusable(what + " uses a user name and password; verify authenticates with a token or a client"
                    + " certificate");
        }
        var token = text(user.get("token"));
        if (token.isPresent()) {
            return new ApiConnection.Token(token.get());
        }
        var tokenFile = text(user.get("tokenFile"));
        if (tokenFile.isPresent()) {
            return new ApiConnection.Token(new String(file(tokenFile.get(), what + ": tokenFile"), StandardCharsets.UTF_8).trim());
        }
        var certificateData = text(user.get("client-certificate-data")).map(d -> base64OrNull(d));
        var certificateFile = text(user.get("client-certificate"));
        var keyData = text(user.get("client-key-data")).map(d -> base64OrNull(d));
        var keyFile = text(user.get("client-key"));
        if (certificateData.isPresent() || certificateFile.isPresent()) {
            var certificate = certificateData.isPresent() ? certificateData.get() : file(certificateFile.get(),
                    what + ": client-certificate");
            if (keyData.isEmpty() && keyFile.isEmpty()) {
                throw new Unusable(what + " has a client certificate but no client-key(-data)");
            }
            var key = keyData.isPresent() ? keyData.get() : file(keyFile.get(), what + ": client-key");
            if (certificate == null || key == null) {
                throw new Unusable(what + ": client-certificate-data or client-key-data is not base64");
            }
            return new ApiConnection.ClientCertificate(Pem.certificates(certificate, what + ": client certificate"),
                    Pem.privateKey(key, what + ": client key"));
        }
        if (user.get("exec") instanceof Map<?, ?> exec) {
            return exec(exec, what);
        }
        return new ApiConnection.Anonymous();
    }

    /**
     * Runs an exec credential plugin as client-go does: its command, args and env, with
     * {@code KUBERNETES_EXEC_INFO} naming the ExecCredential apiVersion; reads the token or client
     * certificate from the ExecCredential it prints. Its standard error goes nowhere: a plugin may
     * print what it was given there.
     */
    private static ApiConnection.Credential exec(Map<?, ?> exec, String what) throws Unusable, GeneralSecurityException {
        var command = text(exec.get("command")).orElseThrow(() -> new Unusable(what + ": exec has no command"));
        var apiVersion = text(exec.get("apiVersion")).orElse("client.authentication.k8s.io/v1");
        var commandLine = new ArrayList<String>();
        commandLine.add(command);
        if (exec.get("args") instanceof List<?> args) {
            args.forEach(a -> commandLine.add(String.valueOf(a)));
        }
        var process = new ProcessBuilder(commandLine).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (exec.get("env") instanceof List<?> env) {
            for (var variable : env) {
                if (variable instanceof Map<?, ?> pair && pair.get("name") != null) {
                    process.environment().put(String.valueOf(pair.get("name")), String.valueOf(pair.get("value")));
                }
            }
        }
        process.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        JsonNode status;
        try {
            var started = process.start();
            var output = started.getInputStream().readNBytes(1024 * 1024);
            if (!started.waitFor(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new Unusable(what + ": the exec plugin '" + command + "' did not finish within "
                        + EXEC_TIMEOUT_SECONDS + " s");
            }
            if (started.exitValue() != 0) {
                throw new Unusable(what + ": the exec plugin '" + command + "' exited with status " + started.exitValue());
            }
            status = JSON.readTree(output).path("status");
        } catch (IOException e) {
            throw new Unusable(what + ": the exec plugin '" + command + "' could not be run or printed no ExecCredential ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unusable(what + ": interrupted while the exec plugin ran");
        }
        if (status.hasNonNull("token")) {
            return new ApiConnection.Token(status.get("token").asText());
        }
        if (status.hasNonNull("clientCertificateData") && status.hasNonNull("clientKeyData")) {
            var plugin = what + ": the exec plugin's ";
            return new ApiConnection.ClientCertificate(
                    Pem.certificates(status.get("clientCertificateData").asText().getBytes(StandardCharsets.US_ASCII), plugin + "certificate"),
                    Pem.privateKey(status.get("clientKeyData").asText().getBytes(StandardCharsets.US_ASCII), plugin + "key"));
        }
        throw new Unusable(what + ": the exec plugin '" + command + "' printed neither a token nor a client certificate");
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value)).filter(s -> !s.isBlank());
    }

    private static byte[] base64(String value, String what) throws Unusable {
        var decoded = base64OrNull(value);
        if (decoded == null) {
            throw new Unusable(what + " is not base64");
        }
        return decoded;
    }

    private static byte[] base64OrNull(String value) {
        try {
            return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] file(String name, String what) throws Unusable {
        try {
            return Files.readAllBytes(Path.of(name));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new Unusable(what + " names a file that cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
