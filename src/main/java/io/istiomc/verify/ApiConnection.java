package io.istiomc.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One client of one Kubernetes API server, on {@link HttpClient}: the server's certificate is
 * verified with the CA given (or the JVM's trust store when none is) against the TLS server name
 * (the kubeconfig's {@code tls-server-name}, else the URL's host), as client-go verifies it; the
 * request carries a bearer token or a client certificate.
 */
final class ApiConnection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** How the client proves who it is. */
    sealed interface Credential permits Token, ClientCertificate, Anonymous {
    }

    /** A bearer token; {@link #toString()} never shows it. */
    record Token(String value) implements Credential {
        @Override
        public String toString() {
            return "Token[secret]";
        }
    }

    /** A client certificate and its key; {@link #toString()} never shows the key. */
    record ClientCertificate(List<X509Certificate> chain, PrivateKey key) implements Credential {
        @Override
        public String toString() {
            return "ClientCertificate[" + chain.get(0).getSubjectX500Principal() + "]";
        }
    }

    /** No credential at all. */
    record Anonymous() implements Credential {
    }

    /**
     * Where the server is and how to trust it.
     *
     * @param ca            the certificates the server's chain must lead to; empty: the JVM's trust store
     * @param tlsServerName the name its certificate must carry, when not the URL's host
     */
    record Endpoint(URI server, Optional<List<X509Certificate>> ca, Optional<String> tlsServerName) {
        String verifiedName() {
            return tlsServerName.orElse(server.getHost());
        }
    }

    /** An answer: the status and the body as JSON (missing when it was not JSON). */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The server's own message of a failed request, when it sent a Status. */
        String message() {
            var message = body.path("message").asText("");
            return message.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + message;
        }
    }

    /** The request did not get an HTTP answer; the message says why, without any credential. */
    static final class Unreachable extends Exception {
        private final boolean tls;

        Unreachable(String message, boolean tls) {
            super(message);
            this.tls = tls;
        }

        /** Whether the TLS handshake failed (the server answered, but was not trusted or did not trust us). */
        boolean tls() {
            return tls;
        }
    }

    private final Endpoint endpoint;
    private final Credential credential;
    private final HttpClient http;

    ApiConnection(Endpoint endpoint, Credential credential) throws GeneralSecurityException {
        this.endpoint = endpoint;
        this.credential = credential;
        var ssl = SSLContext.getInstance("TLS");
        var keyManagers = credential instanceof ClientCertificate certificate ? keyManagers(certificate) : null;
        ssl.init(keyManagers, new javax.net.ssl.TrustManager[]{new NameVerifyingTrustManager(trustManager(endpoint.ca()),
                endpoint.verifiedName())}, null);
        var parameters = new SSLParameters();
        // SNI as client-go sends it. HttpClient replaces it with the URL's host when that is a DNS name,
        // so the name is sent only where the URL holds an IP address; it is verified either way.
        endpoint.tlsServerName().ifPresent(name -> parameters.setServerNames(List.of(new SNIHostName(name))));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .sslContext(ssl)
                .sslParameters(parameters)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Credential credential() {
        return credential;
    }

    Response get(String path) throws Unreachable {
        return send(request(path).GET().build());
    }

    Response post(String path, String json) throws Unreachable {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        var base = endpoint.server().toString().replaceAll("/+$", "");
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (credential instanceof Token token) {
            builder.header("Authorization", "Bearer " + token.value());
        }
        return builder;
    }

    private Response send(HttpRequest request) throws Unreachable {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), body == null ? MissingNode.getInstance() : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", false);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Why no answer came, in the words of the failure's innermost cause that says something useful. */
    private Unreachable unreachable(IOException e) {
        var server = endpoint.server().getHost() + ":" + port();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NameVerifyingTrustManager.Rejected rejected) {
                return new Unreachable("the TLS handshake with " + server + " failed: " + rejected.getMessage(), true);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException) {
                return new Unreachable("the TLS handshake with " + server + " failed (" + cause.getMessage() + ")", true);
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                return new Unreachable("no answer from " + server + " within " + TIMEOUT.toSeconds() + " s", false);
            }
            if (cause instanceof ConnectException) {
                return new Unreachable("cannot connect to " + server + " (connection refused or no route)", false);
            }
            if (cause instanceof UnknownHostException) {
                return new Unreachable("the host " + endpoint.server().getHost() + " does not resolve", false);
            }
        }
        return new Unreachable("cannot reach " + server + " (" + e.getClass().getSimpleName() + ")", false);
    }

    private int port() {
        return endpoint.server().getPort() < 0 ? 443 : endpoint.server().getPort();
    }

    private static X509ExtendedTrustManager trustManager(Optional<List<X509Certificate>> ca) throws GeneralSecurityException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (ca.isPresent()) {
            var store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
            for (int i = 0; i < ca.get().size(); i++) {
                store.setCertificateEntry("ca-" + i, ca.get().get(i));
            }
            factory.init(store);
        } else {
            factory.init((KeyStore) null);
        }
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static javax.net.ssl.KeyManager[] keyManagers(ClientCertificate certificate) throws GeneralSecurityException {
        var store = KeyStore.getInstance("PKCS12");
        var password = new char[0];
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("client", certificate.key(), password, certificate.chain().toArray(new X509Certificate[0]));
        var factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /**
     * Verifies the chain with the given trust (no name check there), then the leaf's names against
     * the expected TLS server name: subject alternative names only, as Go's crypto/tls checks them
     * (no common-name fallback), with a leading {@code *.} matching one label.
     */
    static final class NameVerifyingTrustManager extends X509ExtendedTrustManager {
        /** A refusal with a message of our own. */
        static final class Rejected extends CertificateException {
            Rejected(String message) {
                super(message);
            }
        }

        private final X509ExtendedTrustManager chain;
        private final String expectedName;

        NameVerifyingTrustManager(X509ExtendedTrustManager chain, String expectedName) {
            this.chain = chain;
            this.expectedName = expectedName;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            try {
                chain.checkServerTrusted(certificates, authType);
            } catch (CertificateException e) {
                throw new Rejected("the server's certificate (issued by '" + certificates[0].getIssuerX500Principal().getName()
                        + "') is not signed by the CA data given");
            }
            if (!matches(certificates[0], expectedName)) {
                throw new Rejected("the server's certificate is not valid for '" + expectedName + "' (it names "
                        + names(certificates[0]) + ")");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            throw new CertificateException("a client does not verify clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }

        static boolean matches(X509Certificate certificate, String name) throws CertificateParsingException {
            var host = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            var ip = ipLiteral(host);
            var alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames == null) {
                return false;
            }
            for (var entry : alternativeNames) {
                int type = (Integer) entry.get(0);
                var value = String.valueOf(entry.get(1));
                if (ip.isPresent() && type == 7 && ipLiteral(value).equals(ip)) {
                    return true;
                }
                if (ip.isEmpty() && type == 2 && dnsMatches(value.toLowerCase(Locale.ROOT), host.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean dnsMatches(String pattern, String host) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                return dot > 0 && host.substring(dot).equals(pattern.substring(1));
            }
            return pattern.equals(host);
        }

        /** An IP literal as an address, parsed without a name lookup (only digits, hex and ':' get there). */
        private static Optional<InetAddress> ipLiteral(String host) {
            if (!IPV4.matcher(host).matches() && !(host.contains(":") && host.matches("[0-9a-fA-F:.]+"))) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }

        private static String names(X509Certificate certificate) throws CertificateParsingException {
            var alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames == null || alternativeNames.isEmpty()) {
                return "no subject alternative name";
            }
            return alternativeNames.stream().map(entry -> String.valueOf(entry.get(1))).toList().toString();
        }
    }
}
