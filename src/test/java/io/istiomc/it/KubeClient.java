package io.istiomc.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small Kubernetes REST client for integration tests, on {@link HttpClient} with TLS verified
 * against the server's CA and a bearer token. Objects are Jackson {@link JsonNode}s; input may be
 * YAML or JSON. Every non-2xx answer becomes a {@link KubeApiException} carrying the status code
 * and the server's message.
 */
public final class KubeClient {

    /** Field manager used when a test does not care. */
    public static final String DEFAULT_FIELD_MANAGER = "istio-multicluster-it";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #resource} waits for a just-created CRD's kind to appear in discovery. */
    static final int DISCOVERY_WAIT_SECONDS = 30;

    private final URI server;
    private final String caPem;
    private final String token;
    private final HttpClient http;
    /** groupVersion ("v1", "apps/v1") to kind to resource; shared by clients of one server. */
    private final Map<String, Map<String, ApiResource>> discovery;

    /** A resource as listed by discovery. */
    public record ApiResource(String groupVersion, String kind, String plural, boolean namespaced) {
        /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
        public String basePath() {
            return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
        }

        /** Collection path, in {@code namespace} when the resource is namespaced. */
        public String collectionPath(String namespace) {
            return namespaced ? basePath() + "/namespaces/" + namespace + "/" + plural : basePath() + "/" + plural;
        }
    }

    /** The API rejected a request. */
    public static final class KubeApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int statusCode;
        private final String reason;
        private final String serverMessage;

        KubeApiException(String method, String path, int statusCode, String body) {
            this(method, path, statusCode, statusField(body, "reason"), statusMessage(body));
        }

        private KubeApiException(String method, String path, int statusCode, String reason, String serverMessage) {
            super(method + " " + path + " -> HTTP " + statusCode
                    + (reason.isEmpty() ? "" : " " + reason) + ": " + serverMessage);
            this.statusCode = statusCode;
            this.reason = reason;
            this.serverMessage = serverMessage;
        }

        /** HTTP status code, e.g. 403, 404, 422. */
        public int statusCode() {
            return statusCode;
        }

        /** {@code Status.reason} ("Forbidden", "Invalid", "NotFound"...) or "". */
        public String reason() {
            return reason;
        }

        /** {@code Status.message}, or the raw body when it is not a Status. */
        public String serverMessage() {
            return serverMessage;
        }

        private static String statusField(String body, String field) {
            try {
                return JSON.readTree(body).path(field).asText("");
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        private static String statusMessage(String body) {
            String m = statusField(body, "message");
            return m.isEmpty() ? body : m;
        }
    }

    /** A client for {@code server} (https URL) trusting {@code caPem}, sending {@code token}. */
    public KubeClient(URI server, String caPem, String token) {
        this(server, caPem, token, httpClient(caPem), new ConcurrentHashMap<>());
    }

    private KubeClient(URI server, String caPem, String token, HttpClient http,
                       Map<String, Map<String, ApiResource>> discovery) {
        this.server = Objects.requireNonNull(server, "server");
        this.caPem = Objects.requireNonNull(caPem, "caPem");
        this.token = Objects.requireNonNull(token, "token");
        this.http = http;
        this.discovery = discovery;
    }

    /** The same server, authenticated with another bearer token (e.g. a least-privilege one). */
    public KubeClient withToken(String otherToken) {
        return new KubeClient(server, caPem, otherToken, http, discovery);
    }

    /** The server URL. */
    public URI server() {
        return server;
    }

    // ---------------------------------------------------------------- server-side apply

    /** {@link #serverSideApply(String, String)} with {@link #DEFAULT_FIELD_MANAGER}. */
    public JsonNode serverSideApply(String yamlOrJsonObject) {
        return serverSideApply(yamlOrJsonObject, DEFAULT_FIELD_MANAGER);
    }

    /**
     * Server-side apply of one object (YAML or JSON): {@code PATCH} with
     * {@code application/apply-patch+yaml}, {@code ?fieldManager=...&force=true}. The REST path comes
     * from apiVersion, kind (plural and scope via the discovery API, so built-in kinds and custom
     * resources both work), metadata.namespace (default {@code default}) and metadata.name.
     *
     * @return the object as stored
     * @throws KubeApiException when the server rejects it
     */
    public JsonNode serverSideApply(String yamlOrJsonObject, String fieldManager) {
        return serverSideApply(parse(yamlOrJsonObject), fieldManager);
    }

    /** As {@link #serverSideApply(String, String)}, for an already-parsed object. */
    public JsonNode serverSideApply(JsonNode object, String fieldManager) {
        String path = objectPath(object);
        String query = "?fieldManager=" + URLEncoder.encode(fieldManager, StandardCharsets.UTF_8) + "&force=true";
        // JSON is YAML, so the object goes as JSON with the apply-patch+yaml content type.
        return send("PATCH", path + query, "application/apply-patch+yaml", toJson(object));
    }

    /** The REST path of {@code object} (apiVersion, kind, metadata.namespace, metadata.name). */
    public String objectPath(JsonNode object) {
        String apiVersion = requiredText(object, "apiVersion");
        String kind = requiredText(object, "kind");
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(kind + " has no metadata.name");
        }
        ApiResource r = resource(apiVersion, kind);
        String ns = object.path("metadata").path("namespace").asText("");
        return r.collectionPath(ns.isEmpty() ? "default" : ns) + "/" + name;
    }

    /**
     * Looks {@code kind} up in discovery for {@code apiVersion}; refreshes and waits up to
     * {@value #DISCOVERY_WAIT_SECONDS} s for kinds of just-created CRDs.
     */
    public ApiResource resource(String apiVersion, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(DISCOVERY_WAIT_SECONDS).toNanos();
        while (true) {
            ApiResource r = discovery.computeIfAbsent(apiVersion, this::discover).get(kind);
            if (r != null) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException("kind '" + kind + "' is not served under '" + apiVersion
                        + "' by " + server + " (kinds there: " + discovery.get(apiVersion).keySet() + ")");
            }
            discovery.remove(apiVersion);
            pause(250);
        }
    }

    private Map<String, ApiResource> discover(String apiVersion) {
        String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        Map<String, ApiResource> byKind = new ConcurrentHashMap<>();
        JsonNode list;
        try {
            list = get(base);
        } catch (KubeApiException e) {
            if (e.statusCode() == 404) {
                return byKind; // group/version not served (yet)
            }
            throw e;
        }
        for (JsonNode r : list.path("resources")) {
            String plural = r.path("name").asText();
            if (plural.contains("/")) {
                continue; // subresource such as services/status
            }
            byKind.put(r.path("kind").asText(),
                    new ApiResource(apiVersion, r.path("kind").asText(), plural, r.path("namespaced").asBoolean()));
        }
        return byKind;
    }

    // ---------------------------------------------------------------- plain REST

    /** {@code GET path}. */
    public JsonNode get(String path) {
        return send("GET", path, null, null);
    }

    /** {@code GET path}, empty on 404. */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (KubeApiException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code GET} of a collection path, returning its {@code items}. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        get(path).path("items").forEach(items::add);
        return items;
    }

    /** {@code POST} of one object (YAML or JSON) to a collection path. */
    public JsonNode create(String collectionPath, String yamlOrJsonObject) {
        return send("POST", collectionPath, "application/json", toJson(parse(yamlOrJsonObject)));
    }

    /** {@code DELETE path}. */
    public JsonNode delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** {@code PATCH path} with a JSON merge patch, e.g. of a {@code /status} subresource. */
    public JsonNode mergePatch(String path, String jsonPatch) {
        return send("PATCH", path, "application/merge-patch+json", jsonPatch);
    }

    /**
     * Issues a token for ServiceAccount {@code namespace/serviceAccount} through the TokenRequest
     * subresource (audience: the API server itself, 1 hour). This is how tests get service-account
     * tokens: a bare kube-apiserver has no controller-manager, so
     * {@code kubernetes.io/service-account-token} Secrets are never filled in.
     */
    public String createTokenRequest(String namespace, String serviceAccount) {
        ObjectNode body = JSON.createObjectNode()
                .put("apiVersion", "authentication.k8s.io/v1")
                .put("kind", "TokenRequest");
        body.putObject("spec").put("expirationSeconds", 3600);
        JsonNode answer = send("POST",
                "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount + "/token",
                "application/json", toJson(body));
        String t = answer.path("status").path("token").asText("");
        if (t.isEmpty()) {
            throw new IllegalStateException("TokenRequest for " + namespace + "/" + serviceAccount
                    + " returned no status.token: " + answer);
        }
        return t;
    }

    /**
     * Asks the authorizer whether {@code user} may {@code verb} {@code resource} in API group
     * {@code group} ("" for core) in {@code namespace} (null for cluster scope). For a
     * service account pass {@code system:serviceaccount:<ns>:<name>}.
     */
    public boolean subjectAccessReview(String user, String verb, String group, String resource, String namespace) {
        ObjectNode body = JSON.createObjectNode()
                .put("apiVersion", "authorization.k8s.io/v1")
                .put("kind", "SubjectAccessReview");
        ObjectNode spec = body.putObject("spec").put("user", user);
        ObjectNode attrs = spec.putObject("resourceAttributes")
                .put("verb", verb).put("group", group).put("resource", resource);
        if (namespace != null) {
            attrs.put("namespace", namespace);
        }
        if (user.startsWith("system:serviceaccount:")) {
            String ns = user.split(":")[2];
            spec.putArray("groups").add("system:serviceaccounts").add("system:serviceaccounts:" + ns)
                    .add("system:authenticated");
        } else {
            spec.putArray("groups").add("system:authenticated");
        }
        JsonNode answer = send("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews",
                "application/json", toJson(body));
        return answer.path("status").path("allowed").asBoolean(false);
    }

    /**
     * Polls until {@code condition} holds.
     *
     * @throws IllegalStateException naming {@code what} on timeout
     */
    public static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(200);
        }
    }

    /** Status code of a request, without throwing on non-2xx (used for readiness probes). */
    int rawStatus(String method, String path) throws IOException, InterruptedException {
        HttpRequest req = request(method, path, null, null).timeout(Duration.ofSeconds(5)).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---------------------------------------------------------------- YAML/JSON helpers

    /** Parses one YAML or JSON object. */
    public static JsonNode parse(String yamlOrJson) {
        try {
            JsonNode n = YAML.readTree(yamlOrJson);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a single YAML/JSON object: " + abbreviate(yamlOrJson));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid YAML/JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses every non-empty document of a multi-document YAML stream. */
    public static List<JsonNode> parseAll(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid YAML stream: " + e.getMessage(), e);
        }
        return docs;
    }

    // ---------------------------------------------------------------- transport

    private JsonNode send(String method, String path, String contentType, String body) {
        HttpRequest req = request(method, path, contentType, body).timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + server + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
        if (resp.statusCode() / 100 != 2) {
            throw new KubeApiException(method, path, resp.statusCode(), resp.body());
        }
        try {
            return resp.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(resp.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + " answered non-JSON: " + abbreviate(resp.body()), e);
        }
    }

    private HttpRequest.Builder request(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpClient httpClient(String caPem) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("caPem holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder()
                    .sslContext(ssl)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context trusting the server CA: " + e, e);
        }
    }

    private static String toJson(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredText(JsonNode object, String field) {
        String v = object.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("object has no '" + field + "': " + abbreviate(object.toString()));
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** Sleeps, turning an interrupt into a failure (the fixture's polling loops). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
