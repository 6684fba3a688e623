package io.istiomc.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiomc.program.Kubeconfigs;
import io.istiomc.components.Names;
import io.istiomc.config.YamlInput;
import io.istiomc.components.MeshClusterArgs;
import io.istiomc.components.MeshTopology;
import io.istiomc.config.StackConfig;
import io.istiomc.config.RawConfig;
import io.istiomc.program.ApiServers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code verify}, against the live clusters. For every primary and every cluster it
 * watches: the remote secret, then what its kubeconfig reaches and may read; for every cluster: its
 * {@code cacerts} and, where the topology needs one, its gateway's address. A check that depends on
 * one that failed is not run. No result quotes a token, key or kubeconfig.
 */
public final class MeshVerification {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRETS = "/api/v1/namespaces/" + Names.ISTIO_NAMESPACE + "/secrets/";

    /** The names of the checks, as the JSON output gives them. */
    public enum Kind {
        ACCESS("access"),
        REMOTE_SECRET("remote-secret"),
        REMOTE_SECRET_SERVER("remote-secret-server"),
        REMOTE_SECRET_TLS("remote-secret-tls"),
        READER_AUTHENTICATES("reader-authenticates"),
        READER_RIGHTS("reader-rights"),
        READER_LISTS("reader-lists"),
        READER_TOKEN_EXPIRY("reader-token-expiry"),
        CACERTS("cacerts"),
        CACERTS_ROOT("cacerts-root"),
        GATEWAY("gateway");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One check's result.
     *
     * @param cluster where it was checked (the primary, for a remote secret)
     * @param watched the watched cluster a remote secret is for; empty for a cluster's own checks
     */
    public record Check(String cluster, Optional<String> watched, Kind kind, boolean passed, String reason) {
    }

    private final MeshTopology config;
    private final Map<String, ApiServers.ApiServer> apiServers;
    private final Instant now;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, ApiConnection> access = new LinkedHashMap<>();

    private MeshVerification(MeshTopology config, Map<String, ApiServers.ApiServer> apiServers, Instant now) {
        this.config = config;
        this.apiServers = apiServers;
        this.now = now;
    }

    /**
     * Runs every check.
     *
     * @param apiServers  the API server of every watched cluster, as the program resolves it
     * @param kubeconfigs the kubeconfig of every cluster, as its provider reads it
     * @param now         the time certificates and tokens are judged at
     */
    public static List<Check> run(StackConfig stack, Map<String, ApiServers.ApiServer> apiServers,
                                  Map<String, Kubeconfigs.Kubeconfig> kubeconfigs, Instant now) {
        var config = MeshTopology.of(stack.mesh());
        var verification = new MeshVerification(config, apiServers, now);
        for (int i = 0; i < config.clusters().size(); i++) {
            var cluster = config.clusters().get(i);
            verification.access(cluster, stack.kubeconfig(i), Optional.ofNullable(kubeconfigs.get(cluster.name())));
        }
        for (var primary : config.primaries()) {
            for (var watched : config.clusters()) {
                if (config.watched(watched) && !watched.name().equals(primary.name())) {
                    verification.remoteSecret(primary.name(), watched.name());
                }
            }
        }
        verification.cacerts();
        for (var cluster : config.clusters()) {
            if (config.needsGateway(cluster)) {
                verification.gateway(cluster);
            }
        }
        return List.copyOf(verification.checks);
    }

    private void pass(String cluster, Optional<String> watched, Kind kind, String reason) {
        checks.add(new Check(cluster, watched, kind, true, reason));
    }

    private void fail(String cluster, Optional<String> watched, Kind kind, String reason) {
        checks.add(new Check(cluster, watched, kind, false, reason));
    }

    /** The operator's own access to a cluster, with its kubeconfig and context: every other check reads through it. */
    private void access(MeshClusterArgs cluster, Optional<StackConfig.Kubeconfig> source,
                        Optional<Kubeconfigs.Kubeconfig> kubeconfig) {
        var name = cluster.name();
        if (kubeconfig.isEmpty()) {
            var encrypted = source.filter(k -> k.inline() && k.value().equals(RawConfig.ENCRYPTED)).isPresent();
            fail(name, Optional.empty(), Kind.ACCESS, encrypted
                    ? "its kubeconfig is encrypted in the stack file, which verify reads without Pulumi; give"
                    + " clusters[].kubeconfig as a file, or the context in KUBECONFIG"
                    : "no kubeconfig is at hand for context '" + cluster.context()
                    + "' (set clusters[].kubeconfig, KUBECONFIG or ~/.kube/config)");
            return;
        }
        try {
            var connection = KubeconfigAccess.connect(kubeconfig.get(), Optional.of(cluster.context()),
                    "the kubeconfig of context '" + cluster.context() + "'");
            var response = connection.get("/api/v1/namespaces/" + Names.ISTIO_NAMESPACE);
            if (response.status() == 404) {
                fail(name, Optional.empty(), Kind.ACCESS, "reached " + connection.endpoint().server()
                        + ", but it has no namespace " + Names.ISTIO_NAMESPACE + ": the mesh is not deployed there");
            } else if (!response.ok()) {
                fail(name, Optional.empty(), Kind.ACCESS, "context '" + cluster.context() + "' cannot read namespace "
                        + Names.ISTIO_NAMESPACE + " (" + response.message() + ")");
            } else {
                pass(name, Optional.empty(), Kind.ACCESS, "reached " + connection.endpoint().server() + " with context '"
                        + cluster.context() + "'");
                access.put(name, connection);
            }
        } catch (KubeconfigAccess.Unusable e) {
            fail(name, Optional.empty(), Kind.ACCESS, e.getMessage());
        } catch (ApiConnection.Unreachable e) {
            fail(name, Optional.empty(), Kind.ACCESS, "context '" + cluster.context() + "': " + e.getMessage());
        }
    }

    private void remoteSecret(String primary, String watchedName) {
        var watched = Optional.of(watchedName);
        var secretName = Names.remoteSecretName(watchedName);
        var connection = access.get(primary);
        if (connection == null) {
            return;
        }
        JsonNode secret;
        try {
            var response = connection.get(SECRETS + secretName);
            if (response.status() == 404) {
                fail(primary, watched, Kind.REMOTE_SECRET, secretName + " is missing from " + Names.ISTIO_NAMESPACE
                        + ": istiod in " + primary + " does not discover " + watchedName);
                return;
            }
            if (!response.ok()) {
                fail(primary, watched, Kind.REMOTE_SECRET, "cannot read " + secretName + " (" + response.message() + ")");
                return;
            }
            secret = response.body();
        } catch (ApiConnection.Unreachable e) {
            fail(primary, watched, Kind.REMOTE_SECRET, e.getMessage());
            return;
        }
        var metadata = secret.path("metadata");
        var label = metadata.path("labels").path(Names.MULTICLUSTER_SECRET_LABEL);
        var annotation = metadata.path("annotations").path(Names.CLUSTER_ANNOTATION);
        var kubeconfigData = secret.path("data").path(watchedName);
        if (!"true".equals(label.asText(null))) {
            fail(primary, watched, Kind.REMOTE_SECRET, secretName + " is not labelled " + Names.MULTICLUSTER_SECRET_LABEL
                    + ": \"true\" (" + (label.isMissingNode() ? "no such label" : "it is '" + label.asText() + "'")
                    + "): istiod selects remote secrets by that label and ignores this one");
            return;
        }
        if (!watchedName.equals(annotation.asText(null))) {
            fail(primary, watched, Kind.REMOTE_SECRET, secretName + " is not annotated " + Names.CLUSTER_ANNOTATION + ": "
                    + watchedName + " (" + (annotation.isMissingNode() ? "no such annotation" : "it is '" + annotation.asText() + "'")
                    + "), as istioctl create-remote-secret annotates it");
            return;
        }
        if (!kubeconfigData.isTextual()) {
            fail(primary, watched, Kind.REMOTE_SECRET, secretName + " holds no kubeconfig under the key '" + watchedName
                    + "' (istiod takes each key of a remote secret as the ID of the cluster its kubeconfig reaches)");
            return;
        }
        pass(primary, watched, Kind.REMOTE_SECRET, secretName + " is in " + Names.ISTIO_NAMESPACE + ", labelled "
                + Names.MULTICLUSTER_SECRET_LABEL + ": \"true\", annotated " + Names.CLUSTER_ANNOTATION + ": " + watchedName);

        ApiConnection reader;
        Optional<String> token;
        try {
            var text = new String(Base64.getDecoder().decode(kubeconfigData.asText()), StandardCharsets.UTF_8);
            var kubeconfig = Kubeconfigs.parse(text, "the kubeconfig in " + secretName);
            reader = KubeconfigAccess.connect(kubeconfig, Optional.empty(), "the kubeconfig in " + secretName);
            token = tokenOf(kubeconfig);
        } catch (IllegalArgumentException e) {
            fail(primary, watched, Kind.REMOTE_SECRET_SERVER, "the value under '" + watchedName + "' in " + secretName
                    + " is not base64");
            return;
        } catch (YamlInput.RejectedInputException | KubeconfigAccess.Unusable e) {
            fail(primary, watched, Kind.REMOTE_SECRET_SERVER, e.getMessage());
            return;
        }
        var server = reader.endpoint().server().toString();
        var expected = Optional.ofNullable(apiServers.get(watchedName));
        if (expected.isPresent() && !sameUrl(expected.get().url(), server)) {
            fail(primary, watched, Kind.REMOTE_SECRET_SERVER, "its kubeconfig points at " + server + ", but the API server"
                    + " of " + watchedName + " is " + expected.get().url() + " (from " + expected.get().origin() + ")");
        } else if (expected.isPresent() && !expected.get().tlsServerName().equals(reader.endpoint().tlsServerName())) {
            fail(primary, watched, Kind.REMOTE_SECRET_SERVER, "its kubeconfig verifies the server as '"
                    + reader.endpoint().verifiedName() + "', but the stack's tlsServerName for " + watchedName + " is "
                    + expected.get().tlsServerName().map(n -> "'" + n + "'").orElse("not set"));
        } else {
            pass(primary, watched, Kind.REMOTE_SECRET_SERVER, "its kubeconfig points at " + server
                    + reader.endpoint().tlsServerName().map(n -> " (tls-server-name " + n + ")").orElse(""));
        }
        readerChecks(primary, watchedName, secretName, reader, token);
    }

    private void readerChecks(String primary, String watchedName, String secretName, ApiConnection reader,
                              Optional<String> token) {
        var watched = Optional.of(watchedName);
        try {
            var version = reader.get("/version");
            pass(primary, watched, Kind.REMOTE_SECRET_TLS, "reached " + reader.endpoint().server() + "; its certificate is"
                    + " verified as '" + reader.endpoint().verifiedName() + "' with the CA data in " + secretName
                    + (version.ok() ? " (Kubernetes " + version.body().path("gitVersion").asText("?") + ")" : ""));
        } catch (ApiConnection.Unreachable e) {
            fail(primary, watched, Kind.REMOTE_SECRET_TLS, "with the kubeconfig in " + secretName + ": " + e.getMessage()
                    + (e.tls() ? "" : "; istiod in " + primary + " dials the same address"));
            return;
        }
        var denied = new ArrayList<String>();
        int reviews = 0;
        try {
            for (var rule : ReaderRules.RULES) {
                for (var resource : rule.resources()) {
                    for (var verb : rule.verbs()) {
                        var review = reader.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                accessReview(rule.group(), resource, verb));
                        if (review.status() == 401) {
                            fail(primary, watched, Kind.READER_AUTHENTICATES, "the API server of " + watchedName
                                    + " rejects the token in " + secretName + " (HTTP 401 Unauthorized)");
                            return;
                        }
                        if (!review.ok()) {
                            fail(primary, watched, Kind.READER_AUTHENTICATES, "a SelfSubjectAccessReview with the token in "
                                    + secretName + " failed (" + review.message() + ")");
                            return;
                        }
                        if (reviews++ == 0) {
                            pass(primary, watched, Kind.READER_AUTHENTICATES, "the API server of " + watchedName
                                    + " accepts the token in " + secretName);
                        }
                        if (!review.body().path("status").path("allowed").asBoolean(false)) {
                            denied.add(verb + " " + resource + (rule.group().isEmpty() ? "" : "." + rule.group()));
                        }
                    }
                }
            }
            if (denied.isEmpty()) {
                pass(primary, watched, Kind.READER_RIGHTS, "may do all " + reviews + " of what istiod reads (the istiod"
                        + " chart's reader ClusterRole, by SelfSubjectAccessReview)");
            } else {
                fail(primary, watched, Kind.READER_RIGHTS, "may not " + String.join(", ", denied) + " (" + denied.size()
                        + " of " + reviews + " SelfSubjectAccessReviews denied); istiod needs the istiod chart's reader"
                        + " ClusterRole bound to " + Names.READER_SERVICE_ACCOUNT);
            }
            var list = reader.get("/api/v1/namespaces?limit=1");
            if (list.ok()) {
                pass(primary, watched, Kind.READER_LISTS, "listed namespaces in " + watchedName + " with the kubeconfig in "
                        + secretName);
            } else {
                fail(primary, watched, Kind.READER_LISTS, "listing namespaces in " + watchedName + " with the kubeconfig in "
                        + secretName + " failed (" + list.message() + ")");
            }
        } catch (ApiConnection.Unreachable e) {
            fail(primary, watched, Kind.READER_RIGHTS, e.getMessage());
            return;
        }
        token.ifPresent(t -> tokenExpiry(primary, watched, secretName, t));
    }

    /** The bearer token of a kubeconfig's current context, read only to judge its expiry. */
    private static Optional<String> tokenOf(Kubeconfigs.Kubeconfig kubeconfig) {
        return kubeconfig.currentContext().map(c -> kubeconfig.contexts().get(c))
                .map(context -> kubeconfig.users().get(String.valueOf(context.get("user"))))
                .map(user -> user.get("token")).map(String::valueOf);
    }

    private void tokenExpiry(String primary, Optional<String> watched, String secretName, String token) {
        var parts = token.split("\\.");
        Optional<JsonNode> claims = Optional.empty();
        if (parts.length == 3) {
            try {
                claims = Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
            } catch (IllegalArgumentException | java.io.IOException e) {
                claims = Optional.empty();
            }
        }
        if (claims.isEmpty() || !claims.get().isObject()) {
            pass(primary, watched, Kind.READER_TOKEN_EXPIRY, "the token in " + secretName + " is not a JWT; its expiry"
                    + " cannot be read");
            return;
        }
        var exp = claims.get().path("exp");
        if (!exp.canConvertToLong()) {
            pass(primary, watched, Kind.READER_TOKEN_EXPIRY, "the token in " + secretName + " has no expiry (exp), as a"
                    + " service-account-token Secret's token has none");
            return;
        }
        var expiry = Instant.ofEpochSecond(exp.asLong());
        if (!expiry.isAfter(now)) {
            fail(primary, watched, Kind.READER_TOKEN_EXPIRY, "the token in " + secretName + " expired at " + expiry);
        } else {
            pass(primary, watched, Kind.READER_TOKEN_EXPIRY, "the token in " + secretName + " expires at " + expiry
                    + " (in " + remaining(expiry) + ")");
        }
    }

    private static String accessReview(String group, String resource, String verb) {
        var attributes = JSON.createObjectNode().put("group", group).put("resource", resource).put("verb", verb);
        var review = JSON.createObjectNode().put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        review.putObject("spec").set("resourceAttributes", attributes);
        return review.toString();
    }

    /**
     * Every cluster's {@code cacerts}: readable, valid now, its intermediate chained to a root of its
     * {@code root-cert.pem}; and every cluster trusting the root of every cluster's intermediate. A
     * {@code root-cert.pem} may hold several roots (istiod reads every certificate in it), as it does
     * during a root rotation, when intermediates of the old and of the new root coexist.
     */
    private void cacerts() {
        var trusted = new LinkedHashMap<String, List<X509Certificate>>();
        var signingRoots = new LinkedHashMap<String, X509Certificate>();
        for (var cluster : config.clusters()) {
            var name = cluster.name();
            var connection = access.get(name);
            if (connection == null) {
                continue;
            }
            try {
                var response = connection.get(SECRETS + Names.CACERTS_SECRET);
                if (response.status() == 404) {
                    fail(name, Optional.empty(), Kind.CACERTS, Names.CACERTS_SECRET + " is missing from "
                            + Names.ISTIO_NAMESPACE + ": istiod would mint a self-signed root of its own");
                    continue;
                }
                if (!response.ok()) {
                    fail(name, Optional.empty(), Kind.CACERTS, "cannot read " + Names.CACERTS_SECRET + " ("
                            + response.message() + ")");
                    continue;
                }
                var data = response.body().path("data");
                for (var key : List.of("ca-cert.pem", "ca-key.pem", "root-cert.pem", "cert-chain.pem")) {
                    if (!data.path(key).isTextual()) {
                        throw new GeneralSecurityException(Names.CACERTS_SECRET + " has no " + key);
                    }
                }
                var caCert = Pem.certificates(decoded(data, "ca-cert.pem"), "ca-cert.pem").get(0);
                var roots = Pem.certificates(decoded(data, "root-cert.pem"), "root-cert.pem");
                var chain = Pem.certificates(decoded(data, "cert-chain.pem"), "cert-chain.pem");
                trusted.put(name, roots);
                var signingRoot = roots.stream().filter(root -> signedBy(caCert, root)).findFirst();
                var problem = chainProblem(caCert, roots, signingRoot, chain);
                if (problem.isPresent()) {
                    fail(name, Optional.empty(), Kind.CACERTS, problem.get());
                    continue;
                }
                var root = signingRoot.orElseThrow();
                signingRoots.put(name, root);
                pass(name, Optional.empty(), Kind.CACERTS, "ca-cert.pem (" + caCert.getSubjectX500Principal().getName()
                        + ") is signed by " + (roots.size() == 1 ? "root-cert.pem"
                        : "root-cert.pem's root " + root.getSubjectX500Principal().getName() + " (" + fingerprint(root) + ")")
                        + ", valid until " + until(caCert) + "; " + (roots.size() == 1 ? "root-cert.pem until " + until(root)
                        : "root-cert.pem holds " + roots.size() + " roots, until " + String.join(", ",
                        roots.stream().map(this::until).toList())) + "; cert-chain.pem leads to the root");
            } catch (ApiConnection.Unreachable e) {
                fail(name, Optional.empty(), Kind.CACERTS, e.getMessage());
            } catch (GeneralSecurityException e) {
                fail(name, Optional.empty(), Kind.CACERTS, e.getMessage());
            }
        }
        // Workloads of two clusters trust each other when each one's root-cert.pem holds the root that
        // signs the other's intermediate: so every cluster must trust every cluster's signing root.
        trusted.forEach((name, roots) -> {
            var untrusted = signingRoots.entrySet().stream().filter(e -> !roots.contains(e.getValue())).findFirst();
            if (untrusted.isPresent()) {
                var other = untrusted.get();
                fail(name, Optional.empty(), Kind.CACERTS_ROOT, "root-cert.pem (" + describe(roots) + ") does not hold the"
                        + " root of " + other.getKey() + "'s intermediate (" + other.getValue().getSubjectX500Principal().getName()
                        + ", " + fingerprint(other.getValue()) + "): workloads of the two clusters would not trust each other");
            } else if (!signingRoots.isEmpty()) {
                var signing = signingRoots.values().stream().distinct().toList();
                pass(name, Optional.empty(), Kind.CACERTS_ROOT, "root-cert.pem holds the root of every cluster's intermediate ("
                        + String.join(", ", signing.stream().map(MeshVerification::fingerprint).toList()) + ")"
                        + (roots.size() > 1 ? "; it holds " + roots.size() + " roots, as during a root rotation" : ""));
            }
        });
    }

    /** The roots of a {@code root-cert.pem}, by subject and fingerprint. */
    private static String describe(List<X509Certificate> roots) {
        return String.join("; ", roots.stream().map(r -> r.getSubjectX500Principal().getName() + ", " + fingerprint(r)).toList());
    }

    private static byte[] decoded(JsonNode data, String key) throws GeneralSecurityException {
        try {
            return Base64.getDecoder().decode(data.path(key).asText());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(key + " in " + Names.CACERTS_SECRET + " is not base64");
        }
    }

    /**
     * What is wrong with the intermediate, the roots and the chain, at {@link #now}; empty when nothing is.
     *
     * @param signingRoot the root of {@code roots} that signs {@code caCert}, if one does
     */
    private Optional<String> chainProblem(X509Certificate caCert, List<X509Certificate> roots,
                                          Optional<X509Certificate> signingRoot, List<X509Certificate> chain) {
        var dated = new LinkedHashMap<String, X509Certificate>();
        dated.put("ca-cert.pem", caCert);
        for (int i = 0; i < roots.size(); i++) {
            dated.put(roots.size() == 1 ? "root-cert.pem" : "root " + (i + 1) + " of root-cert.pem", roots.get(i));
        }
        for (var entry : dated.entrySet()) {
            var certificate = entry.getValue();
            if (certificate.getNotAfter().toInstant().isBefore(now)) {
                return Optional.of(entry.getKey() + " expired at " + certificate.getNotAfter().toInstant());
            }
            if (certificate.getNotBefore().toInstant().isAfter(now)) {
                return Optional.of(entry.getKey() + " is not valid before " + certificate.getNotBefore().toInstant());
            }
        }
        if (signingRoot.isEmpty()) {
            return Optional.of("ca-cert.pem (" + caCert.getSubjectX500Principal().getName() + ", issued by '"
                    + caCert.getIssuerX500Principal().getName() + "') is not signed by " + (roots.size() == 1
                    ? "root-cert.pem ('" + roots.get(0).getSubjectX500Principal().getName() + "', " + fingerprint(roots.get(0)) + ")"
                    : "any root of root-cert.pem (" + describe(roots) + ")") + ": an intermediate of another root");
        }
        var root = signingRoot.get();
        if (!chain.get(0).equals(caCert)) {
            return Optional.of("cert-chain.pem does not start with ca-cert.pem");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!signedBy(chain.get(i), chain.get(i + 1))) {
                return Optional.of("cert-chain.pem is broken: certificate " + (i + 1) + " is not signed by certificate " + (i + 2));
            }
        }
        if (!chain.get(chain.size() - 1).equals(root) && !signedBy(chain.get(chain.size() - 1), root)) {
            return Optional.of("cert-chain.pem does not lead to root-cert.pem");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private String until(X509Certificate certificate) {
        var notAfter = certificate.getNotAfter().toInstant();
        return notAfter + " (" + remaining(notAfter) + " left)";
    }

    private String remaining(Instant instant) {
        var left = Duration.between(now, instant);
        return left.toDays() >= 2 ? left.toDays() + " days" : left.toHours() >= 2 ? left.toHours() + " hours"
                : left.toMinutes() + " minutes";
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA-256 " + HexFormat.of().formatHex(digest, 0, 8) + "…";
        } catch (GeneralSecurityException e) {
            return "SHA-256 unknown";
        }
    }

    /** The gateway other clusters dial: configured, or the address its Service's load balancer got. */
    private void gateway(MeshClusterArgs cluster) {
        var name = cluster.name();
        var connection = access.get(name);
        if (connection == null) {
            return;
        }
        try {
            var response = connection.get("/api/v1/namespaces/" + Names.ISTIO_NAMESPACE + "/services/" + Names.EAST_WEST_GATEWAY);
            if (response.status() == 404) {
                fail(name, Optional.empty(), Kind.GATEWAY, "the Service " + Names.EAST_WEST_GATEWAY + " is missing from "
                        + Names.ISTIO_NAMESPACE);
                return;
            }
            if (!response.ok()) {
                fail(name, Optional.empty(), Kind.GATEWAY, "cannot read the Service " + Names.EAST_WEST_GATEWAY + " ("
                        + response.message() + ")");
                return;
            }
            if (cluster.gateway().address().isPresent()) {
                pass(name, Optional.empty(), Kind.GATEWAY, "address " + cluster.gateway().address().get()
                        + " (gateway.address), port " + cluster.gateway().port());
                return;
            }
            var ingress = response.body().path("status").path("loadBalancer").path("ingress").path(0);
            var address = ingress.path("ip").asText("").isEmpty() ? ingress.path("hostname").asText("") : ingress.path("ip").asText();
            if (address.isEmpty()) {
                fail(name, Optional.empty(), Kind.GATEWAY, "the Service " + Names.EAST_WEST_GATEWAY + " has no load balancer"
                        + " address: other clusters cannot reach this one");
            } else {
                pass(name, Optional.empty(), Kind.GATEWAY, "address " + address + " (the Service's load balancer), port "
                        + cluster.gateway().port());
            }
        } catch (ApiConnection.Unreachable e) {
            fail(name, Optional.empty(), Kind.GATEWAY, e.getMessage());
        }
    }

    /** Two URLs of one server: the same scheme, host and port (a trailing slash aside). */
    private static boolean sameUrl(String a, String b) {
        return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }

}
