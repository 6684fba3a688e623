package io.istiomc.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kubernetes API server for integration tests: one etcd plus one kube-apiserver,
 * both listening on free ports on 127.0.0.1 only, with all state in a temporary directory.
 *
 * <p>Binaries come from the environment: {@code KUBE_APISERVER} and {@code ETCD} (absolute paths),
 * or else {@code KUBEBUILDER_ASSETS} (envtest layout, {@code kube-apiserver} and {@code etcd} in
 * that directory). {@code eval "$(scripts/kube-test-env.sh)"} provides them (it builds
 * kube-apiserver 1.20.2 once per machine).
 *
 * <p>The server runs with:
 * <ul>
 *   <li>token authentication ({@code --token-auth-file}): {@link #adminToken()} belongs to user
 *       {@code it-admin} in group {@code system:masters};</li>
 *   <li>{@code --authorization-mode=RBAC};</li>
 *   <li>service-account token signing and issuing (a fresh RSA key, issuer
 *       {@value #SERVICE_ACCOUNT_ISSUER}), so the TokenRequest API works;</li>
 *   <li>a serving certificate for {@code 127.0.0.1}/{@code localhost} signed by a throw-away CA
 *       made with the {@code openssl} CLI; {@link #caPem()} returns that CA.</li>
 * </ul>
 *
 * <p>It is a bare API server: there is no controller-manager and no scheduler. So
 * {@code kubernetes.io/service-account-token} Secrets are never filled in, ServiceAccounts get no
 * token Secrets, the {@code default} ServiceAccount is not created, Deployments create no Pods,
 * and namespaces stay {@code Terminating} after delete. Obtain tokens with
 * {@link KubeClient#createTokenRequest(String, String)} instead.
 *
 * <p>Usage: {@code try (KubeApiServer s = new KubeApiServer("primary").start()) { ... }}.
 * {@link #close()} stops both processes (by their own process ids) and deletes the directory; a
 * JVM shutdown hook does the same as a last resort. Set {@code KUBE_IT_KEEP_DIRS=1} to keep the
 * directory (with {@code etcd.log} and {@code kube-apiserver.log}) for debugging.
 */
public final class KubeApiServer implements AutoCloseable {

    /** Issuer ({@code iss}) of service-account tokens, also their default audience. */
    public static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";
    /** Service ClusterIP range of the server. */
    public static final String SERVICE_CLUSTER_IP_RANGE = "10.96.0.0/16";
    /** The user name behind {@link #adminToken()}. */
    public static final String ADMIN_USER = "it-admin";

    private static final String PROVISION_HINT =
            "run `eval \"$(scripts/kube-test-env.sh)\"` in the project root first"
                    + " (it installs etcd and builds kube-apiserver 1.20.2 once per machine),"
                    + " or set KUBE_APISERVER and ETCD (or KUBEBUILDER_ASSETS) yourself";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;

    private final String name;
    private final Binaries binaries;
    private final Duration startTimeout;
    private final String adminToken;

    private Path dir;
    private Process etcd;
    private Process apiserver;
    private int securePort;
    private String caPem;
    private long startupMillis = -1;
    private Thread shutdownHook;

    /** A server named {@code name} (used in directory names and messages), not yet started. */
    public KubeApiServer(String name) {
        this(name, DEFAULT_START_TIMEOUT);
    }

    /** As {@link #KubeApiServer(String)}, waiting at most {@code startTimeout} for readiness. */
    public KubeApiServer(String name, Duration startTimeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.binaries = Binaries.fromEnvironment();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The binaries the servers use, from the environment (see the class comment). */
    public record Binaries(Path kubeApiserver, Path etcd) {
        /**
         * Reads {@code KUBE_APISERVER}/{@code ETCD}, else {@code KUBEBUILDER_ASSETS}.
         *
         * @throws IllegalStateException naming {@code scripts/kube-test-env.sh} when neither is set
         *     or a binary is missing
         */
        public static Binaries fromEnvironment() {
            Map<String, String> env = System.getenv();
            String api = env.get("KUBE_APISERVER");
            String etcd = env.get("ETCD");
            String assets = env.get("KUBEBUILDER_ASSETS");
            Binaries b;
            if (notBlank(api) || notBlank(etcd)) {
                if (!notBlank(api) || !notBlank(etcd)) {
                    throw new IllegalStateException("set both KUBE_APISERVER and ETCD, or neither (KUBE_APISERVER='"
                            + nullToEmpty(api) + "', ETCD='" + nullToEmpty(etcd) + "'); " + PROVISION_HINT);
                }
                b = new Binaries(Paths.get(api), Paths.get(etcd));
            } else if (notBlank(assets)) {
                b = new Binaries(Paths.get(assets, "kube-apiserver"), Paths.get(assets, "etcd"));
            } else {
                throw new IllegalStateException(
                        "no Kubernetes test binaries: neither KUBE_APISERVER/ETCD nor KUBEBUILDER_ASSETS is set; "
                                + PROVISION_HINT);
            }
            for (Path p : List.of(b.kubeApiserver, b.etcd)) {
                if (!Files.isExecutable(p)) {
                    throw new IllegalStateException("'" + p + "' is not an executable file; " + PROVISION_HINT);
                }
            }
            return b;
        }
    }

    /**
     * Starts etcd and kube-apiserver and waits until {@code /readyz} answers 200.
     * On failure everything started so far is stopped and the exception carries the log tails.
     *
     * @return this
     */
    public synchronized KubeApiServer start() {
        if (apiserver != null) {
            throw new IllegalStateException("KubeApiServer '" + name + "' is already started");
        }
        long t0 = System.nanoTime();
        shutdownHook = new Thread(this::stopQuietly, "kube-apiserver-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                startOnce();
                startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                return this;
            } catch (RuntimeException e) {
                last = e;
                boolean portRace = String.valueOf(e.getMessage()).contains("address already in use");
                stopQuietly();
                if (!portRace) {
                    break;
                }
            }
        }
        close();
        throw last;
    }

    private void startOnce() {
        try {
            dir = Files.createTempDirectory(tempRoot(), "kube-it-" + name + "-");
            int etcdClientPort = freePort();
            int etcdPeerPort = freePort();
            securePort = freePort();

            etcd = launch("etcd", List.of(
                    binaries.etcd().toString(),
                    "--name=" + name,
                    "--data-dir=" + dir.resolve("etcd-data"),
                    "--listen-client-urls=http://127.0.0.1:" + etcdClientPort,
                    "--advertise-client-urls=http://127.0.0.1:" + etcdClientPort,
                    "--listen-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                    "--initial-advertise-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                    "--initial-cluster=" + name + "=http://127.0.0.1:" + etcdPeerPort,
                    "--logger=zap",
                    "--log-level=warn"));
            waitUntil("etcd", etcd, dir.resolve("etcd.log"),
                    () -> plainGet(URI.create("http://127.0.0.1:" + etcdClientPort + "/health")) == 200);

            writeServingCertificate();
            writeServiceAccountKey();
            Files.writeString(dir.resolve("tokens.csv"),
                    adminToken + "," + ADMIN_USER + "," + ADMIN_USER + ",\"system:masters\"\n");

            apiserver = launch("kube-apiserver", List.of(
                    binaries.kubeApiserver().toString(),
                    "--etcd-servers=http://127.0.0.1:" + etcdClientPort,
                    "--bind-address=127.0.0.1",
                    "--advertise-address=127.0.0.1",
                    "--secure-port=" + securePort,
                    "--insecure-port=0", // 1.20 would otherwise also listen on 127.0.0.1:8080
                    "--cert-dir=" + dir.resolve("cert-dir"),
                    "--tls-cert-file=" + dir.resolve("serving.crt"),
                    "--tls-private-key-file=" + dir.resolve("serving.key"),
                    "--token-auth-file=" + dir.resolve("tokens.csv"),
                    "--authorization-mode=RBAC",
                    "--service-account-key-file=" + dir.resolve("sa.pub"),
                    "--service-account-signing-key-file=" + dir.resolve("sa.key"),
                    "--service-account-issuer=" + SERVICE_ACCOUNT_ISSUER,
                    "--service-cluster-ip-range=" + SERVICE_CLUSTER_IP_RANGE,
                    // The lease reconciler would try to point the 'kubernetes' Endpoints at 127.0.0.1,
                    // which validation rejects (loopback); the Service itself is still created.
                    "--endpoint-reconciler-type=none",
                    "--allow-privileged=true",
                    "--profiling=false",
                    "--v=1"));
            KubeClient admin = client();
            waitUntil("kube-apiserver", apiserver, dir.resolve("kube-apiserver.log"),
                    () -> admin.rawStatus("GET", "/readyz") == 200);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start KubeApiServer '" + name + "': " + e.getMessage(), e);
        }
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String url() {
        requireStarted();
        return "https://127.0.0.1:" + securePort;
    }

    /** Bearer token of {@value #ADMIN_USER}, a member of {@code system:masters}. */
    public String adminToken() {
        return adminToken;
    }

    /** PEM of the CA that signed the serving certificate: trust it to verify TLS. */
    public String caPem() {
        requireStarted();
        return caPem;
    }

    /** Milliseconds from {@link #start()} until {@code /readyz} answered 200. */
    public long startupMillis() {
        requireStarted();
        return startupMillis;
    }

    /** The name given to the constructor. */
    public String name() {
        return name;
    }

    /** A client authenticated as {@value #ADMIN_USER}. */
    public KubeClient client() {
        return new KubeClient(URI.create(url()), caPem, adminToken);
    }

    /**
     * A kubeconfig (YAML) for this server, with the CA inlined and a bearer token; cluster,
     * context and user are all named {@code clusterName}.
     */
    public String kubeconfig(String clusterName, String token) {
        String ca = Base64.getEncoder().encodeToString(caPem().getBytes(StandardCharsets.UTF_8));
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + clusterName + "\n"
                + "  cluster:\n"
                + "    server: " + url() + "\n"
                + "    certificate-authority-data: " + ca + "\n"
                + "contexts:\n"
                + "- name: " + clusterName + "\n"
                + "  context:\n"
                + "    cluster: " + clusterName + "\n"
                + "    user: " + clusterName + "\n"
                + "current-context: " + clusterName + "\n"
                + "users:\n"
                + "- name: " + clusterName + "\n"
                + "  user:\n"
                + "    token: " + token + "\n";
    }

    /** Stops kube-apiserver, then etcd, and deletes the temporary directory. Idempotent. */
    @Override
    public synchronized void close() {
        stopQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to run; it is idempotent
            }
            shutdownHook = null;
        }
    }

    private synchronized void stopQuietly() {
        // Each step runs even if an earlier one failed.
        try {
            stop(apiserver);
        } finally {
            try {
                stop(etcd);
            } finally {
                apiserver = null;
                etcd = null;
                if (dir != null && System.getenv("KUBE_IT_KEEP_DIRS") == null) {
                    deleteRecursively(dir);
                }
                dir = null;
            }
        }
    }

    private static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy(); // SIGTERM to this process id only
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Process launch(String what, List<String> command) throws IOException {
        Path log = dir.resolve(what + ".log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("ETCDCTL_API");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code ready} until true; fails early when {@code process} dies. */
    private void waitUntil(String what, Process process, Path log, Check ready) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " of KubeApiServer '" + name + "' exited with code "
                        + process.exitValue() + " during start-up; log tail:\n" + tail(log));
            }
            try {
                if (ready.ok()) {
                    return;
                }
            } catch (Exception e) {
                lastError = e;
            }
            KubeClient.pause(100);
        }
        throw new IllegalStateException(what + " of KubeApiServer '" + name + "' not ready after "
                + startTimeout.toSeconds() + " s (last error: " + lastError + "); log tail:\n" + tail(log));
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }

    private static int plainGet(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A throw-away CA and a serving certificate for 127.0.0.1 and localhost, via the openssl CLI. */
    private void writeServingCertificate() throws IOException {
        Files.writeString(dir.resolve("openssl.cnf"), String.join("\n",
                "[req]",
                "distinguished_name = dn",
                "prompt = no",
                "[dn]",
                "CN = unused",
                "[ca_ext]",
                "basicConstraints = critical, CA:TRUE",
                "keyUsage = critical, keyCertSign, cRLSign",
                "subjectKeyIdentifier = hash",
                "[server_ext]",
                "basicConstraints = critical, CA:FALSE",
                "keyUsage = critical, digitalSignature, keyEncipherment",
                "extendedKeyUsage = serverAuth",
                "subjectAltName = IP:127.0.0.1, DNS:localhost, DNS:kubernetes, DNS:kubernetes.default,"
                        + " DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local",
                ""));
        String cnf = dir.resolve("openssl.cnf").toString();
        openssl("req", "-x509", "-config", cnf, "-extensions", "ca_ext", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=kube-it-" + name + "-ca");
        openssl("req", "-new", "-config", cnf, "-newkey", "rsa:2048", "-nodes",
                "-keyout", "serving.key", "-out", "serving.csr", "-subj", "/CN=kube-apiserver");
        openssl("x509", "-req", "-in", "serving.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
                Long.toString(System.nanoTime()), "-days", "2", "-extfile", cnf, "-extensions", "server_ext",
                "-out", "serving.crt");
        caPem = Files.readString(dir.resolve("ca.crt"));
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path log = dir.resolve("openssl.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IOException("cannot run openssl (needed for the serving certificate; "
                    + "scripts/kube-test-env.sh installs it, or `apt-get install openssl`): " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl timed out: " + command);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running openssl", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("openssl failed (exit " + p.exitValue() + "): " + command + "\n" + tail(log));
        }
    }

    /** RSA key for signing (private, PKCS#8) and verifying (public, PKIX) service-account tokens. */
    private void writeServiceAccountKey() throws IOException {
        KeyPair kp;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            kp = gen.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(dir.resolve("sa.key"), pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("sa.pub"), pem("PUBLIC KEY", kp.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /**
     * /dev/shm when usable with room to spare (etcd fsyncs a lot, and tmpfs makes that free; but
     * each etcd preallocates a 64 MB WAL, and containers often get a 64 MB /dev/shm), else
     * java.io.tmpdir.
     */
    private static Path tempRoot() {
        Path shm = Paths.get("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > 1024L * 1024 * 1024) {
                return shm;
            }
        } catch (IOException ignored) {
            // fall through
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private void requireStarted() {
        if (caPem == null || securePort == 0) {
            throw new IllegalStateException("KubeApiServer '" + name + "' is not started; call start() first");
        }
    }


    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "KubeApiServer[" + name + (securePort == 0 ? "" : " " + url()) + "]";
    }
}
