package io.istiomc.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.istiomc.testing.StackFile;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Istio's Helm chart repository for the tests, served on loopback over HTTPS (the stack config only
 * accepts https:// and oci:// repositories, so the URL path the provider would use is exercised).
 *
 * <p>The repository is the project's own copy of Istio 1.30.3's {@code base}, {@code istiod} and
 * {@code gateway} chart packages and their {@code index.yaml}, in the test resources
 * ({@value #IN_PROJECT}, its {@code SOURCE.md} says where they come from), so that a fresh clone renders
 * them with nothing beside it; or the directory named by {@code ISTIO_CHART_REPO_DIR}.
 * {@code ISTIO_CHART_REPO_DIR=published} uses each stack's configured repository (the published one)
 * instead, where the network allows it. A missing repository is an error, never a skipped test. The serving certificate is a throw-away self-signed one made with the
 * {@code openssl} CLI; helm trusts it through {@code --ca-file}.
 */
final class ChartRepository implements AutoCloseable {
    static final String DIR_VARIABLE = "ISTIO_CHART_REPO_DIR";
    private static final String PUBLISHED = "published";
    /** The chart repository in the project, relative to its root. */
    static final String IN_PROJECT = "src/test/resources/istio/1.30.3/charts";

    private final Optional<HttpsServer> server;
    private final Optional<Path> caFile;
    private final Path workDir;

    private ChartRepository(Optional<HttpsServer> server, Optional<Path> caFile, Path workDir) {
        this.server = server;
        this.caFile = caFile;
        this.workDir = workDir;
    }

    /** Serves the repository directory, or stands for the published repository. */
    static ChartRepository start() {
        try {
            var work = Files.createTempDirectory("chart-repo");
            var configured = System.getenv(DIR_VARIABLE);
            if (PUBLISHED.equals(configured)) {
                return new ChartRepository(Optional.empty(), Optional.empty(), work);
            }
            var dir = configured != null && !configured.isBlank() ? Path.of(configured)
                    : StackFile.projectRoot().resolve(IN_PROJECT);
            if (!Files.isRegularFile(dir.resolve("index.yaml"))) {
                throw new IllegalStateException("no Helm chart repository at " + dir + " (no index.yaml): the project"
                        + " keeps Istio's charts in " + IN_PROJECT + "; set " + DIR_VARIABLE
                        + " to such a directory, or to '" + PUBLISHED + "' to use the stacks' configured repository");
            }
            var caFile = selfSignedCertificate(work);
            var server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(work)));
            var root = dir.toRealPath();
            server.createContext("/", exchange -> {
                try (exchange) {
                    var file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                    if (!file.startsWith(root) || !Files.isRegularFile(file) || !"GET".equals(exchange.getRequestMethod())) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, Files.size(file));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(exchange.getResponseBody());
                    }
                }
            });
            server.start();
            return new ChartRepository(Optional.of(server), Optional.of(caFile), work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to configure as {@code istio.chartRepository}; empty when the stacks' own repository is used. */
    Optional<String> url() {
        return server.map(s -> "https://127.0.0.1:" + s.getAddress().getPort());
    }

    /** The certificate helm must trust for {@link #url()}. */
    Optional<Path> caFile() {
        return caFile;
    }

    @Override
    public void close() {
        server.ifPresent(s -> s.stop(0));
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static Path selfSignedCertificate(Path dir) throws IOException {
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "key.pem", "-out", "cert.pem");
        openssl(dir, "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "server.p12",
                "-passout", "pass:changeit");
        return dir.resolve("cert.pem");
    }

    private static SSLContext sslContext(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            var keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, "changeit".toCharArray());
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, "changeit".toCharArray());
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the chart repository's serving key", e);
        }
    }

    private static void openssl(Path dir, String... args) throws IOException {
        var command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
