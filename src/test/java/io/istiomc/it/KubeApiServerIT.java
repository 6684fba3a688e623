package io.istiomc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiomc.it.KubeClient.KubeApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercises the {@link KubeApiServer} fixture: two real API servers ("primary" and "remote") at
 * once, Istio CRDs, server-side apply, validation, TokenRequest and RBAC.
 *
 * <p>Needs {@code eval "$(scripts/kube-test-env.sh)"} first (see {@link KubeApiServer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeApiServerIT {

    private static final String MANAGER = "kube-apiserver-it";

    private ServerPair pair;
    private KubeApiServer primary;
    private KubeApiServer remote;

    @BeforeAll
    void startTwoServersAndInstallIstioCrds() {
        pair = ServerPair.startWithIstioCrds();
        primary = pair.primary;
        remote = pair.remote;
    }

    @AfterAll
    void stopServers() {
        Resources.closeAll(pair);
    }

    Stream<KubeApiServer> servers() {
        return Stream.of(primary, remote);
    }

    @Test
    @DisplayName("the two servers are distinct and each has every Istio CRD Established")
    void bothServersHaveIstioCrds() {
        assertNotEquals(primary.url(), remote.url());
        assertNotEquals(primary.caPem(), remote.caPem());
        List<String> expected = IstioCrds.all().stream().map(c -> c.path("metadata").path("name").asText()).toList();
        for (KubeApiServer s : List.of(primary, remote)) {
            for (String name : expected) {
                JsonNode crd = s.client().get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name);
                assertTrue(IstioCrds.isEstablished(crd), name + " not Established on " + s);
            }
        }
    }

    // autoCloseArguments = false: JUnit would otherwise close() the AutoCloseable servers after each invocation
    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    @DisplayName("server-side apply stores a Namespace, Service, ServiceAccount, token Secret and Istio Gateway")
    void serverSideApplyRoundTrip(KubeApiServer server) {
        // GIVEN
        KubeClient k = server.client();

        // WHEN
        k.serverSideApply("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: mesh-it
                  labels:
                    topology.istio.io/network: network1
                """, MANAGER);
        JsonNode svc = k.serverSideApply("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: istio-eastwestgateway
                  namespace: mesh-it
                  labels: {istio: eastwestgateway}
                spec:
                  type: LoadBalancer
                  selector: {istio: eastwestgateway}
                  ports:
                  # 'protocol' is required for server-side apply on 1.20 (it is part of the list key)
                  - {name: tls, port: 15443, targetPort: 15443, protocol: TCP}
                  - {name: tls-istiod, port: 15012, targetPort: 15012, protocol: TCP}
                """, MANAGER);
        k.serverSideApply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: istio-reader-service-account, namespace: mesh-it}
                """, MANAGER);
        k.serverSideApply("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: istio-reader-service-account-token
                  namespace: mesh-it
                  annotations:
                    kubernetes.io/service-account.name: istio-reader-service-account
                type: kubernetes.io/service-account-token
                """, MANAGER);
        k.serverSideApply("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: cross-network-gateway, namespace: mesh-it}
                spec:
                  selector: {istio: eastwestgateway}
                  servers:
                  - port: {number: 15443, name: tls, protocol: TLS}
                    tls: {mode: AUTO_PASSTHROUGH}
                    hosts: ["*.local"]
                """, MANAGER);

        // THEN
        JsonNode ns = k.get("/api/v1/namespaces/mesh-it");
        assertEquals("network1", ns.path("metadata").path("labels").path("topology.istio.io/network").asText());

        JsonNode readSvc = k.get("/api/v1/namespaces/mesh-it/services/istio-eastwestgateway");
        assertEquals(svc.path("metadata").path("uid"), readSvc.path("metadata").path("uid"));
        assertEquals("LoadBalancer", readSvc.path("spec").path("type").asText());
        assertEquals(15443, readSvc.path("spec").path("ports").path(0).path("port").asInt());
        assertEquals("TCP", readSvc.path("spec").path("ports").path(1).path("protocol").asText());
        assertTrue(readSvc.path("spec").path("clusterIP").asText().startsWith("10.96."),
                "clusterIP allocated from " + KubeApiServer.SERVICE_CLUSTER_IP_RANGE + ": " + readSvc.path("spec"));
        assertTrue(readSvc.path("metadata").path("managedFields").toString().contains(MANAGER));

        JsonNode secret = k.get("/api/v1/namespaces/mesh-it/secrets/istio-reader-service-account-token");
        assertEquals("kubernetes.io/service-account-token", secret.path("type").asText());
        // A bare kube-apiserver has no controller-manager, so nothing fills in the token:
        // tests get service-account tokens through TokenRequest (see leastPrivilegeToken...).
        assertFalse(secret.path("data").has("token"), "token filled in without a controller-manager?");

        JsonNode gw = k.get("/apis/networking.istio.io/v1/namespaces/mesh-it/gateways/cross-network-gateway");
        assertEquals("AUTO_PASSTHROUGH", gw.path("spec").path("servers").path(0).path("tls").path("mode").asText());
        assertEquals("eastwestgateway", gw.path("spec").path("selector").path("istio").asText());
        assertEquals(1, k.list("/apis/networking.istio.io/v1/namespaces/mesh-it/gateways").size());

        // Re-applying the same object is a no-op for the same manager.
        JsonNode again = k.serverSideApply("""
                apiVersion: v1
                kind: Service
                metadata: {name: istio-eastwestgateway, namespace: mesh-it, labels: {istio: eastwestgateway}}
                spec:
                  type: LoadBalancer
                  selector: {istio: eastwestgateway}
                  ports:
                  - {name: tls, port: 15443, targetPort: 15443, protocol: TCP}
                  - {name: tls-istiod, port: 15012, targetPort: 15012, protocol: TCP}
                """, MANAGER);
        assertEquals(readSvc.path("metadata").path("resourceVersion"), again.path("metadata").path("resourceVersion"));
    }

    // autoCloseArguments = false: JUnit would otherwise close() the AutoCloseable servers after each invocation
    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("servers")
    @DisplayName("a Service with port 70000 is rejected with 422 and the server's message")
    void invalidServiceIsRejected(KubeApiServer server) {
        // GIVEN
        KubeClient k = server.client();

        // WHEN
        KubeApiException e = assertThrows(KubeApiException.class, () -> k.serverSideApply("""
                apiVersion: v1
                kind: Service
                metadata: {name: broken, namespace: default}
                spec:
                  ports:
                  - {name: http, port: 70000, protocol: TCP}
                """, MANAGER));

        // THEN
        assertEquals(422, e.statusCode(), e.getMessage());
        assertEquals("Invalid", e.reason());
        assertTrue(e.serverMessage().contains("spec.ports[0].port"), e.serverMessage());
        assertTrue(k.find("/api/v1/namespaces/default/services/broken").isEmpty());
    }

    @Test
    @DisplayName("an Istio Gateway that violates the CRD schema is rejected")
    void invalidGatewayIsRejected() {
        KubeApiException e = assertThrows(KubeApiException.class, () -> primary.client().serverSideApply("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: broken, namespace: default}
                spec:
                  servers:
                  - port: {number: not-a-number, name: tls, protocol: TLS}
                    hosts: ["*"]
                """, MANAGER));
        assertEquals(422, e.statusCode(), e.getMessage());
        assertTrue(e.serverMessage().contains("spec.servers.port.number"), e.serverMessage());
    }

    @Test
    @DisplayName("a TokenRequest token bound to a services-reader ClusterRole can list services but not create Secrets")
    void leastPrivilegeTokenFromTokenRequest() {
        // GIVEN a ServiceAccount bound to a ClusterRole that only reads services
        KubeClient admin = remote.client();
        admin.serverSideApply("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"reader-it\"}}",
                MANAGER);
        admin.serverSideApply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: service-reader, namespace: reader-it}
                """, MANAGER);
        admin.serverSideApply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: it-service-reader}
                rules:
                - apiGroups: [""]
                  resources: [services]
                  verbs: [get, list, watch]
                """, MANAGER);
        admin.serverSideApply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: it-service-reader}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: it-service-reader}
                subjects:
                - {kind: ServiceAccount, name: service-reader, namespace: reader-it}
                """, MANAGER);
        String user = "system:serviceaccount:reader-it:service-reader";

        // WHEN a token is issued through TokenRequest (no controller-manager fills token Secrets)
        String token = admin.createTokenRequest("reader-it", "service-reader");
        KubeClient reader = admin.withToken(token);

        // THEN it is a JWT from our issuer for that ServiceAccount
        JsonNode claims = KubeClient.parse(new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(KubeApiServer.SERVICE_ACCOUNT_ISSUER, claims.path("iss").asText());
        assertEquals(user, claims.path("sub").asText());

        // AND the authorizer agrees with the ClusterRole
        KubeClient.waitFor("RBAC to see the binding", Duration.ofSeconds(30),
                () -> admin.subjectAccessReview(user, "list", "", "services", null));
        assertTrue(admin.subjectAccessReview(user, "get", "", "services", "default"));
        assertFalse(admin.subjectAccessReview(user, "create", "", "secrets", "reader-it"));
        assertFalse(admin.subjectAccessReview(user, "list", "", "secrets", null));

        // AND the token can list services everywhere...
        List<JsonNode> services = reader.list("/api/v1/services");
        assertTrue(services.stream().anyMatch(s -> s.path("metadata").path("name").asText().equals("kubernetes")),
                "the 'kubernetes' Service is visible");

        // ...but gets 403 creating a Secret (by POST and by server-side apply)
        KubeApiException created = assertThrows(KubeApiException.class, () -> reader.create(
                "/api/v1/namespaces/reader-it/secrets",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"nope\"},\"stringData\":{\"a\":\"b\"}}"));
        assertEquals(403, created.statusCode(), created.getMessage());
        assertEquals("Forbidden", created.reason());
        assertTrue(created.serverMessage().contains(user), created.serverMessage());
        KubeApiException applied = assertThrows(KubeApiException.class, () -> reader.serverSideApply("""
                apiVersion: v1
                kind: Secret
                metadata: {name: nope, namespace: reader-it}
                """, MANAGER));
        assertEquals(403, applied.statusCode(), applied.getMessage());

        // AND the admin token still works, while a made-up token is rejected
        assertEquals(0, admin.list("/api/v1/namespaces/reader-it/secrets").stream()
                .filter(s -> s.path("metadata").path("name").asText().equals("nope")).count());
        KubeApiException unauth = assertThrows(KubeApiException.class,
                () -> admin.withToken("not-a-token").list("/api/v1/services"));
        assertEquals(401, unauth.statusCode());
    }

    @Test
    @DisplayName("delete removes an object and a kubeconfig names the cluster everywhere")
    void deleteAndKubeconfig() {
        KubeClient k = primary.client();
        k.serverSideApply("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: doomed, namespace: default}
                data: {a: b}
                """, MANAGER);
        k.delete("/api/v1/namespaces/default/configmaps/doomed");
        assertTrue(k.find("/api/v1/namespaces/default/configmaps/doomed").isEmpty());

        JsonNode kubeconfig = KubeClient.parse(primary.kubeconfig("primary", primary.adminToken()));
        assertEquals(primary.url(), kubeconfig.path("clusters").path(0).path("cluster").path("server").asText());
        assertEquals("primary", kubeconfig.path("current-context").asText());
    }
}
